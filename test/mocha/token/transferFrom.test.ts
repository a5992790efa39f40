import { expect } from "chai";
import { ETH, networkHelpers } from "../helpers/fixture.js";
import { assetRecord, deployWithAssets, expectNoStateChange } from "../helpers/registry.js";

describe("transferFrom", function () {
  it("moves the asset, updates balances and emits Transfer", async function () {
    const { protocol, alice, carol, a } = await networkHelpers.loadFixture(deployWithAssets);

    await expect(protocol.connect(alice).transferFrom(alice.address, carol.address, a))
      .to.emit(protocol, "Transfer")
      .withArgs(alice.address, carol.address, a);

    expect(await protocol.ownerOf(a)).to.equal(carol.address);
    expect(await protocol.balanceOf(alice.address)).to.equal(1n);
    expect(await protocol.balanceOf(carol.address)).to.equal(1n);
  });

  it("changes only the owner in the asset's record", async function () {
    const { protocol, bob, carol, r } = await networkHelpers.loadFixture(deployWithAssets);
    // The owner shares a storage slot with createdAt, the parent count and the URI length; a
    // transfer must keep them.
    const before = await assetRecord(protocol, r);

    await protocol.connect(bob).transferFrom(bob.address, carol.address, r);

    expect(await assetRecord(protocol, r)).to.deep.equal({ ...before, owner: carol.address });
  });

  it("lets the address approved for the asset move it, then clears that approval silently", async function () {
    const { protocol, alice, carol, stranger, a } =
      await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(alice).approve(carol.address, a);

    const tx = protocol.connect(carol).transferFrom(alice.address, stranger.address, a);

    await expect(tx).to.emit(protocol, "Transfer").withArgs(alice.address, stranger.address, a);
    await expect(tx).not.to.emit(protocol, "Approval");
    expect(await protocol.getApproved(a)).to.equal(ETH);
    await expect(protocol.connect(carol).transferFrom(stranger.address, carol.address, a))
      .to.be.revertedWithCustomError(protocol, "ERC721InsufficientApproval")
      .withArgs(carol.address, a);
  });

  it("lets an operator move any of the owner's assets, but not the new owner's", async function () {
    const { protocol, alice, bob, carol, a, b } =
      await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(alice).setApprovalForAll(bob.address, true);

    await protocol.connect(bob).transferFrom(alice.address, carol.address, a);
    await protocol.connect(bob).transferFrom(alice.address, bob.address, b);

    expect(await protocol.ownerOf(a)).to.equal(carol.address);
    expect(await protocol.ownerOf(b)).to.equal(bob.address);
    await expect(protocol.connect(bob).transferFrom(carol.address, bob.address, a))
      .to.be.revertedWithCustomError(protocol, "ERC721InsufficientApproval")
      .withArgs(bob.address, a);
  });

  it("allows a transfer to oneself, which keeps the balance and clears the approval", async function () {
    const { protocol, alice, carol, a } = await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(alice).approve(carol.address, a);

    await expect(protocol.connect(alice).transferFrom(alice.address, alice.address, a))
      .to.emit(protocol, "Transfer")
      .withArgs(alice.address, alice.address, a);

    expect(await protocol.ownerOf(a)).to.equal(alice.address);
    expect(await protocol.balanceOf(alice.address)).to.equal(2n);
    expect(await protocol.getApproved(a)).to.equal(ETH);
  });

  it("is never paused", async function () {
    const { protocol, admin, alice, carol, a } = await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(admin).setPaused(true);
    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);
    expect(await protocol.ownerOf(a)).to.equal(carol.address);
  });

  it("reverts with ERC721InvalidReceiver when sending to the zero address", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.alice).transferFrom(fx.alice.address, ETH, fx.a))
        .to.be.revertedWithCustomError(fx.protocol, "ERC721InvalidReceiver")
        .withArgs(ETH),
    );
  });

  it("reverts with ERC721IncorrectOwner when `from` is not the owner", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    const { protocol, alice, bob, carol, a } = fx;
    // Even bob, an operator of alice, cannot claim to move it from himself.
    await protocol.connect(alice).setApprovalForAll(bob.address, true);
    for (const caller of [alice, bob]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(caller).transferFrom(bob.address, carol.address, a))
          .to.be.revertedWithCustomError(protocol, "ERC721IncorrectOwner")
          .withArgs(bob.address, a, alice.address),
      );
    }
  });

  it("reverts with ERC721InsufficientApproval for a stranger or an address approved for another asset", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    const { protocol, alice, carol, stranger, a, b } = fx;
    await protocol.connect(alice).approve(carol.address, b);
    for (const caller of [stranger, carol]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(caller).transferFrom(alice.address, caller.address, a))
          .to.be.revertedWithCustomError(protocol, "ERC721InsufficientApproval")
          .withArgs(caller.address, a),
      );
    }
  });

  it("reverts with ERC721InsufficientApproval, not ERC721IncorrectOwner, for a stranger naming the wrong owner", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    const { protocol, bob, stranger, a } = fx;
    // Authorization is checked before the claimed owner, in OpenZeppelin's ERC721 order, so
    // integrators see the same error from this token as from any OpenZeppelin one.
    for (const from of [stranger.address, bob.address]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(stranger).transferFrom(from, stranger.address, a))
          .to.be.revertedWithCustomError(protocol, "ERC721InsufficientApproval")
          .withArgs(stranger.address, a),
      );
    }
  });

  it("reverts with ERC721NonexistentToken for id 0 and an unregistered id", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    for (const missing of [0n, 4n]) {
      await expectNoStateChange(fx, () =>
        expect(
          fx.protocol.connect(fx.alice).transferFrom(fx.alice.address, fx.carol.address, missing),
        )
          .to.be.revertedWithCustomError(fx.protocol, "ERC721NonexistentToken")
          .withArgs(missing),
      );
    }
  });
});
