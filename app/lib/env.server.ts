import { z } from "zod";

/** Environment, validated once at boot. Nothing here reaches the browser. */

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "应以 postgres:// 或 postgresql:// 开头")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default("./data"),
  CONTENT_DIR: z.string().min(1).default("./content"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Express "trust proxy": set when behind nginx so X-Forwarded-For gives the client IP. */
  TRUST_PROXY: z.string().optional(),
  COOKIE_SECURE: boolish.optional(),
  /** Extra origins allowed to POST (comma-separated), besides the host itself. */
  ALLOWED_ORIGINS: z.string().default(""),
  DEMO_ACCOUNTS: boolish.default(true),
});

export type Env = z.output<typeof schema> & { secureCookies: boolean; allowedOrigins: string[] };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量有误：\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    secureCookies: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    allowedOrigins: env.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
