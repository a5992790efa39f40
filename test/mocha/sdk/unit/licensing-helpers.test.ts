import { expect } from "chai";
import { zeroHash } from "viem";
import {
  ETH,
  InvalidParameterError,
  MAX_PARENTS,
  PERPETUAL_EXPIRY,
} from "../../../../sdk/index.js";
import { ethAmount, sumByCurrency } from "../../../../sdk/utils/currencyTotals.js";
import { toExpiry } from "../../../../sdk/utils/licenceExpiry.js";
import {
  fromTermsStruct,
  type LicenceTermsInput,
  toTermsStruct,
} from "../../../../sdk/utils/licenceTerms.js";
import { validateParents } from "../../../../sdk/utils/validateParents.js";

const USD = "0x00000000000000000000000000000000000000Aa";
const usdLower = USD.toLowerCase() as `0x${string}`;

function parameterOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.parameter;
    throw error;
  }
  return undefined;
}

describe("sdk validateParents", function () {
  it("returns the contract's ParentShare structs in order", function () {
    expect(
      validateParents([
        { assetId: 2n, shareBps: 3_000 },
        { assetId: 1n, shareBps: 10_000 },
      ]),
    ).to.deep.equal([
      { parentId: 2n, shareBps: 3_000 },
      { parentId: 1n, shareBps: 10_000 },
    ]);
  });

  it("refuses empty, oversized, duplicate and out-of-range parents, naming the entry", function () {
    const max = Array.from({ length: MAX_PARENTS }, (_, i) => ({
      assetId: BigInt(i + 1),
      shareBps: 1,
    }));
    expect(validateParents(max)).to.have.length(MAX_PARENTS);
    expect(parameterOf(() => validateParents([]))).to.equal("parents");
    expect(parameterOf(() => validateParents([...max, { assetId: 99n, shareBps: 1 }]))).to.equal(
      "parents",
    );
    expect(parameterOf(() => validateParents([{ assetId: 1n, shareBps: 0.5 }]))).to.equal(
      "parents[0].shareBps",
    );
    expect(parameterOf(() => validateParents([{ assetId: 1n, shareBps: 0 }]))).to.equal(
      "parents[0].shareBps",
    );
    expect(parameterOf(() => validateParents([{ assetId: 1n, shareBps: NaN }]))).to.equal(
      "parents[0].shareBps",
    );
    expect(parameterOf(() => validateParents([{ assetId: -1n, shareBps: 1 }]))).to.equal(
      "parents[0].assetId",
    );
    expect(
      parameterOf(() => validateParents([{ assetId: 1 as unknown as bigint, shareBps: 1 }])),
    ).to.equal("parents[0].assetId");
    const duplicate = [
      { assetId: 7n, shareBps: 1 },
      { assetId: 8n, shareBps: 1 },
      { assetId: 7n, shareBps: 1 },
    ];
    expect(parameterOf(() => validateParents(duplicate))).to.equal("parents[2].assetId");
  });
});

describe("sdk currency totals", function () {
  it("sums per currency in order of first appearance, ignoring case and zero amounts", function () {
    const totals = sumByCurrency([
      { currency: USD, amount: 5n },
      { currency: ETH, amount: 0n },
      { currency: ETH, amount: 2n },
      { currency: usdLower, amount: 7n },
      { currency: ETH, amount: 3n },
    ]);
    expect(totals).to.deep.equal([
      { currency: USD, amount: 12n },
      { currency: ETH, amount: 5n },
    ]);
    expect(sumByCurrency([{ currency: ETH, amount: 0n }])).to.deep.equal([]);
  });

  it("counts only ETH amounts as the value to send", function () {
    expect(
      ethAmount([
        { currency: USD, amount: 5n },
        { currency: ETH, amount: 2n },
        { currency: ETH, amount: 1n },
      ]),
    ).to.equal(3n);
    expect(ethAmount([])).to.equal(0n);
  });
});

describe("sdk licence terms and expiry", function () {
  it("fills defaults and round-trips through the contract's struct", function () {
    const struct = toTermsStruct({ allowed: true });
    expect(struct).to.deep.equal({
      allowed: true,
      currency: ETH,
      price: 0n,
      duration: 0,
      minShareBps: 0,
      documentHash: zeroHash,
      documentURI: "",
    });
    expect(
      fromTermsStruct(toTermsStruct({ allowed: false, duration: 60n, documentUri: "u" })),
    ).to.deep.equal({
      allowed: false,
      currency: ETH,
      price: 0n,
      duration: 60n,
      minShareBps: 0,
      documentHash: zeroHash,
      documentUri: "u",
    });
  });

  it("refuses values the struct cannot hold", function () {
    expect(parameterOf(() => toTermsStruct({ allowed: "yes" as unknown as boolean }))).to.equal(
      "terms.allowed",
    );
    // A price above the largest payment (2^120 - 1) could never be bought.
    expect(
      parameterOf(() => toTermsStruct({ allowed: true, currency: ETH, price: 1n << 120n })),
    ).to.equal("terms.price");
    const unpriced = { allowed: true, price: 1n } as unknown as LicenceTermsInput;
    expect(parameterOf(() => toTermsStruct(unpriced))).to.equal("terms.currency");
    expect(parameterOf(() => toTermsStruct({ allowed: true, duration: -1n }))).to.equal(
      "terms.duration",
    );
    expect(parameterOf(() => toTermsStruct({ allowed: true, minShareBps: 2.5 }))).to.equal(
      "terms.minShareBps",
    );
    expect(parameterOf(() => toTermsStruct({ allowed: true, documentHash: "0xzz" }))).to.equal(
      "terms.documentHash",
    );
  });

  it("reads type(uint40).max as a perpetual licence", function () {
    expect(toExpiry(Number(PERPETUAL_EXPIRY))).to.equal(null);
    expect(toExpiry(PERPETUAL_EXPIRY)).to.equal(null);
    expect(toExpiry(1_700_000_000)).to.equal(1_700_000_000n);
    expect(toExpiry(0)).to.equal(0n);
  });
});
