import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  C_SHARE_OF_A,
  C_SHARE_OF_B,
  deployFamily,
  expectSolvent,
  expectSplittable,
  feeOf,
  pay,
  setFeeNow,
} from "../helpers/engine.js";

// Odd wei so the 10% fee is not a round number and rounding shows.
const AMOUNT = ethers.parseEther("1") + 7n;
const FEE = 100_000_000_000_000_000n; // floor(AMOUNT * 10%)

describe("pay", function () {
  describe("with ETH", function () {
    it("credits an original's collectable with the amount less the fee and accrues the fee", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      const tx = pay(protocol, payer, a, ETH, AMOUNT);

      await expect(tx).to.emit(protocol, "Paid").withArgs(a, ETH, payer.address, AMOUNT, FEE);
      await expect(tx).to.changeEtherBalances(ethers, [payer, protocol], [-AMOUNT, AMOUNT]);
      expect(await protocol.collectableBalance(a, ETH)).to.equal(AMOUNT - FEE);
      expect(await protocol.accruedFees(ETH)).to.equal(FEE);
      await expectSplittable(protocol, a, ETH, 0n, 0n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("credits a remix's splittable balance gross and net, leaving its parents untouched", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      await expect(pay(protocol, payer, b, ETH, AMOUNT))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, AMOUNT, FEE);

      await expectSplittable(protocol, b, ETH, AMOUNT, AMOUNT - FEE);
      expect(await protocol.collectableBalance(b, ETH)).to.equal(0n);
      expect(await protocol.collectableBalance(a, ETH)).to.equal(0n);
      expect(await protocol.accruedFees(ETH)).to.equal(FEE);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("accumulates several payments, each charged its own rounded-down fee", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      await pay(protocol, payer, b, ETH, 1_000n); // fee 100
      await pay(protocol, payer, b, ETH, 339n); // fee 33 (33.9 rounded down)
      await pay(protocol, payer, b, ETH, 1n); // fee 0

      await expectSplittable(protocol, b, ETH, 1_340n, 1_340n - 133n);
      expect(await protocol.accruedFees(ETH)).to.equal(133n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("charges a fee change only on payments made after it", async function () {
      const { protocol, admin, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      await expect(pay(protocol, payer, b, ETH, 1_000n))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, 1_000n, 100n);
      await setFeeNow(protocol, admin, 500);
      await expect(pay(protocol, payer, b, ETH, 1_000n))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, 1_000n, 50n);
      await expectSplittable(protocol, b, ETH, 2_000n, 1_850n);

      // Parents' shares apply to the gross, whatever fee each payment paid.
      await expect(protocol.split(b, ETH))
        .to.emit(protocol, "Split")
        .withArgs(b, ETH, 2_000n, 1_850n, 1_250n);

      expect(await protocol.collectableBalance(a, ETH)).to.equal(600n);
      expect(await protocol.collectableBalance(b, ETH)).to.equal(1_250n);
      expect(await protocol.accruedFees(ETH)).to.equal(150n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("takes nothing at fee 0: the whole amount is credited", async function () {
      const { protocol, admin, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
      await setFeeNow(protocol, admin, 0);

      await expect(pay(protocol, payer, a, ETH, 999n))
        .to.emit(protocol, "Paid")
        .withArgs(a, ETH, payer.address, 999n, 0n);
      await pay(protocol, payer, b, ETH, 999n);

      expect(await protocol.collectableBalance(a, ETH)).to.equal(999n);
      await expectSplittable(protocol, b, ETH, 999n, 999n);
      expect(await protocol.accruedFees(ETH)).to.equal(0n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("at the maximum fee a remix's net still covers its parents' shares", async function () {
      const { protocol, admin, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
      await setFeeNow(protocol, admin, await protocol.MAX_FEE_BPS());
      const amount = 10_001n;
      const fee = feeOf(amount, 2_000); // 2,000

      await pay(protocol, payer, c, ETH, amount);
      const toA = (amount * BigInt(C_SHARE_OF_A)) / 10_000n; // 2,000
      const toB = (amount * BigInt(C_SHARE_OF_A + C_SHARE_OF_B)) / 10_000n - toA; // 3,000
      const kept = amount - fee - toA - toB;

      await expect(protocol.split(c, ETH))
        .to.emit(protocol, "Split")
        .withArgs(c, ETH, amount, amount - fee, kept);
      expect(kept).to.equal(3_001n);
      expect(await protocol.collectableBalance(a, ETH)).to.equal(toA);
      await expectSplittable(protocol, b, ETH, toB, toB);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });
  });
});
