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
  expectRoyaltyBalance,
  expectSolvent,
  feeOf,
  feesAccrued,
  parentCredits,
  pay,
  splitsOf,
  sum,
} from "../helpers/engine.js";
import { registerOriginals } from "../helpers/registry.js";

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

/** Pays `amount` wei for `remix`, splits it and returns the amounts its parents were credited. */
async function splitAndCollect(
  protocol: Awaited<ReturnType<typeof deployProtocol>>["protocol"],
  payer: Awaited<ReturnType<typeof deployProtocol>>["payer"],
  remix: bigint,
  amount: bigint,
): Promise<bigint[]> {
  await pay(protocol, payer, remix, ETH, amount);
  const splits = await splitsOf(protocol.split(remix, ETH), protocol);
  expect(splits.map(([assetId, , gross]) => [assetId, gross])).to.deep.equal([[remix, amount]]);
  return splits[0][3];
}

describe("split", function () {
  describe("rounding", function () {
    it("splits 7 wei among three 33.33% parents as 2/2/2, keeping the last wei", async function () {
      const { protocol, payer, parents, remix } =
        await networkHelpers.loadFixture(deployWithTinyFeeCap);

      const forwarded = await splitAndCollect(protocol, payer, remix, 7n);

      expect(forwarded).to.deep.equal([2n, 2n, 2n]);
      await expectRoyaltyBalance(protocol, remix, ETH, 1n, 0n, 7n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits 3 wei as 0/0/0, then 3 more as 1/1/1: each parent floor(lifetime gross * share), whatever its position", async function () {
      const { protocol, payer, parents, remix } =
        await networkHelpers.loadFixture(deployWithTinyFeeCap);

      // floor(3 * 33.33%) = 0 for every parent: the remix holds the 3 wei for now.
      expect(await splitAndCollect(protocol, payer, remix, 3n)).to.deep.equal([0n, 0n, 0n]);
      await expectRoyaltyBalance(protocol, remix, ETH, 3n, 0n, 3n);

      // floor(6 * 33.33%) = 1: each parent now gets the unit its earlier share added up to.
      expect(await splitAndCollect(protocol, payer, remix, 3n)).to.deep.equal([1n, 1n, 1n]);
      // floor(10 * 33.33%) = 3: two more each.
      expect(await splitAndCollect(protocol, payer, remix, 4n)).to.deep.equal([2n, 2n, 2n]);

      for (const parent of parents) {
        expect(await protocol.collectableBalance(parent, ETH)).to.equal(3n);
      }
      await expectRoyaltyBalance(protocol, remix, ETH, 1n, 0n, 10n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits 10 wei among three 26.66% parents as 2/2/2 at fee 10%: equal shares, equal amounts", async function () {
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

      // fee 1, each parent floor(10 * 26.66%) = 2, the remix keeps 9 - 6 = 3.
      expect(forwarded).to.deep.equal([2n, 2n, 2n]);
      expect(await protocol.accruedFees(ETH)).to.deep.equal([1n, 10n]);
      await expectRoyaltyBalance(protocol, remix, ETH, 3n, 0n, 10n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });

    it("splits a 16-parent remix exactly, each parent floor(gross * its share)", async function () {
      const { protocol, alice, bob, payer } = await networkHelpers.loadFixture(deployProtocol);
      const shares = Array.from({ length: 16 }, (_, i) => 123 + 37 * i); // 6,408 bps in total
      const parents = await registerOriginals(protocol, alice, shares.length, "parent-");
      const remix = await registerRemix(
        protocol,
        bob,
        "sixteen",
        parents.map((id, i) => [id, shares[i]]),
      );
      const amount = ethers.parseEther("1") + 3n;
      const fee = feeOf(amount, 1_000);
      const expected = parentCredits(amount, shares);
      const total = sum(expected);

      const forwarded = await splitAndCollect(protocol, payer, remix, amount);

      expect(forwarded).to.deep.equal(expected);
      for (let i = 0; i < parents.length; i++) {
        expect(await protocol.collectableBalance(parents[i], ETH)).to.equal(expected[i]);
        expect(expected[i]).to.equal((amount * BigInt(shares[i])) / 10_000n);
      }
      expect(total).to.be.at.most((amount * 6_408n) / 10_000n);
      expect(await feesAccrued(protocol, ETH)).to.equal(fee);
      await expectRoyaltyBalance(protocol, remix, ETH, amount - fee - total, 0n, 3n);
      await expectSolvent(protocol, [ETH], [...parents, remix]);
    });
  });
});
