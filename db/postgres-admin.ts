import pg from "pg";

/** Creating and dropping whole databases on the PostgreSQL server named by a DATABASE_URL. */

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withMaintenanceClient<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor(baseUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
};

export async function createDatabase(baseUrl: string, name: string, template?: string): Promise<string> {
  await withMaintenanceClient(baseUrl, (c) =>
    c.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`),
  );
  return databaseUrlFor(baseUrl, name);
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withMaintenanceClient(baseUrl, (c) => c.query(`drop database if exists ${ident(name)} with (force)`));
}

/** Drops databases left behind by earlier runs that were killed before their teardown. */
export async function dropDatabasesLike(baseUrl: string, prefix: string): Promise<void> {
  await withMaintenanceClient(baseUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}%`]);
    for (const { datname } of rows) await c.query(`drop database if exists ${ident(datname)} with (force)`);
  });
}
