import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { type LicenceQuote, UseKind } from "../../../sdk/index.js";
import { datasetOrder } from "./datasetPurchase.ts";

const USD = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

function quote(
  assetId: bigint,
  version: number,
  currency: `0x${string}`,
  price: bigint,
): LicenceQuote {
  return {
    assetId,
    kind: UseKind.AITraining,
    allowed: true,
    currency,
    price,
    version,
    terms: {
      allowed: true,
      currency,
      price,
      duration: 0n,
      minShareBps: 0,
      documentHash: `0x${"0".repeat(64)}`,
      documentUri: "",
    },
  };
}

describe("datasetOrder", () => {
  it("holds every asset to its quoted version and caps each currency at its quoted total", () => {
    const order = datasetOrder([
      quote(4n, 1, zeroAddress, 10n),
      quote(2n, 3, USD, 5n),
      quote(9n, 2, zeroAddress, 7n),
      quote(6n, 1, USD, 0n),
    ]);
    expect(order).toEqual({
      assetIds: [4n, 2n, 9n, 6n],
      termsVersions: [1, 3, 2, 1],
      totals: [
        { currency: zeroAddress, amount: 17n },
        { currency: USD, amount: 5n },
      ],
    });
  });

  it("needs no cap for a free cart", () => {
    expect(datasetOrder([quote(1n, 1, zeroAddress, 0n)]).totals).toEqual([]);
  });
});
