import { expect } from "chai";
import { ETH, networkHelpers } from "../helpers/fixture.js";
import { deployFamily, eventsOf, expectSolvent, expectSplittable, pay } from "../helpers/engine.js";

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

    const splits = await eventsOf(
      protocol.connect(stranger).splitMany([c, b], [ETH, token]),
      protocol,
      "Split",
    );

    // C: fee 1,000, A +2,000, B +3,000, keeps 4,000. B then splits its 1,000 gross (900 net) plus
    // the 3,000 from C: A +1,200, B keeps 3,900 - 1,200 = 2,700. The token is the same times 100.
    expect(splits.map((args) => [...args])).to.deep.equal([
      [c, ETH, 10_000n, 9_000n, 4_000n],
      [c, token, 1_000_000n, 900_000n, 400_000n],
      [b, ETH, 4_000n, 3_900n, 2_700n],
      [b, token, 400_000n, 390_000n, 270_000n],
    ]);
    for (const [tok, scale] of [
      [ETH, 1n],
      [token, 100n],
    ] as const) {
      expect(await protocol.collectableBalance(a, tok)).to.equal(3_200n * scale);
      expect(await protocol.collectableBalance(b, tok)).to.equal(2_700n * scale);
      expect(await protocol.collectableBalance(c, tok)).to.equal(4_000n * scale);
      expect(await protocol.accruedFees(tok)).to.equal(1_100n * scale);
      await expectSplittable(protocol, b, tok, 0n, 0n);
    }
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("moves money one hop only when parents come before children", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployPaidFamily);

    await protocol.splitMany([b, c], [ETH]);

    // B split its own 1,000 before C forwarded 3,000 to it, which now waits for the next split.
    await expectSplittable(protocol, b, ETH, 3_000n, 3_000n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(300n + 2_000n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("skips assets with nothing to split and does nothing for empty lists", async function () {
    const { protocol, token, a, b, c } = await networkHelpers.loadFixture(deployPaidFamily);

    await expect(protocol.splitMany([], [ETH, token])).not.to.emit(protocol, "Split");
    await expect(protocol.splitMany([a, b, c], [])).not.to.emit(protocol, "Split");

    // A is an original and C + 1 does not exist: neither has a splittable balance.
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
