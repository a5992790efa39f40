import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  deployListedToken,
  expectRoyaltyBalance,
  expectSolvent,
  feeOf,
  feesOf,
  parentCredits,
  pay,
} from "../helpers/engine.js";

/** The largest single payment: a balance keeps its amounts in 120-bit fields. */
const MAX_AMOUNT = 2n ** 120n - 1n;

describe("pay", function () {
  describe("reverts", function () {
    it("reverts with ZeroAmount when the amount is zero, in ETH or a token", async function () {
      const { protocol, payer, token, a } = await networkHelpers.loadFixture(deployFamily);

      await expect(pay(protocol, payer, a, ETH, 0n)).to.be.revertedWithCustomError(
        protocol,
        "ZeroAmount",
      );
      await expect(pay(protocol, payer, a, token, 0n)).to.be.revertedWithCustomError(
        protocol,
        "ZeroAmount",
      );
    });

    it("reverts with IncorrectPaymentValue when the ETH sent is below the amount", async function () {
      const { protocol, payer, a } = await networkHelpers.loadFixture(deployFamily);

      await expect(protocol.connect(payer).pay(a, ETH, 100n, { value: 99n }))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(100n, 99n);
    });

    it("reverts with IncorrectPaymentValue when the ETH sent is above the amount", async function () {
      const { protocol, payer, a } = await networkHelpers.loadFixture(deployFamily);

      // Excess ETH would otherwise be stranded in the protocol, owed to nobody.
      await expect(protocol.connect(payer).pay(a, ETH, 100n, { value: 101n }))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(100n, 101n);
    });

    it("reverts with IncorrectPaymentValue when ETH is sent with an ERC-20 payment", async function () {
      const { protocol, payer, token, a } = await networkHelpers.loadFixture(deployFamily);

      await expect(protocol.connect(payer).pay(a, token, 100n, { value: 1n }))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(0n, 1n);
    });

    it("reverts with TokenNotAllowed when the token was never listed", async function () {
      const { protocol, payer, a } = await networkHelpers.loadFixture(deployFamily);
      const unlisted = await ethers.deployContract("MockERC20", ["Unlisted", "UL", 18]);
      await unlisted.mint(payer.address, 1_000n);
      await unlisted.connect(payer).approve(await protocol.getAddress(), 1_000n);

      await expect(protocol.connect(payer).pay(a, await unlisted.getAddress(), 1_000n))
        .to.be.revertedWithCustomError(protocol, "TokenNotAllowed")
        .withArgs(await unlisted.getAddress());
    });

    it("reverts with TokenNotAllowed when the token was removed from the allowlist", async function () {
      const { protocol, admin, payer, token, a } = await networkHelpers.loadFixture(deployFamily);
      await protocol.connect(payer).pay(a, token, 1_000n);

      await protocol.connect(admin).setTokenAllowed(token, false);

      await expect(protocol.connect(payer).pay(a, token, 1_000n))
        .to.be.revertedWithCustomError(protocol, "TokenNotAllowed")
        .withArgs(token);
    });

    it("reverts with AmountTooLarge at 2^120 and accepts 2^120 - 1", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, a, b, c } = deployment;
      const { address } = await deployListedToken(
        deployment,
        "MockERC20",
        ["Big", "BIG", 18],
        MAX_AMOUNT + 1n,
      );

      // The tokens arrive before the amount is checked; the revert returns them.
      await expect(protocol.connect(payer).pay(a, address, MAX_AMOUNT + 1n))
        .to.be.revertedWithCustomError(protocol, "AmountTooLarge")
        .withArgs(MAX_AMOUNT + 1n, MAX_AMOUNT);
      // In ETH the value check comes first, and no one can send 2^120 wei anyway.
      await expect(protocol.connect(payer).pay(a, ETH, MAX_AMOUNT + 1n))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(MAX_AMOUNT + 1n, 0n);

      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      const fee = feeOf(MAX_AMOUNT, 1_000);
      await expectRoyaltyBalance(protocol, b, address, MAX_AMOUNT - fee, MAX_AMOUNT, 0n);
      await expect(protocol.split(b, address))
        .to.emit(protocol, "Split")
        .withArgs(b, address, MAX_AMOUNT, parentCredits(MAX_AMOUNT, [3_000]));
      await expectSolvent(protocol, [address], [a, b, c]);
    });

    it("reverts with SafeCastOverflowedUintDowncast when a balance passes 2^120 - 1, until a claim empties it", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, alice, bob, a, b, c } = deployment;
      const { address } = await deployListedToken(
        deployment,
        "MockERC20",
        ["Big", "BIG", 18],
        3n * MAX_AMOUNT,
      );
      await protocol.connect(payer).pay(a, address, MAX_AMOUNT);
      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      const [firstFee, secondFee, thirdFee] = feesOf([MAX_AMOUNT, MAX_AMOUNT, MAX_AMOUNT], 1_000);

      // Each payment is allowed on its own; only the balance held for A no longer fits. (For the
      // remix B its pending gross passes the limit as well.)
      await expect(protocol.connect(payer).pay(a, address, MAX_AMOUNT))
        .to.be.revertedWithCustomError(protocol, "SafeCastOverflowedUintDowncast")
        .withArgs(120, 2n * MAX_AMOUNT - firstFee - thirdFee);
      await expect(
        protocol.connect(payer).pay(b, address, MAX_AMOUNT),
      ).to.be.revertedWithCustomError(protocol, "SafeCastOverflowedUintDowncast");
      await expectRoyaltyBalance(protocol, a, address, MAX_AMOUNT - firstFee, 0n);
      await expectRoyaltyBalance(protocol, b, address, MAX_AMOUNT - secondFee, MAX_AMOUNT, 0n);

      // A claim empties a balance (B's splits first: A gets its 30%), so it accepts as much again.
      const [toA] = parentCredits(MAX_AMOUNT, [3_000]);
      await protocol.connect(alice).claim(a, address, alice.address);
      await protocol.connect(bob).claim(b, address, bob.address);
      await expectRoyaltyBalance(protocol, a, address, toA, 0n);
      await expectRoyaltyBalance(protocol, b, address, 0n, 0n);
      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      await expectRoyaltyBalance(protocol, b, address, MAX_AMOUNT - thirdFee, MAX_AMOUNT);
      await expectSolvent(protocol, [address], [a, b, c]);
    });

    it("reverts with AssetNotFound when the asset does not exist", async function () {
      const { protocol, payer, c } = await networkHelpers.loadFixture(deployFamily);

      await expect(pay(protocol, payer, c + 1n, ETH, 100n))
        .to.be.revertedWithCustomError(protocol, "AssetNotFound")
        .withArgs(c + 1n);
      await expect(pay(protocol, payer, 0n, ETH, 100n))
        .to.be.revertedWithCustomError(protocol, "AssetNotFound")
        .withArgs(0n);
    });

    it("reverts with ProtocolPaused while paused, and accepts payments again once resumed", async function () {
      const { protocol, admin, payer, token, a } = await networkHelpers.loadFixture(deployFamily);
      await protocol.connect(admin).setPaused(true);

      await expect(pay(protocol, payer, a, ETH, 100n)).to.be.revertedWithCustomError(
        protocol,
        "ProtocolPaused",
      );
      await expect(pay(protocol, payer, a, token, 100n)).to.be.revertedWithCustomError(
        protocol,
        "ProtocolPaused",
      );

      await protocol.connect(admin).setPaused(false);
      await expect(pay(protocol, payer, a, ETH, 100n)).to.emit(protocol, "Paid");
    });
  });
});
