import { describe, expect, it } from "vitest";
import { isValidPhone, maskName, maskPhone, normalizePhone } from "./phone";

describe("phone numbers", () => {
  it("accepts mainland mobile numbers and rejects the rest", () => {
    expect(isValidPhone("13812341234")).toBe(true);
    expect(isValidPhone("19912341234")).toBe(true);
    expect(isValidPhone("12812341234")).toBe(false); // 12x is not a mobile prefix
    expect(isValidPhone("1381234123")).toBe(false); // 10 digits
    expect(isValidPhone("138123412345")).toBe(false);
    expect(isValidPhone("0571-8888888")).toBe(false);
  });

  it("normalises what people type", () => {
    expect(normalizePhone(" 138 1234 1234 ")).toBe("13812341234");
    expect(normalizePhone("138-1234-1234")).toBe("13812341234");
    expect(normalizePhone("+8613812341234")).toBe("13812341234");
    expect(normalizePhone("１３８１２３４１２３４")).toBe("13812341234");
  });

  it("masks the middle four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
  });

  it("masks names as 张*明", () => {
    expect(maskName("张三明")).toBe("张*明");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳小明")).toBe("欧**明");
  });
});
