import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import { deployFamily, expectSolvent, pay, setFeeNow } from "../helpers/engine.js";

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
    expect(await protocol.accruedFees(ETH)).to.equal(0n);
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
    expect(await protocol.accruedFees(ETH)).to.equal(FEE_ETH);
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
});
