import { expect } from "chai";
import { formatAmount, formatTable } from "../../../scripts/lib/format.js";

describe("scripts format helpers", function () {
  it("formats amounts exactly, with separators and at least two decimals", function () {
    expect(formatAmount(1_000_300_000n, 6)).to.equal("1,000.30");
    expect(formatAmount(10n ** 18n, 18)).to.equal("1.00");
    expect(formatAmount(1n, 18)).to.equal("0.000000000000000001");
    expect(formatAmount(0n, 6)).to.equal("0.00");
    expect(formatAmount(-140_000_000_000_000_000n, 18)).to.equal("-0.14");
    expect(formatAmount(123_456_789_012_345_678_901_234n, 18)).to.equal(
      "123,456.789012345678901234",
    );
  });

  it("aligns a table: first column left, the others right", function () {
    expect(
      formatTable(
        ["token", "paid in"],
        [
          ["ETH", "4.00"],
          ["dUSD", "10,001.00"],
        ],
      ),
    ).to.equal(
      ["token    paid in", "─────  ─────────", "ETH         4.00", "dUSD   10,001.00"].join("\n"),
    );
  });
});
