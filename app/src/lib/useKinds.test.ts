import { describe, expect, it } from "vitest";
import { UseKind } from "../../../sdk/index.js";
import { formatDuration, KINDS } from "./useKinds.ts";

describe("use kinds", () => {
  it("lists every SDK use kind once, in the contracts' order", () => {
    expect(KINDS.map((k) => k.kind)).toEqual(Object.values(UseKind));
    expect(KINDS.map((k) => UseKind[k.name])).toEqual(Object.values(UseKind));
  });

  it("formats durations", () => {
    expect(formatDuration(0n)).toBe("perpetual");
    expect(formatDuration(86_400n)).toBe("1 day");
    expect(formatDuration(30n * 86_400n)).toBe("30 days");
    expect(formatDuration(7_200n)).toBe("2 h");
    expect(formatDuration(90n)).toBe("90 s");
  });
});
