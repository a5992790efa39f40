import { expect } from "chai";
import {
  ETH,
  FEE_DELAY,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  cumulativeShares,
  eventsOf,
  expectSolvent,
  expectSplittable,
  feeOf,
  pay,
} from "../helpers/engine.js";

/** A protocol whose fee cap is 1 bps (fee 0), so three 3,333-bps parents fit under the limit. */
async function deployWithTinyFeeCap() {
  const [admin, treasury, alice, bob, payer] = await ethers.getSigners();
  const protocol = await ethers.deployContract("RemixProtocol", [
    admin.address,
    treasury.address,
    1,
    0,
    FEE_DELAY,
    [],
  ]);
  const parents = [
    await registerOriginal(protocol, alice, "P1"),
    await registerOriginal(protocol, alice, "P2"),
    await registerOriginal(protocol, alice, "P3"),
  ];
  const remix = await registerRemix(
    protocol,
    bob,
    "thirds",
    parents.map((id) => [id, 3_333]),
  );
  return { protocol, payer, parents, remix };
}

/** Pays `amount` wei for `remix`, splits it and returns the forwarded amounts by parent id. */
async function splitAndCollect(
  protocol: Awaited<ReturnType<typeof deployProtocol>>["protocol"],
  payer: Awaited<ReturnType<typeof deployProtocol>>["payer"],
  remix: bigint,
  amount: bigint,
) {
  await pay(protocol, payer, remix, ETH, amount);
  const forwarded = await eventsOf(protocol.split(remix, ETH), protocol, "RoyaltyForwarded");
  return forwarded.map((args) => [args.parentId as bigint, args.amount as bigint]);
}

describe("split", function () {
  describe("rounding", function () {
    it("splits 7 wei among three 33.33% parents as 2/2/2, keeping the last wei", async function () {
      const { protocol, payer, parents, remix } =
        await networkHelpers.loadFixture(deployWithTinyFeeCap);

      const forwarded = await splitAndCollect(protocol, payer, remix, 7n);

      expect(forwarded).to.deep.equal(parents.map((id) => [id, 2n]));
      expect(await protocol.collectableBalance(remix, ETH)).to.equal(1n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits 3 wei as 0/1/1: cumulative rounding hands out floor(3 * 99.99%) = 2", async function () {
      const { protocol, payer, parents, remix } =
        await networkHelpers.loadFixture(deployWithTinyFeeCap);

      // Per-share rounding would give every parent floor(0.9999) = 0.
      const forwarded = await splitAndCollect(protocol, payer, remix, 3n);

      expect(forwarded).to.deep.equal([
        [parents[1], 1n],
        [parents[2], 1n],
      ]);
      expect(await protocol.collectableBalance(parents[0], ETH)).to.equal(0n);
      expect(await protocol.collectableBalance(remix, ETH)).to.equal(1n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits 10 wei among three 26.66% parents as 2/3/2 at fee 10%", async function () {
      const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
      const parents = [
        await registerOriginal(protocol, alice, "Q1"),
        await registerOriginal(protocol, alice, "Q2"),
        await registerOriginal(protocol, alice, "Q3"),
      ];
      const remix = await registerRemix(
        protocol,
        bob,
        "Q",
        parents.map((id) => [id, 2_666]),
      );

      const forwarded = await splitAndCollect(protocol, payer, remix, 10n);

      // fee 1, parents floor(10 * 79.98%) = 7 in total, remix keeps 9 - 7 = 2.
      expect(forwarded.map(([, amount]) => amount)).to.deep.equal([2n, 3n, 2n]);
      expect(await protocol.accruedFees(ETH)).to.equal(1n);
      expect(await protocol.collectableBalance(remix, ETH)).to.equal(2n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits a 16-parent remix exactly, each parent its cumulative share", async function () {
      const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
      const shares = Array.from({ length: 16 }, (_, i) => 123 + 37 * i); // 6,408 bps in total
      const parents: bigint[] = [];
      for (let i = 0; i < shares.length; i++) {
        parents.push(await registerOriginal(protocol, alice, `parent-${i}`));
      }
      const remix = await registerRemix(
        protocol,
        bob,
        "sixteen",
        parents.map((id, i) => [id, shares[i]]),
      );
      const amount = ethers.parseEther("1") + 3n;
      const fee = feeOf(amount, 1_000);
      const expected = cumulativeShares(amount, shares);
      const total = expected.reduce((sum, x) => sum + x, 0n);

      const forwarded = await splitAndCollect(protocol, payer, remix, amount);

      expect(forwarded).to.deep.equal(parents.map((id, i) => [id, expected[i]]));
      for (let i = 0; i < parents.length; i++) {
        expect(await protocol.collectableBalance(parents[i], ETH)).to.equal(expected[i]);
      }
      expect(total).to.equal((amount * 6_408n) / 10_000n);
      expect(await protocol.collectableBalance(remix, ETH)).to.equal(amount - fee - total);
      await expectSplittable(protocol, remix, ETH, 0n, 0n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });
  });
});
