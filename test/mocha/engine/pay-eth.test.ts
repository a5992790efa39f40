import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  B_SHARE_OF_A,
  C_SHARE_OF_A,
  C_SHARE_OF_B,
  deployFamily,
  expectRoyaltyBalance,
  expectSolvent,
  feeOf,
  parentCredits,
  pay,
  setFeeNow,
} from "../helpers/engine.js";

// Odd wei so the 10% fee is not a round number and rounding shows.
const AMOUNT = ethers.parseEther("1") + 7n;
const FEE = 100_000_000_000_000_000n; // floor(AMOUNT * 10%): the token's first payment

describe("pay", function () {
  describe("with ETH", function () {
    it("credits an original's collectable with the amount less the fee and accrues the fee", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      const tx = pay(protocol, payer, a, ETH, AMOUNT);

      await expect(tx).to.emit(protocol, "Paid").withArgs(a, ETH, payer.address, AMOUNT, FEE);
      await expect(tx).to.changeEtherBalances(ethers, [payer, protocol], [-AMOUNT, AMOUNT]);
      expect(await protocol.collectableBalance(a, ETH)).to.equal(AMOUNT - FEE);
      // The fee word remembers the gross ever paid in ETH modulo 10,000: 7.
      expect(await protocol.accruedFees(ETH)).to.deep.equal([FEE, 7n]);
      await expectRoyaltyBalance(protocol, a, ETH, AMOUNT - FEE, 0n, 0n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("credits a remix's held balance net and its pending gross, leaving its parents untouched", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      await expect(pay(protocol, payer, b, ETH, AMOUNT))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, AMOUNT, FEE);

      await expectRoyaltyBalance(protocol, b, ETH, AMOUNT - FEE, AMOUNT, 0n);
      // A claim of B would first pass A its 30% of the gross: floor(0.3 ETH + 2.1 wei).
      const [toA] = parentCredits(AMOUNT, [B_SHARE_OF_A]);
      expect(toA).to.equal(ethers.parseEther("0.3") + 2n);
      expect(await protocol.collectableBalance(b, ETH)).to.equal(AMOUNT - FEE - toA);
      await expectRoyaltyBalance(protocol, a, ETH, 0n, 0n);
      expect(await protocol.accruedFees(ETH)).to.deep.equal([FEE, 7n]);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("accumulates several payments, their fees adding up to the fee on their total", async function () {
      const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);

      // Each fee is the increase of floor(10% of all ETH ever paid): 0 -> 100 -> 133 -> 134.
      await expect(pay(protocol, payer, b, ETH, 1_000n))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, 1_000n, 100n);
      await expect(pay(protocol, payer, b, ETH, 339n))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, 339n, 33n); // 133.9 - 100, rounded down
      await expect(pay(protocol, payer, b, ETH, 1n))
        .to.emit(protocol, "Paid")
        .withArgs(b, ETH, payer.address, 1n, 1n); // the 0.9 carried over completes a unit

      await expectRoyaltyBalance(protocol, b, ETH, 1_340n - 134n, 1_340n, 0n);
      expect(await protocol.accruedFees(ETH)).to.deep.equal([feeOf(1_340n, 1_000), 1_340n]);
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
      await expectRoyaltyBalance(protocol, b, ETH, 1_850n, 2_000n, 0n);

      // Parents' shares apply to the gross, whatever fee each payment paid.
      await expect(protocol.split(b, ETH))
        .to.emit(protocol, "Split")
        .withArgs(b, ETH, 2_000n, [600n]);

      expect(await protocol.collectableBalance(a, ETH)).to.equal(600n);
      expect(await protocol.collectableBalance(b, ETH)).to.equal(1_250n);
      expect(await protocol.accruedFees(ETH)).to.deep.equal([150n, 2_000n]);
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
      await expectRoyaltyBalance(protocol, b, ETH, 999n, 999n, 0n);
      expect(await protocol.accruedFees(ETH)).to.deep.equal([0n, 1_998n]);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });

    it("at the maximum fee a remix's net still covers its parents' shares", async function () {
      const { protocol, admin, payer, a, b, c } = await networkHelpers.loadFixture(deployFamily);
      await setFeeNow(protocol, admin, await protocol.MAX_FEE_BPS());
      const amount = 10_001n;
      const fee = feeOf(amount, 2_000); // 2,000

      await pay(protocol, payer, c, ETH, amount);
      const [toA, toB] = parentCredits(amount, [C_SHARE_OF_A, C_SHARE_OF_B]); // 2,000 and 3,000
      const kept = amount - fee - toA - toB;

      expect(await protocol.collectableBalance(c, ETH)).to.equal(kept);
      await expect(protocol.split(c, ETH))
        .to.emit(protocol, "Split")
        .withArgs(c, ETH, amount, [toA, toB]);
      expect(kept).to.equal(3_001n);
      expect(await protocol.collectableBalance(a, ETH)).to.equal(toA);
      await expectRoyaltyBalance(protocol, b, ETH, toB, toB);
      await expectRoyaltyBalance(protocol, c, ETH, kept, 0n, amount % 10_000n);
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });
  });
});
