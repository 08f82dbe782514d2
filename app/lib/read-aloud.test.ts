import { describe, expect, test } from "vitest";
import { pickChineseVoice } from "./read-aloud";

describe("the voice 朗读 uses", () => {
  test("a mainland Mandarin voice, preferring one on the device", () => {
    const voices = [
      { name: "en", lang: "en-US", localService: true },
      { name: "hk", lang: "zh-HK", localService: true },
      { name: "net", lang: "zh-CN", localService: false },
      { name: "local", lang: "zh_CN", localService: true },
    ];
    expect(pickChineseVoice(voices)?.name).toBe("local");
    expect(pickChineseVoice([{ name: "cmn", lang: "cmn-Hans-CN" }])?.name).toBe("cmn");
    // Linux (speech-dispatcher + espeak-ng) tags Mandarin without a region; a regional one still wins.
    expect(pickChineseVoice([{ name: "espeak", lang: "cmn" }])?.name).toBe("espeak");
    expect(pickChineseVoice([{ name: "espeak", lang: "cmn" }, { name: "cn", lang: "zh-CN" }])?.name).toBe("cn");
  });

  test("none when the browser has no zh-CN voice (the player is then not shown)", () => {
    expect(pickChineseVoice([{ name: "tw", lang: "zh-TW" }, { name: "hk", lang: "zh-HK" }, { name: "yue", lang: "yue" }, { name: "en", lang: "en-GB" }])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
});
