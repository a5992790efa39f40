import { expect } from "chai";
import { ETH, ethers, networkHelpers, registerOriginal } from "../helpers/fixture.js";
import { claimsOf, deployFamily, expectSolvent, pay } from "../helpers/engine.js";

const OWED_ETH = ethers.parseEther("0.9");
const OWED_TOKEN = 900_000n;

/** Family where alice's original A is owed 0.9 ETH and 0.9 of the 6-decimal token. */
async function deployOwedFamily() {
  const family = await deployFamily();
  const { protocol, payer, token, a } = family;
  await pay(protocol, payer, a, ETH, ethers.parseEther("1"));
  await pay(protocol, payer, a, token, 1_000_000n);
  return family;
}

describe("claim", function () {
  it("pays the owner's ETH to any recipient and zeroes the balance", async function () {
    const { protocol, alice, carol, a, b, c } = await networkHelpers.loadFixture(deployOwedFamily);

    expect(await protocol.connect(alice).claim.staticCall(a, ETH, carol.address)).to.equal(
      OWED_ETH,
    );
    const tx = protocol.connect(alice).claim(a, ETH, carol.address);

    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [ETH, carol.address, alice.address, [a], [OWED_ETH]],
    ]);
    await expect(tx).to.changeEtherBalances(
      ethers,
      [protocol, carol, alice],
      [-OWED_ETH, OWED_ETH, 0n],
    );
    expect(await protocol.collectableBalance(a, ETH)).to.equal(0n);
    expect(await protocol.connect(alice).claim.staticCall(a, ETH, carol.address)).to.equal(0n);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("pays the owner's ERC-20 balance to any recipient", async function () {
    const { protocol, usd, token, alice, carol, a, b, c } =
      await networkHelpers.loadFixture(deployOwedFamily);

    const tx = protocol.connect(alice).claim(a, token, carol.address);

    expect(await claimsOf(tx, protocol)).to.deep.equal([
      [token, carol.address, alice.address, [a], [OWED_TOKEN]],
    ]);
    await expect(tx).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, carol],
      [-OWED_TOKEN, OWED_TOKEN],
    );
    expect(await protocol.collectableBalance(a, token)).to.equal(0n);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(OWED_ETH);
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("lets a revenue manager for all, or the asset's own manager, claim", async function () {
    const { protocol, usd, token, alice, bob, carol, a, b, c } =
      await networkHelpers.loadFixture(deployOwedFamily);
    await protocol.connect(alice).setRevenueManagerForAll(bob.address, true);
    await protocol.connect(alice).setRevenueManager(a, carol.address);

    // Claimed names whoever claimed, so an owner can audit what its delegates did.
    const byOperator = protocol.connect(bob).claim(a, ETH, alice.address);
    expect(await claimsOf(byOperator, protocol)).to.deep.equal([
      [ETH, alice.address, bob.address, [a], [OWED_ETH]],
    ]);
    await expect(byOperator).to.changeEtherBalances(
      ethers,
      [protocol, alice, bob],
      [-OWED_ETH, OWED_ETH, 0n],
    );
    const byApproved = protocol.connect(carol).claim(a, token, carol.address);
    expect(await claimsOf(byApproved, protocol)).to.deep.equal([
      [token, carol.address, carol.address, [a], [OWED_TOKEN]],
    ]);
    await expect(byApproved).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, carol],
      [-OWED_TOKEN, OWED_TOKEN],
    );
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });

  it("reverts with NotAssetOwnerOrManager when a stranger claims", async function () {
    const { protocol, stranger, alice, carol, a } =
      await networkHelpers.loadFixture(deployOwedFamily);

    await expect(protocol.connect(stranger).claim(a, ETH, stranger.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, stranger.address);

    // A transfer approval does not count, nor does a manager of another asset of the same owner.
    const other = await registerOriginal(protocol, alice, "other");
    await protocol.connect(alice).approve(carol.address, a);
    await protocol.connect(alice).setRevenueManager(other, carol.address);
    await expect(protocol.connect(carol).claim(a, ETH, carol.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, carol.address);
    expect(await protocol.collectableBalance(a, ETH)).to.equal(OWED_ETH);
  });

  it("reverts with AssetNotFound when the asset does not exist", async function () {
    const { protocol, alice, c } = await networkHelpers.loadFixture(deployOwedFamily);

    await expect(protocol.connect(alice).claim(c + 1n, ETH, alice.address))
      .to.be.revertedWithCustomError(protocol, "AssetNotFound")
      .withArgs(c + 1n);
  });

  it("reverts with InvalidRecipient when the recipient is the zero address or the protocol", async function () {
    const { protocol, token, alice, a } = await networkHelpers.loadFixture(deployOwedFamily);
    // Paid to itself, an ERC-20 would stay in the protocol owed to no one.
    const recipients = [ethers.ZeroAddress, await protocol.getAddress()];

    for (const recipient of recipients) {
      for (const claimed of [ETH, token]) {
        await expect(protocol.connect(alice).claim(a, claimed, recipient))
          .to.be.revertedWithCustomError(protocol, "InvalidRecipient")
          .withArgs(recipient);
      }
    }
    expect(await protocol.collectableBalance(a, ETH)).to.equal(OWED_ETH);
    expect(await protocol.collectableBalance(a, token)).to.equal(OWED_TOKEN);
  });

  it("returns 0 and transfers nothing when the balance is zero", async function () {
    const { protocol, usd, token, bob, b } = await networkHelpers.loadFixture(deployOwedFamily);

    expect(await protocol.connect(bob).claim.staticCall(b, ETH, bob.address)).to.equal(0n);
    const tx = protocol.connect(bob).claim(b, token, bob.address);
    await expect(tx).not.to.emit(protocol, "Claimed");
    await expect(tx).not.to.emit(usd, "Transfer");
  });

  it("follows the NFT: after a transfer the new owner claims and the old one cannot", async function () {
    const { protocol, alice, bob, carol, a, b, c } =
      await networkHelpers.loadFixture(deployOwedFamily);
    await protocol.connect(alice).approve(carol.address, a);

    await protocol.connect(alice).transferFrom(alice.address, bob.address, a);

    await expect(protocol.connect(alice).claim(a, ETH, alice.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, alice.address);
    // The transfer cleared the old owner's approval too.
    await expect(protocol.connect(carol).claim(a, ETH, carol.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, carol.address);
    await expect(protocol.connect(bob).claim(a, ETH, bob.address)).to.changeEtherBalances(
      ethers,
      [protocol, bob],
      [-OWED_ETH, OWED_ETH],
    );
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("works while paused and after the token was removed from the allowlist", async function () {
    const { protocol, usd, admin, token, alice, a, b, c } =
      await networkHelpers.loadFixture(deployOwedFamily);
    await protocol.connect(admin).setPaused(true);
    await protocol.connect(admin).setTokenAllowed(token, false);

    await expect(protocol.connect(alice).claim(a, ETH, alice.address)).to.changeEtherBalances(
      ethers,
      [protocol, alice],
      [-OWED_ETH, OWED_ETH],
    );
    await expect(protocol.connect(alice).claim(a, token, alice.address)).to.changeTokenBalances(
      ethers,
      usd,
      [protocol, alice],
      [-OWED_TOKEN, OWED_TOKEN],
    );
    await expectSolvent(protocol, [ETH, token], [a, b, c]);
  });
});
