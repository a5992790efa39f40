import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  C_SHARE_OF_A,
  C_SHARE_OF_B,
  deployFamily,
  expectSolvent,
  feeOf,
  feesAccrued,
  parentCredits,
  pay,
  sum,
} from "../helpers/engine.js";

const OWED_ETH = ethers.parseEther("0.9") + 2_000n; // its own payment plus 20% of C's 10,000
const OWED_TOKEN = 900_000n;
const FEE_ETH = ethers.parseEther("0.1");

/** A owed 0.9 ETH and 0.9 token, C owed ETH after a split, and a contract that refuses ETH. */
async function deployWithRefuser() {
  const family = await deployFamily();
  const { protocol, payer, token, a, c } = family;
  await pay(protocol, payer, a, ETH, ethers.parseEther("1"));
  await pay(protocol, payer, a, token, 1_000_000n);
  await pay(protocol, payer, c, ETH, 10_000n);
  await protocol.split(c, ETH);
  const refuser = await ethers.deployContract("RevertingRecipient");
  return { ...family, refuser };
}

describe("claim to a recipient that refuses ETH", function () {
  it("reverts with the recipient's error and keeps the balance claimable elsewhere", async function () {
    const { protocol, alice, refuser, a, b, c } =
      await networkHelpers.loadFixture(deployWithRefuser);

    await expect(protocol.connect(alice).claim(a, ETH, refuser))
      .to.be.revertedWithCustomError(refuser, "EtherRefused")
      .withArgs(OWED_ETH);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(OWED_ETH);

    await expect(protocol.connect(alice).claim(a, ETH, alice.address)).to.changeEtherBalances(
      ethers,
      [protocol, alice],
      [-OWED_ETH, OWED_ETH],
    );
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("does not affect the same recipient's ERC-20 claims or other assets' ETH claims", async function () {
    const { protocol, usd, token, alice, carol, refuser, a, b, c } =
      await networkHelpers.loadFixture(deployWithRefuser);

    await expect(protocol.connect(alice).claim(a, token, refuser)).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, refuser],
      [-OWED_TOKEN, OWED_TOKEN],
    );
    // C's 10,000 wei (paid after A's 1 ETH) less its fee and its parents' shares.
    const owedToC =
      10_000n -
      feeOf(10_000n, 1_000, ethers.parseEther("1")) -
      sum(parentCredits(10_000n, [C_SHARE_OF_A, C_SHARE_OF_B]));
    await expect(protocol.connect(carol).claim(c, ETH, carol.address)).to.changeEtherBalances(
      ethers,
      [protocol, carol],
      [-owedToC, owedToC],
    );
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("fails claimMany only when ETH is among the tokens", async function () {
    const { protocol, usd, token, alice, refuser, a, b, c } =
      await networkHelpers.loadFixture(deployWithRefuser);

    await expect(protocol.connect(alice).claimMany([a], [token, ETH], refuser))
      .to.be.revertedWithCustomError(refuser, "EtherRefused")
      .withArgs(OWED_ETH);
    expect(await protocol.collectableBalance(a, token)).to.equal(OWED_TOKEN);

    await expect(protocol.connect(alice).claimMany([a], [token], refuser)).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, refuser],
      [-OWED_TOKEN, OWED_TOKEN],
    );
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("as treasury, blocks only the ETH fee withdrawal until the treasury is replaced", async function () {
    const { protocol, admin, treasury, alice, payer, refuser, a, b, c } =
      await networkHelpers.loadFixture(deployWithRefuser);
    await protocol.connect(admin).setTreasury(refuser);
    const fees = await feesAccrued(protocol, ETH);
    expect(fees).to.equal(FEE_ETH + 1_000n);

    await expect(protocol.withdrawFees(ETH))
      .to.be.revertedWithCustomError(refuser, "EtherRefused")
      .withArgs(fees);
    await pay(protocol, payer, a, ETH, 1_000n);
    await protocol.connect(alice).claim(a, ETH, alice.address);
    expect(await feesAccrued(protocol, ETH)).to.equal(fees + 100n);

    await protocol.connect(admin).setTreasury(treasury.address);
    await expect(protocol.withdrawFees(ETH)).to.changeEtherBalances(
      ethers,
      [protocol, treasury],
      [-(fees + 100n), fees + 100n],
    );
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });
});
