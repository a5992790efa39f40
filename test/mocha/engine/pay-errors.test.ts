import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  deployListedToken,
  expectSolvent,
  expectSplittable,
  pay,
} from "../helpers/engine.js";

const MAX_AMOUNT = 2n ** 128n - 1n;

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

    it("reverts with AmountTooLarge at 2^128 and accepts 2^128 - 1", async function () {
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
      // In ETH the value check comes first, and no one can send 2^128 wei anyway.
      await expect(protocol.connect(payer).pay(a, ETH, MAX_AMOUNT + 1n))
        .to.be.revertedWithCustomError(protocol, "IncorrectPaymentValue")
        .withArgs(MAX_AMOUNT + 1n, 0n);

      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      const fee = (MAX_AMOUNT * 1_000n) / 10_000n;
      const [gross, net] = await protocol.splittableBalance(b, address);
      expect([gross, net]).to.deep.equal([MAX_AMOUNT, MAX_AMOUNT - fee]);
      await protocol.split(b, address);
      await expectSolvent(protocol, [address], [a, b, c]);
    });

    it("reverts with SafeCastOverflowedUintDowncast when a remix's splittable total passes 2^128 - 1", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, a, b, c } = deployment;
      const { address } = await deployListedToken(
        deployment,
        "MockERC20",
        ["Big", "BIG", 18],
        3n * MAX_AMOUNT,
      );
      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      const fee = (MAX_AMOUNT * 1_000n) / 10_000n;

      // Each payment is allowed on its own; only the running gross total no longer fits.
      await expect(protocol.connect(payer).pay(b, address, MAX_AMOUNT))
        .to.be.revertedWithCustomError(protocol, "SafeCastOverflowedUintDowncast")
        .withArgs(128, 2n * MAX_AMOUNT);
      await expectSplittable(protocol, b, address, MAX_AMOUNT, MAX_AMOUNT - fee);

      // An original's balance is a full word, and splitting the remix empties it: both accept more.
      await protocol.connect(payer).pay(a, address, MAX_AMOUNT);
      await protocol.split(b, address);
      await protocol.connect(payer).pay(b, address, MAX_AMOUNT);
      await expectSplittable(protocol, b, address, MAX_AMOUNT, MAX_AMOUNT - fee);
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
