import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  deployListedToken,
  expectRoyaltyBalance,
  expectSolvent,
  feesAccrued,
  pay,
} from "../helpers/engine.js";

// A token's first payment, for remix B (A's share 30%) at fee 10%, worked out by hand for each
// decimals count: low-decimal tokens are where per-share rounding has hurt minority parents
// elsewhere. (What later small payments pay is in path-independence.test.ts.)
const DECIMAL_CASES = [
  { decimals: 0, amount: 7n, fee: 0n, toA: 2n, keptByB: 5n },
  { decimals: 2, amount: 123n, fee: 12n, toA: 36n, keptByB: 75n },
  { decimals: 6, amount: 1_234_567n, fee: 123_456n, toA: 370_370n, keptByB: 740_741n },
  {
    decimals: 18,
    amount: 1_234_567_890_123_456_789n,
    fee: 123_456_789_012_345_678n,
    toA: 370_370_367_037_037_036n,
    keptByB: 740_740_734_074_074_075n,
  },
];

describe("pay", function () {
  describe("with ERC-20 tokens", function () {
    for (const { decimals, amount, fee, toA, keptByB } of DECIMAL_CASES) {
      it(`splits a ${decimals}-decimal token to the unit with nothing lost`, async function () {
        const deployment = await networkHelpers.loadFixture(deployFamily);
        const { protocol, payer, a, b, c } = deployment;
        const { token, address } = await deployListedToken(deployment, "MockERC20", [
          "T",
          "T",
          decimals,
        ]);

        const tx = protocol.connect(payer).pay(b, address, amount);
        await expect(tx).to.emit(protocol, "Paid").withArgs(b, address, payer.address, amount, fee);
        await expect(tx).to.changeTokenBalances(
          ethers,
          token,
          [payer, protocol],
          [-amount, amount],
        );
        await expectRoyaltyBalance(protocol, b, address, amount - fee, amount, 0n);

        await expect(protocol.split(b, address))
          .to.emit(protocol, "Split")
          .withArgs(b, address, amount, [toA]);

        expect(await protocol.collectableBalance(a, address)).to.equal(toA);
        expect(await protocol.collectableBalance(b, address)).to.equal(keptByB);
        expect(await protocol.accruedFees(address)).to.deep.equal([fee, amount % 10_000n]);
        expect(fee + toA + keptByB).to.equal(amount);
        await expectSolvent(protocol, [address], [a, b, c]);
      });
    }

    it("accepts a token whose transfers return nothing (USDT-style), for pay and claim", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, alice, carol, a, b, c } = deployment;
      const { token, address } = await deployListedToken(deployment, "NoReturnERC20", [6]);

      const tx = protocol.connect(payer).pay(a, address, 1_000_000n);
      await expect(tx)
        .to.emit(protocol, "Paid")
        .withArgs(a, address, payer.address, 1_000_000n, 100_000n);
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [payer, protocol],
        [-1_000_000n, 1_000_000n],
      );

      await expect(protocol.connect(alice).claim(a, address, carol.address)).to.changeTokenBalances(
        ethers,
        token,
        [protocol, carol],
        [-900_000n, 900_000n],
      );
      await expectSolvent(protocol, [address], [a, b, c]);
    });

    it("reverts with SafeERC20FailedOperation when a token returns false on pay", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, stranger, a } = deployment;
      const { token, address } = await deployListedToken(deployment, "FalseReturnERC20", [6]);

      // The stranger holds none and approved nothing: the token answers false instead of reverting.
      await expect(protocol.connect(stranger).pay(a, address, 1n))
        .to.be.revertedWithCustomError(protocol, "SafeERC20FailedOperation")
        .withArgs(address);

      await token.getFunction("setFailAll")(true);
      await expect(protocol.connect(payer).pay(a, address, 1_000n))
        .to.be.revertedWithCustomError(protocol, "SafeERC20FailedOperation")
        .withArgs(address);
      expect(await protocol.collectableBalance(a, address)).to.equal(0n);
      expect(await feesAccrued(protocol, address)).to.equal(0n);
    });

    it("reverts a claim whose transfer returns false, leaving other tokens and later claims intact", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, alice, a, b, c } = deployment;
      const { token, address } = await deployListedToken(deployment, "FalseReturnERC20", [6]);
      await protocol.connect(payer).pay(a, address, 1_000n);

      await token.getFunction("setFailAll")(true);
      await expect(protocol.connect(alice).claim(a, address, alice.address))
        .to.be.revertedWithCustomError(protocol, "SafeERC20FailedOperation")
        .withArgs(address);
      expect(await protocol.collectableBalance(a, address)).to.equal(900n);

      // One frozen token blocks no other claim of the same asset.
      await pay(protocol, payer, a, ETH, 1_000n);
      await expect(
        protocol.connect(alice).claimMany([a], [ETH], alice.address),
      ).to.changeEtherBalances(ethers, [protocol, alice], [-900n, 900n]);

      await token.getFunction("setFailAll")(false);
      await expect(protocol.connect(alice).claim(a, address, alice.address)).to.changeTokenBalances(
        ethers,
        token,
        [protocol, alice],
        [-900n, 900n],
      );
      await expectSolvent(protocol, [address, ETH], [a, b, c]);
    });

    it("reverts with TransferAmountMismatch when a fee-on-transfer token delivers less", async function () {
      const deployment = await networkHelpers.loadFixture(deployFamily);
      const { protocol, payer, a, b, c } = deployment;
      // 1% burned on every transfer: 10,000 sent, 9,900 received.
      const { address } = await deployListedToken(deployment, "FeeOnTransferERC20", [100]);

      await expect(protocol.connect(payer).pay(b, address, 10_000n))
        .to.be.revertedWithCustomError(protocol, "TransferAmountMismatch")
        .withArgs(10_000n, 9_900n);
      await expectRoyaltyBalance(protocol, b, address, 0n, 0n, 0n);
      await expectSolvent(protocol, [address], [a, b, c]);
    });
  });
});
