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
const split = (assetId: bigint, gross: bigint, amounts: bigint[]): LedgerEvent => ({
  ...at,
  eventName: "Split",
  args: { assetId, token: ETH, gross, amounts },
});
const claimed = (assetId: bigint, amount: bigint): LedgerEvent => ({
  ...at,
  eventName: "Claimed",
  args: { token: ETH, assetIds: [assetId], amounts: [amount] },
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
  it("rebuilds balances: money is held at once, a remix's gross waits for a split", function () {
    const { ledgers, inconsistencies } = replayLedger([
      ...history,
      split(2n, 1_000n, [300n]),
      claimed(1n, 390n),
      withdrawn(110n),
    ]);
    expect(inconsistencies).to.deep.equal([]);
    const eth = ledgers.get(ETH)!;
    expect(eth).to.deep.include({ paidIn: 1_100n, feesCharged: 110n, feesWithdrawn: 110n });
    expect(eth).to.deep.include({ claimed: 390n, grossRemainder: 1_100n });
    expect([...eth.balances]).to.deep.equal([
      [1n, { held: 0n, pendingGross: 0n, remainder: 0n }],
      [2n, { held: 600n, pendingGross: 0n, remainder: 1_000n }],
    ]);
  });

  it("reports a split, claim or fee withdrawal that contradicts the books before it", function () {
    expect(
      summary([
        ...history,
        split(2n, 1_000n, [250n]), // 50 less to the parent than its 30%
        claimed(2n, 700n), // 50 more than it holds after the split
        withdrawn(111n),
      ]),
    ).to.deep.equal([
      { eventName: "Split", assetId: 1n, expected: 300n, actual: 250n },
      { eventName: "Claimed", assetId: 2n, expected: 650n, actual: 700n },
      { eventName: "FeesWithdrawn", assetId: null, expected: 110n, actual: 111n },
    ]);
  });

  it("reports a fee other than the increment of the fee in force, which changes with FeeUpdated", function () {
    // 1,003 then 1,003 at 10%: floor(100.3) = 100, then floor(200.6) - 100 = 100; at 5% the second
    // is floor(2,006 * 0.05) - floor(1,003 * 0.05) = 100 - 50 = 50.
    expect(summary([fee(1_000), paid(1n, 1_003n, 100n), paid(1n, 1_003n, 100n)])).to.deep.equal([]);
    expect(
      summary([fee(1_000), paid(1n, 1_003n, 100n), fee(500), paid(1n, 1_003n, 100n)]),
    ).to.deep.equal([{ eventName: "Paid", assetId: 1n, expected: 50n, actual: 100n }]);
  });

  it("reports a split of the wrong gross, to too many parents, or of more than is held", function () {
    expect(summary([...history, split(2n, 900n, [270n])])).to.deep.equal([
      { eventName: "Split", assetId: 2n, expected: 1_000n, actual: 900n },
      { eventName: "Split", assetId: 1n, expected: 300n, actual: 270n },
    ]);
    expect(summary([...history, split(2n, 1_000n, [300n, 5n])])).to.deep.equal([
      { eventName: "Split", assetId: null, expected: 0n, actual: 5n },
    ]);
    // 16 equal parents and 1 unit held of 16 paid: only 15 of the 16 units pending are covered.
    const wide = [
      fee(9_375),
      ...Array.from({ length: 16 }, (_, i) => linked(20n, BigInt(i + 1), 625)),
      paid(20n, 16n, 15n),
    ];
    expect(
      summary([
        ...wide,
        split(
          20n,
          15n,
          Array.from({ length: 16 }, () => 0n),
        ),
      ]),
    ).to.deep.equal([]);
    expect(
      summary([
        ...wide,
        split(
          20n,
          16n,
          Array.from({ length: 16 }, () => 1n),
        ),
      ]),
    ).to.deep.include({ eventName: "Split", assetId: 20n, expected: 15n, actual: 16n });
  });

  describe("a claim and the splits logged just before it in its transaction", function () {
    const tx = { transactionHash: `0x${"ab".repeat(32)}`, blockNumber: 2n } as const;
    const inTx = (event: LedgerEvent): LedgerEvent => ({ ...event, ...tx });
    const claimedMany = (assetIds: bigint[], amounts: bigint[]): LedgerEvent =>
      inTx({ ...at, eventName: "Claimed", args: { token: ETH, assetIds, amounts } });

    it("replays the claim's own split where the claim made it: after the assets it took before", function () {
      // claimMany([1, 2]) takes 1 (90), then splits 2 (300 to 1) and takes 2 (600); the split
      // is logged before the claim's one Claimed.
      const { ledgers, inconsistencies } = replayLedger([
        ...history,
        inTx(split(2n, 1_000n, [300n])),
        claimedMany([1n, 2n], [90n, 600n]),
      ]);
      expect(inconsistencies).to.deep.equal([]);
      const balances = ledgers.get(ETH)!.balances;
      expect(balances.get(1n)).to.deep.equal({ held: 300n, pendingGross: 0n, remainder: 0n });
      expect(balances.get(2n)).to.deep.equal({ held: 0n, pendingGross: 0n, remainder: 1_000n });
    });

    it("replays a split made before the claim in the same transaction (splitMany, then claimMany)", function () {
      const { ledgers, inconsistencies } = replayLedger([
        ...history,
        inTx(split(2n, 1_000n, [300n])),
        claimedMany([1n, 2n], [390n, 600n]),
      ]);
      expect(inconsistencies).to.deep.equal([]);
      expect(ledgers.get(ETH)!.balances.get(1n)).to.deep.include({ held: 0n });
    });

    it("still reports a claim that fits neither order", function () {
      expect(
        summary([...history, inTx(split(2n, 1_000n, [300n])), claimedMany([1n, 2n], [91n, 600n])]),
      ).to.deep.equal([{ eventName: "Claimed", assetId: 1n, expected: 90n, actual: 91n }]);
    });

    it("never takes a split of another transaction, or of an asset the claim does not list, as its own", function () {
      // Split in another transaction: it came first, so asset 1's claim includes its 300.
      expect(
        summary([...history, split(2n, 1_000n, [300n]), claimedMany([1n], [90n])]),
      ).to.deep.equal([{ eventName: "Claimed", assetId: 1n, expected: 390n, actual: 90n }]);
    });
  });
});
