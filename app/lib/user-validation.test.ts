import { describe, expect, it } from "vitest";
import { parseForm } from "./forms";
import { setMessagesSource, zh } from "./messages";
import { en } from "./messages-en";
import { RegisterSchema } from "./user-validation";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const valid = {
  phone: "138 1234 5678",
  password: "longenough",
  confirmPassword: "longenough",
  displayName: " 张三 ",
  identity: "committee_candidate",
  street: "大关街道",
  community: "德胜社区",
  compound: "某小区",
};

describe("registration form", () => {
  it("accepts a valid form and normalises it", () => {
    const result = parseForm(form(valid), RegisterSchema);
    expect(result.ok && result.data.phone).toBe("13812345678");
    expect(result.ok && result.data.displayName).toBe("张三");
  });

  it("gives one Chinese message per bad field and echoes values but never passwords", () => {
    const result = parseForm(form({ ...valid, phone: "12345", password: "short", confirmPassword: "other", identity: "x" }), RegisterSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.phone).toBe("请输入 11 位中国大陆手机号，如 13812345678");
    expect(result.fieldErrors.password).toBe("密码至少 8 位");
    expect(result.fieldErrors.identity).toBe("请选择身份");
    expect(result.values.phone).toBe("12345");
    expect(result.values).not.toHaveProperty("password");
    expect(result.values).not.toHaveProperty("confirmPassword");
  });

  it("says the passwords differ", () => {
    const result = parseForm(form({ ...valid, confirmPassword: "longenougH" }), RegisterSchema);
    expect(!result.ok && result.fieldErrors.confirmPassword).toBe("两次输入的密码不一致");
  });

  it("treats missing fields as required", () => {
    const result = parseForm(form({}), RegisterSchema);
    expect(!result.ok && result.fieldErrors.phone).toBe("必填");
    expect(!result.ok && result.fieldErrors.street).toBe("必填");
  });

  it("answers in the reader's language, though the schema was built in Chinese", () => {
    setMessagesSource(() => ({ locale: "en", messages: en }));
    try {
      const result = parseForm(form({ ...valid, phone: "12345", displayName: "x".repeat(31), confirmPassword: "other" }), RegisterSchema);
      expect(!result.ok && result.fieldErrors.phone).toBe(en.validation.phoneInvalid);
      expect(!result.ok && result.fieldErrors.displayName).toBe(en.validation.tooLong(30));
      expect(!result.ok && result.fieldErrors.confirmPassword).toBe(en.validation.passwordMismatch);
    } finally {
      setMessagesSource(() => ({ locale: "zh", messages: zh }));
    }
  });
});
