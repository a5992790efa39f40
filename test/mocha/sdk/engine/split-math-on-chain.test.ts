import { expect } from "chai";
import { ETH, getBalances, pay, protocolFee, split, splitBalance } from "../../../../sdk/index.js";
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
  it("predicts every split the chain makes to the wei, for random shares and payments", async function () {
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
      let gross = 0n;
      let net = 0n;
      for (let payment = Number(random(3n)); payment >= 0; payment--) {
        const amount = random(2n) === 0n ? random(1_000n) + 1n : random(10n ** 18n) + 1n;
        await pay(e.payer, { deployment, assetId: remix, token: ETH, amount });
        gross += amount;
        net += amount - protocolFee(amount, FEE_BPS);
      }
      const [held] = await getBalances(e.publicClient, {
        deployment,
        assetIds: [remix],
        tokens: [ETH],
      });
      expect(held?.splittable, `run ${run}`).to.deep.equal({ gross, net });

      const predicted = splitBalance({ gross, net }, shares);
      const result = await split(e.stranger, { deployment, assetId: remix, token: ETH });
      expect(result.kept, `run ${run}`).to.equal(predicted.kept);
      const after = await getBalances(e.publicClient, {
        deployment,
        assetIds: [...parents, remix],
        tokens: [ETH],
      });
      expect(
        after.map(({ collectable }) => collectable),
        `run ${run}: ${shares.join(", ")} of ${gross}`,
      ).to.deep.equal([...predicted.forwarded, predicted.kept]);
    }
  });
});
