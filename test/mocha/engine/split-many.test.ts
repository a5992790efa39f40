import { expect } from "chai";
import { ETH, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  eventsOf,
  expectRoyaltyBalance,
  expectSolvent,
  feesAccrued,
  pay,
  splitsOf,
} from "../helpers/engine.js";

/** Family with C paid 10,000 and B paid 1,000 in ETH, and C 1,000,000 and B 100,000 in the token. */
async function deployPaidFamily() {
  const family = await deployFamily();
  const { protocol, payer, token, b, c } = family;
  await pay(protocol, payer, c, ETH, 10_000n);
  await pay(protocol, payer, b, ETH, 1_000n);
  await pay(protocol, payer, c, token, 1_000_000n);
  await pay(protocol, payer, b, token, 100_000n);
  return family;
}

describe("splitMany", function () {
  it("moves money two hops in one call when children come before parents", async function () {
    const { protocol, stranger, token, a, b, c } =
      await networkHelpers.loadFixture(deployPaidFamily);

    const splits = await splitsOf(
      protocol.connect(stranger).splitMany([c, b], [ETH, token]),
      protocol,
    );

    // C: fee 1,000, A +2,000, B +3,000, keeps 4,000. B then splits its own 1,000 gross (900 held)
    // plus the 3,000 from C: A +1,200, B keeps 3,900 - 1,200 = 2,700. The token is the same times
    // 100.
    expect(splits).to.deep.equal([
      [c, ETH, 10_000n, [2_000n, 3_000n]],
      [c, token, 1_000_000n, [200_000n, 300_000n]],
      [b, ETH, 4_000n, [1_200n]],
      [b, token, 400_000n, [120_000n]],
    ]);
    for (const [tok, scale] of [
      [ETH, 1n],
      [token, 100n],
    ] as const) {
      expect(await protocol.collectableBalance(a, tok)).to.equal(3_200n * scale);
      expect(await protocol.collectableBalance(b, tok)).to.equal(2_700n * scale);
      expect(await protocol.collectableBalance(c, tok)).to.equal(4_000n * scale);
      expect(await feesAccrued(protocol, tok)).to.equal(1_100n * scale);
      await expectRoyaltyBalance(protocol, b, tok, 2_700n * scale, 0n);
    }
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("moves money one hop only when parents come before children", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployPaidFamily);

    await protocol.splitMany([b, c], [ETH]);

    // B split its own 1,000 (900 held, 300 to A) before C forwarded 3,000 to it, which now waits
    // for the next split.
    await expectRoyaltyBalance(protocol, b, ETH, 600n + 3_000n, 3_000n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(300n + 2_000n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("skips assets with nothing to split and does nothing for empty lists", async function () {
    const { protocol, token, a, b, c } = await networkHelpers.loadFixture(deployPaidFamily);

    await expect(protocol.splitMany([], [ETH, token])).not.to.emit(protocol, "Split");
    await expect(protocol.splitMany([a, b, c], [])).not.to.emit(protocol, "Split");

    // A is an original and C + 1 does not exist: neither has anything pending.
    const splits = await eventsOf(protocol.splitMany([a, c + 1n, b], [ETH]), protocol, "Split");
    expect(splits.map((args) => args.assetId)).to.deep.equal([b]);
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("does not split twice when an asset or token is repeated", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployPaidFamily);

    const splits = await eventsOf(protocol.splitMany([b, b], [ETH, ETH]), protocol, "Split");

    expect(splits.length).to.equal(1);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(300n);
    expect(await protocol.collectableBalance(b, ETH)).to.equal(600n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });
});
