import { expect } from "chai";
import { ETH } from "../../../../sdk/index.js";
import { type LedgerEvent, replayLedger } from "../../../../sdk/utils/ledgerReplay.js";

const at = { transactionHash: null, blockNumber: 1n };
const fee = (newFeeBps: number): LedgerEvent => ({
  ...at,
  eventName: "FeeUpdated",
  args: { newFeeBps },
});
const linked = (childId: bigint, parentId: bigint, shareBps: number): LedgerEvent => ({
  ...at,
  eventName: "ParentLinked",
  args: { childId, parentId, shareBps },
});
const paid = (assetId: bigint, amount: bigint, paidFee: bigint): LedgerEvent => ({
  ...at,
  eventName: "Paid",
  args: { assetId, token: ETH, amount, fee: paidFee },
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
const withdrawn = (amount: bigint): LedgerEvent => ({
  ...at,
  eventName: "FeesWithdrawn",
  args: { token: ETH, amount },
});
const summary = (events: LedgerEvent[]) =>
  replayLedger(events).inconsistencies.map(({ eventName, assetId, expected, actual }) => ({
    eventName,
    assetId,
    expected,
    actual,
  }));

// 1 <- 2 (30%), fee 10%: a 1,000 payment to 2 forwards 300 to 1 and keeps 600.
const history = [fee(1_000), linked(2n, 1n, 3_000), paid(1n, 100n, 10n), paid(2n, 1_000n, 100n)];

describe("sdk replayLedger", function () {
  it("rebuilds balances: originals collect at once, remixes wait for a split", function () {
    const { ledgers, inconsistencies } = replayLedger([
      ...history,
      forwarded(2n, 1n, 300n),
      split(2n, 1_000n, 900n, 600n),
      claimed(1n, 390n),
      withdrawn(110n),
    ]);
    expect(inconsistencies).to.deep.equal([]);
    const eth = ledgers.get(ETH)!;
    expect(eth).to.deep.include({ paidIn: 1_100n, feesCharged: 110n, feesWithdrawn: 110n });
    expect(eth.claimed).to.equal(390n);
    expect([...eth.collectable]).to.deep.equal([[2n, 600n]]);
    expect([...eth.splittable]).to.deep.equal([]);
  });

  it("reports a split, claim or fee withdrawal that contradicts the books before it", function () {
    expect(
      summary([
        ...history,
        forwarded(2n, 1n, 300n),
        split(2n, 1_000n, 900n, 650n), // keeps 50 more than net less forwarded
        claimed(2n, 700n), // 50 more than it kept
        withdrawn(111n),
      ]),
    ).to.deep.equal([
      { eventName: "Split", assetId: 2n, expected: 600n, actual: 650n },
      { eventName: "Claimed", assetId: 2n, expected: 650n, actual: 700n },
      { eventName: "FeesWithdrawn", assetId: null, expected: 110n, actual: 111n },
    ]);
  });

  it("reports a fee other than the fee in force, which changes with FeeUpdated", function () {
    expect(
      summary([fee(1_000), paid(1n, 1_000n, 100n), fee(500), paid(1n, 1_000n, 100n)]),
    ).to.deep.equal([{ eventName: "Paid", assetId: 1n, expected: 50n, actual: 100n }]);
  });

  it("reports a forward of the wrong amount, to the wrong parent, or missing", function () {
    expect(
      summary([...history, forwarded(2n, 1n, 299n), split(2n, 1_000n, 900n, 601n)]),
    ).to.deep.equal([{ eventName: "RoyaltyForwarded", assetId: 1n, expected: 300n, actual: 299n }]);
    expect(
      summary([...history, forwarded(2n, 7n, 300n), split(2n, 1_000n, 900n, 600n)]),
    ).to.deep.equal([
      { eventName: "Split", assetId: 1n, expected: 300n, actual: 0n },
      { eventName: "RoyaltyForwarded", assetId: 7n, expected: 0n, actual: 300n },
    ]);
    expect(summary([...history, split(2n, 1_000n, 900n, 900n)])).to.deep.equal([
      { eventName: "Split", assetId: 1n, expected: 300n, actual: 0n },
    ]);
  });
});
