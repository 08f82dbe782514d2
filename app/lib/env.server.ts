import { z } from "zod";

/** Environment, validated once at boot. Nothing here reaches the browser. */

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "应为 true 或 false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "应为 development、production 或 test" }).default("development"),
  PORT: z.coerce.number({ error: "应为 0–65535 的端口号" }).int("应为整数").min(0, "应为 0–65535 的端口号").max(65535, "应为 0–65535 的端口号").default(3000),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "应以 postgres:// 或 postgresql:// 开头")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default("./data"),
  CONTENT_DIR: z.string().min(1).default("./content"),
  DB_POOL_SIZE: z.coerce.number({ error: "应为 1–200 的整数" }).int("应为 1–200 的整数").min(1, "应为 1–200 的整数").max(200, "应为 1–200 的整数").default(10),
  /** Express "trust proxy": set when behind nginx so X-Forwarded-For gives the client IP. */
  TRUST_PROXY: z.string().optional(),
  COOKIE_SECURE: boolish.optional(),
  /** Extra origins allowed to POST (comma-separated), besides the host itself. */
  ALLOWED_ORIGINS: z.string().default(""),
  DEMO_ACCOUNTS: boolish.default(true),
  /** Names this process in an X-Academy-Instance header (several processes behind nginx, scripts/cluster). */
  INSTANCE_ID: z.string().optional(),
  /** Render documents on a second thread (production only; docs/decisions/009). false renders on the main thread. */
  RENDER_THREAD: boolish.default(true),
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
