import { expect } from "chai";
import { ETH, networkHelpers } from "../helpers/fixture.js";
import { deployWithAssets, expectNoStateChange } from "../helpers/registry.js";

describe("approve", function () {
  it("lets the owner approve one asset, emitting Approval, and clear it with the zero address", async function () {
    const { protocol, alice, carol, a, b } = await networkHelpers.loadFixture(deployWithAssets);

    await expect(protocol.connect(alice).approve(carol.address, a))
      .to.emit(protocol, "Approval")
      .withArgs(alice.address, carol.address, a);
    expect(await protocol.getApproved(a)).to.equal(carol.address);
    expect(await protocol.getApproved(b)).to.equal(ETH);

    await expect(protocol.connect(alice).approve(ETH, a))
      .to.emit(protocol, "Approval")
      .withArgs(alice.address, ETH, a);
    expect(await protocol.getApproved(a)).to.equal(ETH);
  });

  it("lets an operator approve on the owner's behalf; the event names the owner", async function () {
    const { protocol, alice, bob, carol, a } = await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(alice).setApprovalForAll(bob.address, true);

    await expect(protocol.connect(bob).approve(carol.address, a))
      .to.emit(protocol, "Approval")
      .withArgs(alice.address, carol.address, a);
    expect(await protocol.getApproved(a)).to.equal(carol.address);
  });

  it("reverts with ERC721InvalidApprover for a stranger and for the asset's own approved address", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    const { protocol, alice, carol, stranger, a } = fx;
    await protocol.connect(alice).approve(carol.address, a);
    // Approval of one asset allows moving it, not delegating it further.
    for (const caller of [stranger, carol]) {
      await expectNoStateChange(fx, () =>
        expect(protocol.connect(caller).approve(caller.address, a))
          .to.be.revertedWithCustomError(protocol, "ERC721InvalidApprover")
          .withArgs(caller.address),
      );
    }
  });

  it("reverts with ERC721NonexistentToken for an unregistered id", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.alice).approve(fx.carol.address, 4n))
        .to.be.revertedWithCustomError(fx.protocol, "ERC721NonexistentToken")
        .withArgs(4n),
    );
  });
});

describe("getApproved", function () {
  it("is the zero address until approved", async function () {
    const { protocol, a, r } = await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.getApproved(a)).to.equal(ETH);
    expect(await protocol.getApproved(r)).to.equal(ETH);
  });

  it("reverts with ERC721NonexistentToken for id 0 and an unregistered id", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    for (const missing of [0n, 4n]) {
      await expect(protocol.getApproved(missing))
        .to.be.revertedWithCustomError(protocol, "ERC721NonexistentToken")
        .withArgs(missing);
    }
  });
});

describe("setApprovalForAll", function () {
  it("grants and revokes an operator, emitting ApprovalForAll each time", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployWithAssets);
    for (const approved of [true, false]) {
      await expect(protocol.connect(alice).setApprovalForAll(bob.address, approved))
        .to.emit(protocol, "ApprovalForAll")
        .withArgs(alice.address, bob.address, approved);
      expect(await protocol.isApprovedForAll(alice.address, bob.address)).to.equal(approved);
    }
  });

  it("may be set by an address that owns nothing", async function () {
    const { protocol, stranger, bob } = await networkHelpers.loadFixture(deployWithAssets);
    await protocol.connect(stranger).setApprovalForAll(bob.address, true);
    expect(await protocol.isApprovedForAll(stranger.address, bob.address)).to.equal(true);
  });

  it("reverts with ERC721InvalidOperator for the zero address", async function () {
    const fx = await networkHelpers.loadFixture(deployWithAssets);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.alice).setApprovalForAll(ETH, true))
        .to.be.revertedWithCustomError(fx.protocol, "ERC721InvalidOperator")
        .withArgs(ETH),
    );
  });
});

describe("isApprovedForAll", function () {
  it("is false by default and directional: owner to operator only", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.isApprovedForAll(alice.address, bob.address)).to.equal(false);

    await protocol.connect(alice).setApprovalForAll(bob.address, true);
    expect(await protocol.isApprovedForAll(alice.address, bob.address)).to.equal(true);
    expect(await protocol.isApprovedForAll(bob.address, alice.address)).to.equal(false);
  });
});
