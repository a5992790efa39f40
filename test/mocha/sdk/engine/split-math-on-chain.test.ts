import { expect } from "chai";
import {
  advanceRemainder,
  ETH,
  getBalances,
  getProtocolConfig,
  pay,
  protocolFee,
  type RoyaltyBalance,
  split,
  splitBalance,
} from "../../../../sdk/index.js";
import { describeOnNodes, FEE_BPS, MAX_FEE_BPS } from "../helpers/env.js";
import { buildTree } from "../helpers/tree.js";

/** xorshift64*: the same cases on every run and both nodes. */
function randomSource(seed: bigint) {
  return (bound: bigint) => {
    seed ^= seed >> 12n;
    seed ^= (seed << 25n) & 0xffffffffffffffffn;
    seed ^= seed >> 27n;
    return ((seed * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn) % bound;
  };
}

describeOnNodes("sdk split math against the contract", (env) => {
  it("predicts every fee and split the chain makes to the wei, for random shares, payments and split timing", async function () {
    this.timeout(120_000);
    const e = env();
    const { deployment } = e;
    const random = randomSource(0x9e3779b97f4a7c15n);
    for (let run = 0; run < 6; run++) {
      // 1 to 16 parents whose shares fit under 100% less the maximum fee, each at least 1 bp.
      const count = Number(random(16n)) + 1;
      let left = 10_000 - MAX_FEE_BPS - count;
      const shares = Array.from({ length: count }, () => {
        const extra = Number(random(BigInt(left) + 1n));
        left -= extra;
        return 1 + extra;
      });
      const ids = await buildTree(e, [
        ...shares.map(() => ({})),
        { by: e.bob, parents: shares.map((shareBps, index) => ({ index, shareBps })) },
      ]);
      const parents = ids.slice(0, count);
      const remix = ids[count] as bigint;
      const config = await getProtocolConfig(e.publicClient, { deployment, tokens: [ETH] });
      let feeRemainder = config.tokens[0]?.feeGrossRemainder ?? 0n;
      let predicted: RoyaltyBalance = { held: 0n, pendingGross: 0n, remainder: 0n };
      const received = shares.map(() => 0n);
      // Payments of every size, each followed by a split or not, then a last split.
      for (let step = Number(random(6n)) + 1; step >= 0; step--) {
        if (step > 0) {
          const amount = random(2n) === 0n ? random(100n) + 1n : random(10n ** 18n) + 1n;
          const { fee } = await pay(e.payer, { deployment, assetId: remix, token: ETH, amount });
          expect(fee, `run ${run}`).to.equal(protocolFee(amount, FEE_BPS, feeRemainder));
          feeRemainder = advanceRemainder(feeRemainder, amount);
          predicted = {
            ...predicted,
            held: predicted.held + amount - fee,
            pendingGross: predicted.pendingGross + amount,
          };
          if (random(2n) === 0n) continue;
        }
        const expected = splitBalance(predicted, shares);
        const result = await split(e.stranger, { deployment, assetId: remix, token: ETH });
        expect(result.gross, `run ${run}`).to.equal(expected.gross);
        expected.amounts.forEach((amount, index) => (received[index] += amount));
        predicted = expected.balance;
      }
      const after = await getBalances(e.publicClient, {
        deployment,
        assetIds: [...parents, remix],
        tokens: [ETH],
      });
      expect(
        after.map(({ held, pendingGross, remainder }) => ({ held, pendingGross, remainder })),
        `run ${run}: ${shares.join(", ")}`,
      ).to.deep.equal([
        ...received.map((held) => ({ held, pendingGross: 0n, remainder: 0n })),
        predicted,
      ]);
    }
  });
});
