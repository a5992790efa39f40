import { expect } from "chai";
import { ETH, FEE_BPS, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import { balanceOf, claimsOf, deployFamily, feeOf, pay } from "../helpers/engine.js";
import { makeTerms } from "../helpers/licensing.js";

const OWED = 10n ** 18n;

/** The family with original A (alice) owed 0.90 ETH, and a marketplace (stranger) that alice
 * approved for all her NFTs so it can list A. */
async function deployListedWork() {
  const family = await deployFamily();
  const { protocol, alice, stranger, payer, a } = family;
  await pay(protocol, payer, a, ETH, OWED);
  await protocol.connect(alice).setApprovalForAll(stranger.address, true);
  return { ...family, marketplace: stranger, owed: OWED - feeOf(OWED, FEE_BPS) };
}

describe("revenue managers", function () {
  it("a marketplace approved to transfer the work can neither claim its revenue, rewrite its terms nor name itself manager", async function () {
    const { protocol, licensing, marketplace, a, owed } =
      await networkHelpers.loadFixture(deployListedWork);

    await expect(protocol.connect(marketplace).claim(a, ETH, marketplace.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, marketplace.address);
    await expect(protocol.connect(marketplace).claimMany([a], [ETH], marketplace.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, marketplace.address);
    await expect(
      licensing
        .connect(marketplace)
        .setTerms(a, UseKind.Commercial, makeTerms("hijack", { price: 1n })),
    )
      .to.be.revertedWithCustomError(licensing, "NotAssetOwnerOrManager")
      .withArgs(a, marketplace.address);
    await expect(protocol.connect(marketplace).setRevenueManager(a, marketplace.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwner")
      .withArgs(a, marketplace.address);

    expect(await protocol.collectableBalance(a, ETH)).to.equal(owed);
    expect(await licensing.latestTermsVersion(a, UseKind.Commercial)).to.equal(0n);
    // The approval still does its own job: moving the NFT.
    await protocol
      .connect(marketplace)
      .transferFrom(await protocol.ownerOf(a), marketplace.address, a);
    expect(await protocol.ownerOf(a)).to.equal(marketplace.address);
  });

  it("an asset's manager claims to any address and sets terms; revoking ends both", async function () {
    const { protocol, licensing, alice, carol, stranger, a, owed } =
      await networkHelpers.loadFixture(deployListedWork);
    await expect(protocol.connect(alice).setRevenueManager(a, carol.address))
      .to.emit(protocol, "RevenueManagerSet")
      .withArgs(a, alice.address, carol.address);
    expect(await protocol.revenueManagerOf(a)).to.equal(carol.address);

    const before = await balanceOf(ETH, stranger.address);
    const claim = protocol.connect(carol).claim(a, ETH, stranger.address);
    expect(await claimsOf(claim, protocol)).to.deep.equal([
      [ETH, stranger.address, carol.address, [a], [owed]],
    ]);
    expect((await balanceOf(ETH, stranger.address)) - before).to.equal(owed);
    await expect(licensing.connect(carol).setTerms(a, UseKind.View, makeTerms("views"))).to.emit(
      licensing,
      "TermsPublished",
    );

    await protocol.connect(alice).setRevenueManager(a, ethers.ZeroAddress);
    await expect(protocol.connect(carol).claim(a, ETH, carol.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, carol.address);
  });

  it("a manager for all covers assets the owner gets later, not assets it sold", async function () {
    const { protocol, alice, bob, carol, payer, a, b, owed } =
      await networkHelpers.loadFixture(deployListedWork);
    await expect(protocol.connect(bob).setRevenueManagerForAll(carol.address, true))
      .to.emit(protocol, "RevenueManagerForAllSet")
      .withArgs(bob.address, carol.address, true);
    expect(await protocol.isRevenueManagerForAll(bob.address, carol.address)).to.equal(true);

    // A moves to bob: bob's manager now manages it; B, which bob sells to alice, leaves its care.
    await protocol.connect(alice).transferFrom(alice.address, bob.address, a);
    await protocol.connect(bob).transferFrom(bob.address, alice.address, b);
    expect(await protocol.isOwnerOrManager(a, carol.address)).to.equal(true);
    expect(await protocol.isOwnerOrManager(b, carol.address)).to.equal(false);
    await pay(protocol, payer, a, ETH, OWED);
    // A holds both payments less their fees (the second's after OWED paid before it).
    const held = owed + OWED - feeOf(OWED, FEE_BPS, OWED);
    const claim = protocol.connect(carol).claimMany([a], [ETH], carol.address);
    expect(await claimsOf(claim, protocol)).to.deep.equal([
      [ETH, carol.address, carol.address, [a], [held]],
    ]);

    await protocol.connect(bob).setRevenueManagerForAll(carol.address, false);
    expect(await protocol.isOwnerOrManager(a, carol.address)).to.equal(false);
  });

  it("a transfer clears the asset's manager, so a seller's manager cannot claim the buyer's revenue", async function () {
    const { protocol, alice, bob, carol, payer, a } =
      await networkHelpers.loadFixture(deployListedWork);
    await protocol.connect(alice).setRevenueManager(a, carol.address);
    await protocol.connect(alice).claim(a, ETH, alice.address);
    await protocol.connect(alice).transferFrom(alice.address, bob.address, a);
    await pay(protocol, payer, a, ETH, OWED);

    expect(await protocol.revenueManagerOf(a)).to.equal(ethers.ZeroAddress);
    await expect(protocol.connect(carol).claim(a, ETH, carol.address))
      .to.be.revertedWithCustomError(protocol, "NotAssetOwnerOrManager")
      .withArgs(a, carol.address);
    const claim = protocol.connect(bob).claim(a, ETH, bob.address);
    expect(await claimsOf(claim, protocol)).to.deep.equal([
      [ETH, bob.address, bob.address, [a], [OWED - feeOf(OWED, FEE_BPS, OWED)]],
    ]);
  });

  it("reverts with InvalidManager for a zero manager for all, and ERC721NonexistentToken for an unknown asset", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployListedWork);
    await expect(
      protocol.connect(alice).setRevenueManagerForAll(ethers.ZeroAddress, true),
    ).to.be.revertedWithCustomError(protocol, "InvalidManager");
    await expect(protocol.connect(alice).setRevenueManager(99n, alice.address))
      .to.be.revertedWithCustomError(protocol, "ERC721NonexistentToken")
      .withArgs(99n);
  });
});
