import { expect } from "chai";
import { ETH } from "../../../../sdk/index.js";
import { type LedgerEvent, replayLedger } from "../../../../sdk/utils/ledgerReplay.js";

const at = { transactionHash: null, blockNumber: 1n };
const linked = (childId: bigint): LedgerEvent => ({
  ...at,
  eventName: "ParentLinked",
  args: { childId },
});
const paid = (assetId: bigint, amount: bigint, fee: bigint): LedgerEvent => ({
  ...at,
  eventName: "Paid",
  args: { assetId, token: ETH, amount, fee },
});
const forwarded = (childId: bigint, parentId: bigint, amount: bigint): LedgerEvent => ({
  ...at,
  eventName: "RoyaltyForwarded",
  args: { childId, parentId, token: ETH, amount },
});
const split = (assetId: bigint, gross: bigint, net: bigint, kept: bigint): LedgerEvent => ({
  ...at,
  eventName: "Split",
  args: { assetId, token: ETH, gross, net, kept },
});
const claimed = (assetId: bigint, amount: bigint): LedgerEvent => ({
  ...at,
  eventName: "Claimed",
  args: { assetId, token: ETH, amount },
});

describe("sdk replayLedger", function () {
  it("rebuilds balances: originals collect at once, remixes wait for a split", function () {
    const { ledgers, inconsistencies } = replayLedger([
      linked(2n),
      paid(1n, 100n, 10n),
      paid(2n, 1_000n, 100n),
      forwarded(2n, 1n, 300n),
      split(2n, 1_000n, 900n, 600n),
      claimed(1n, 390n),
      { ...at, eventName: "FeesWithdrawn", args: { token: ETH, amount: 110n } },
    ]);
    expect(inconsistencies).to.deep.equal([]);
    const eth = ledgers.get(ETH)!;
    expect(eth).to.deep.include({ paidIn: 1_100n, feesCharged: 110n, feesWithdrawn: 110n });
    expect(eth.claimed).to.equal(390n);
    expect([...eth.collectable]).to.deep.equal([[2n, 600n]]);
    expect([...eth.splittable]).to.deep.equal([]);
  });

  it("reports a split, claim or fee withdrawal that contradicts the books before it", function () {
    const { inconsistencies } = replayLedger([
      linked(2n),
      paid(2n, 1_000n, 100n),
      forwarded(2n, 1n, 300n),
      split(2n, 1_000n, 900n, 650n), // keeps 50 more than net less forwarded
      claimed(2n, 700n), // 50 more than it kept
      { ...at, eventName: "FeesWithdrawn", args: { token: ETH, amount: 101n } },
    ]);
    expect(
      inconsistencies.map(({ eventName, assetId, expected, actual }) => ({
        eventName,
        assetId,
        expected,
        actual,
      })),
    ).to.deep.equal([
      { eventName: "Split", assetId: 2n, expected: 600n, actual: 650n },
      { eventName: "Claimed", assetId: 2n, expected: 650n, actual: 700n },
      { eventName: "FeesWithdrawn", assetId: null, expected: 100n, actual: 101n },
    ]);
  });
});
