/**
 * npm run user:create -- --phone 13800001111 --name 张三 --role district_admin
 *                        [--campus daguan] [--password …]
 *
 * Creates an account (or finds the existing one for that phone) and grants it a role. The first
 * district admin of a new installation is made this way. Without --password a random one is
 * printed once. Works on DATABASE_URL or the embedded database (stop `npm start` first).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { t } from "../app/lib/messages";
import { phoneField } from "../app/lib/user-validation";
import { grantRole } from "../app/models/role.server";
import { findUserByPhone, registerUser } from "../app/models/user.server";
import { grantedRoles } from "../db/schema";
import { openPreparedDatabase } from "./lib/prepared-database";

const usage = "用法：npm run user:create -- --phone 13800001111 --name 张三 --role district_admin|branch_admin|learner [--campus daguan] [--password 至少8位]";

const { values } = parseArgs({
  options: {
    phone: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "learner" },
    campus: { type: "string" },
    password: { type: "string" },
  },
});

const Args = z
  .object({
    phone: phoneField,
    name: z.string({ error: "缺少 --name" }).trim().min(1, "缺少 --name").max(30, t.validation.tooLong(30)),
    role: z.enum(["learner", ...grantedRoles], { error: "--role 只能是 learner、branch_admin 或 district_admin" }),
    campus: z.string().optional(),
    password: z.string().min(8, t.validation.passwordTooShort).optional(),
  })
  .refine((a) => a.role !== "branch_admin" || a.campus, { path: ["campus"], message: "branch_admin 需要 --campus（学院的 slug，如 daguan）" });

const parsed = Args.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0] ?? "")}：${issue.message}`);
  console.error(usage);
  process.exit(2);
}
const args = parsed.data;

const { handle } = await openPreparedDatabase();
try {
  const { db } = handle;
  let campusId: number | null = null;
  if (args.role === "branch_admin") {
    const campus = await db.selectFrom("campuses").select("id").where("slug", "=", args.campus!).executeTakeFirst();
    if (!campus) throw new Error(`没有 slug 为 ${args.campus} 的学院（见 content/campuses.yaml）`);
    campusId = campus.id;
  }

  let user = await findUserByPhone(db, args.phone);
  let password: string | undefined;
  if (user) {
    console.log(`手机号 ${args.phone} 已有账号（${user.displayName}），不修改其密码。`);
  } else {
    password = args.password ?? randomBytes(9).toString("base64url");
    const result = await registerUser(db, {
      phone: args.phone,
      password,
      displayName: args.name,
      identity: "social_worker",
      street: "",
      community: "",
      compound: "",
    });
    if (!result.ok) throw new Error(t.validation.phoneTaken);
    user = { id: result.userId, phone: args.phone, displayName: args.name };
  }

  if (args.role !== "learner") {
    const granted = await grantRole(db, { actorId: null, userId: user.id, role: args.role, campusId, targetName: user.displayName });
    console.log(granted ? `已授予 ${args.role}${args.campus ? `（${args.campus}）` : ""}。` : "此人已有该角色。");
  }
  if (password && !args.password) console.log(`初始密码（只显示这一次，请登录后修改）：${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
