import { expect } from "chai";
import {
  ETH,
  FEE_BPS,
  FEE_DELAY,
  MAX_FEE_BPS,
  ethers,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import {
  deployFamily,
  expectSolvent,
  feeOf,
  feesAccrued,
  pay,
  setFeeNow,
} from "../helpers/engine.js";

const FEE_ETH = ethers.parseEther("0.1");
const FEE_TOKEN = 100_000n;

/** Family with 0.1 ETH and 0.1 token of fees accrued from payments for A and C. */
async function deployWithFees() {
  const family = await deployFamily();
  const { protocol, payer, token, a, c } = family;
  await pay(protocol, payer, a, ETH, ethers.parseEther("0.6"));
  await pay(protocol, payer, c, ETH, ethers.parseEther("0.4"));
  await pay(protocol, payer, c, token, 1_000_000n);
  return family;
}

describe("withdrawFees", function () {
  it("pays the accrued ETH fees to the treasury, whoever calls", async function () {
    const { protocol, treasury, stranger, a, b, c } =
      await networkHelpers.loadFixture(deployWithFees);

    expect(await protocol.connect(stranger).withdrawFees.staticCall(ETH)).to.equal(FEE_ETH);
    const tx = protocol.connect(stranger).withdrawFees(ETH);

    await expect(tx).to.emit(protocol, "FeesWithdrawn").withArgs(ETH, treasury.address, FEE_ETH);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, treasury, stranger],
      [-FEE_ETH, FEE_ETH, 0n],
    );
    expect(await feesAccrued(protocol, ETH)).to.equal(0n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(ethers.parseEther("0.54"));
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("pays accrued ERC-20 fees to the treasury", async function () {
    const { protocol, usd, token, treasury, a, b, c } =
      await networkHelpers.loadFixture(deployWithFees);

    const tx = protocol.withdrawFees(token);

    await expect(tx)
      .to.emit(protocol, "FeesWithdrawn")
      .withArgs(token, treasury.address, FEE_TOKEN);
    await expect(tx).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, treasury],
      [-FEE_TOKEN, FEE_TOKEN],
    );
    expect(await feesAccrued(protocol, ETH)).to.equal(FEE_ETH);
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("pays the treasury current at withdrawal, not the one at payment", async function () {
    const { protocol, admin, treasury, carol } = await networkHelpers.loadFixture(deployWithFees);
    await protocol.connect(admin).setTreasury(carol.address);

    const tx = protocol.withdrawFees(ETH);

    await expect(tx).to.emit(protocol, "FeesWithdrawn").withArgs(ETH, carol.address, FEE_ETH);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, carol, treasury],
      [-FEE_ETH, FEE_ETH, 0n],
    );
  });

  it("returns 0 and transfers nothing when no fees are accrued, or once they were withdrawn", async function () {
    const { protocol, usd, admin, payer, token, a } =
      await networkHelpers.loadFixture(deployFamily);
    await setFeeNow(protocol, admin, 0);
    await pay(protocol, payer, a, token, 1_000n);

    expect(await protocol.withdrawFees.staticCall(token)).to.equal(0n);
    const tx = protocol.withdrawFees(token);
    await expect(tx).not.to.emit(protocol, "FeesWithdrawn");
    await expect(tx).not.to.emit(usd, "Transfer");

    await setFeeNow(protocol, admin, 1_000);
    await pay(protocol, payer, a, ETH, 1_000n);
    await protocol.withdrawFees(ETH);
    await expect(protocol.withdrawFees(ETH)).to.changeEtherBalances(ethers, [protocol], [0n]);
  });

  it("keeps the lifetime gross remainder across a withdrawal, so fee rounding carries on", async function () {
    const { protocol, payer, a, b, c } = await networkHelpers.loadFixture(deployWithFees);
    // 1 ETH was paid so far (a multiple of 10,000): 9 wei more pay floor(0.9) = 0.
    await expect(pay(protocol, payer, a, ETH, 9n))
      .to.emit(protocol, "Paid")
      .withArgs(a, ETH, payer.address, 9n, 0n);

    await protocol.withdrawFees(ETH);

    expect(await protocol.accruedFees(ETH)).to.deep.equal([0n, 9n]);
    // The next wei completes the 10 wei whose 10% is 1.
    await expect(pay(protocol, payer, a, ETH, 1n))
      .to.emit(protocol, "Paid")
      .withArgs(a, ETH, payer.address, 1n, 1n);
    expect(await protocol.accruedFees(ETH)).to.deep.equal([1n, 10n]);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("keeps the ETH fees and their remainder through fee changes, pauses and registrations, which write the same slot", async function () {
    const { protocol, admin, alice, payer, token, a, b, c } =
      await networkHelpers.loadFixture(deployWithFees);
    // 1 ETH paid so far (a multiple of 10,000): 9 wei more pay floor(0.9) = 0.
    await pay(protocol, payer, a, ETH, 9n);
    const ethFees = [FEE_ETH, 9n];
    const tokenFees = [FEE_TOKEN, 1_000_000n % 10_000n];
    expect(await protocol.accruedFees(ETH)).to.deep.equal(ethFees);

    await protocol.connect(admin).setFee(MAX_FEE_BPS);
    expect(await protocol.accruedFees(ETH), "after announcing a fee").to.deep.equal(ethFees);
    await networkHelpers.time.increase(FEE_DELAY);
    const d = await registerOriginal(protocol, alice, "D");
    expect(d).to.equal(c + 1n);
    expect(await protocol.accruedFees(ETH), "after a registration").to.deep.equal(ethFees);
    await protocol.connect(admin).setPaused(true);
    await protocol.connect(admin).setPaused(false);
    expect(await protocol.accruedFees(ETH), "after a pause").to.deep.equal(ethFees);

    // The payment that applies the due fee: 20% of the 10th wei of 10 is
    // floor(10 * 20%) - floor(9 * 20%) = 1.
    const fee = feeOf(1n, MAX_FEE_BPS, 9n);
    expect(fee).to.equal(1n);
    await expect(pay(protocol, payer, a, ETH, 1n))
      .to.emit(protocol, "FeeUpdated")
      .withArgs(FEE_BPS, MAX_FEE_BPS);
    expect(await protocol.feeBps()).to.equal(MAX_FEE_BPS);
    expect(await protocol.totalAssets()).to.equal(d);
    expect(await protocol.accruedFees(ETH)).to.deep.equal([FEE_ETH + fee, 10n]);
    expect(await protocol.accruedFees(token)).to.deep.equal(tokenFees);
    await expect(protocol.withdrawFees(ETH)).to.changeEtherBalances(
      ethers,
      [protocol],
      [-(FEE_ETH + fee)],
    );
    expect(await protocol.accruedFees(ETH)).to.deep.equal([0n, 10n]);
    await expectSolvent(protocol, [ETH, token], [a, b, c, d]);
  });

  it("works while the protocol is paused", async function () {
    const { protocol, admin, treasury, a, b, c } = await networkHelpers.loadFixture(deployWithFees);
    await protocol.connect(admin).setPaused(true);

    await expect(protocol.withdrawFees(ETH)).to.changeEtherBalances(
      ethers,
      [protocol, treasury],
      [-FEE_ETH, FEE_ETH],
    );
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("keeps a token's allowlisting and its fee ledger apart, though they share one word", async function () {
    const { protocol, admin, payer, token, treasury, usd, c } =
      await networkHelpers.loadFixture(deployWithFees);
    const ledger = async () => [...(await protocol.accruedFees(token))];
    const [fees, remainder] = await ledger();
    expect(fees).to.equal(FEE_TOKEN);

    // De-listing leaves the fees accrued and withdrawable, and payments refused.
    await protocol.connect(admin).setTokenAllowed(token, false);
    expect(await protocol.isTokenAllowed(token)).to.equal(false);
    expect(await ledger()).to.deep.equal([fees, remainder]);
    await expect(pay(protocol, payer, c, token, 1_000_000n))
      .to.be.revertedWithCustomError(protocol, "TokenNotAllowed")
      .withArgs(token);
    await expect(protocol.withdrawFees(token)).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, treasury],
      [-FEE_TOKEN, FEE_TOKEN],
    );
    expect(await protocol.isTokenAllowed(token)).to.equal(false);

    // Re-listed, the token is taken again and its fee rounding goes on where it stopped.
    await protocol.connect(admin).setTokenAllowed(token, true);
    expect(await ledger()).to.deep.equal([0n, remainder]);
    await pay(protocol, payer, c, token, 1_000_000n);
    expect(await ledger()).to.deep.equal([FEE_TOKEN, remainder]);
    // Withdrawing everything keeps it allowlisted.
    await protocol.withdrawFees(token);
    expect(await protocol.isTokenAllowed(token)).to.equal(true);
    await pay(protocol, payer, c, token, 1_000_000n);
    expect((await ledger())[0]).to.equal(FEE_TOKEN);
  });
});
