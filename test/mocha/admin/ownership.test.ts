import { expect } from "chai";
import { ETH, deployProtocol, networkHelpers } from "../helpers/fixture.js";
import { expectNoStateChange } from "../helpers/registry.js";

describe("transferOwnership", function () {
  it("only nominates the new owner, who holds no power until accepting", async function () {
    const { protocol, admin, bob } = await networkHelpers.loadFixture(deployProtocol);

    await expect(protocol.connect(admin).transferOwnership(bob.address))
      .to.emit(protocol, "OwnershipTransferStarted")
      .withArgs(admin.address, bob.address);

    expect(await protocol.owner()).to.equal(admin.address);
    expect(await protocol.pendingOwner()).to.equal(bob.address);
    await expect(protocol.connect(bob).setFee(0))
      .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
      .withArgs(bob.address);
  });

  it("replaces a pending nomination, and nominating zero cancels it", async function () {
    const { protocol, admin, bob, carol } = await networkHelpers.loadFixture(deployProtocol);
    await protocol.connect(admin).transferOwnership(bob.address);
    await protocol.connect(admin).transferOwnership(carol.address);
    await expect(protocol.connect(bob).acceptOwnership())
      .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
      .withArgs(bob.address);

    await protocol.connect(admin).transferOwnership(ETH);
    expect(await protocol.pendingOwner()).to.equal(ETH);
    await expect(protocol.connect(carol).acceptOwnership())
      .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
      .withArgs(carol.address);
    expect(await protocol.owner()).to.equal(admin.address);
  });

  it("reverts with OwnableUnauthorizedAccount when the caller is not the owner", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    await expectNoStateChange(fx, () =>
      expect(fx.protocol.connect(fx.stranger).transferOwnership(fx.stranger.address))
        .to.be.revertedWithCustomError(fx.protocol, "OwnableUnauthorizedAccount")
        .withArgs(fx.stranger.address),
    );
  });
});

describe("acceptOwnership", function () {
  it("hands every admin power to the nominee and takes it from the previous owner", async function () {
    const { protocol, admin, bob } = await networkHelpers.loadFixture(deployProtocol);
    await protocol.connect(admin).transferOwnership(bob.address);

    await expect(protocol.connect(bob).acceptOwnership())
      .to.emit(protocol, "OwnershipTransferred")
      .withArgs(admin.address, bob.address);

    expect(await protocol.owner()).to.equal(bob.address);
    expect(await protocol.pendingOwner()).to.equal(ETH);
    await expect(protocol.connect(admin).setPaused(true))
      .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
      .withArgs(admin.address);
    await expect(protocol.connect(bob).setPaused(true))
      .to.emit(protocol, "PauseUpdated")
      .withArgs(bob.address, true);
  });

  it("reverts with OwnableUnauthorizedAccount for anyone but the nominee, the owner included", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    await fx.protocol.connect(fx.admin).transferOwnership(fx.bob.address);
    for (const caller of [fx.stranger, fx.admin]) {
      await expectNoStateChange(fx, () =>
        expect(fx.protocol.connect(caller).acceptOwnership())
          .to.be.revertedWithCustomError(fx.protocol, "OwnableUnauthorizedAccount")
          .withArgs(caller.address),
      );
    }
  });
});

describe("renounceOwnership", function () {
  it("reverts with RenounceDisabled for the owner, who keeps every power and any nomination", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    const { protocol, admin, bob } = fx;
    await protocol.connect(admin).transferOwnership(bob.address);

    // A paused protocol with no owner could never resume, so the owner can never leave.
    await expectNoStateChange(fx, () =>
      expect(protocol.connect(admin).renounceOwnership()).to.be.revertedWithCustomError(
        protocol,
        "RenounceDisabled",
      ),
    );

    expect(await protocol.owner()).to.equal(admin.address);
    expect(await protocol.pendingOwner()).to.equal(bob.address);
    await expect(protocol.connect(admin).setPaused(true))
      .to.emit(protocol, "PauseUpdated")
      .withArgs(admin.address, true);
    await expect(protocol.connect(admin).renounceOwnership()).to.be.revertedWithCustomError(
      protocol,
      "RenounceDisabled",
    );
    await expect(protocol.connect(admin).setPaused(false))
      .to.emit(protocol, "PauseUpdated")
      .withArgs(admin.address, false);
  });

  it("reverts with OwnableUnauthorizedAccount when the caller is not the owner, the nominee included", async function () {
    const fx = await networkHelpers.loadFixture(deployProtocol);
    await fx.protocol.connect(fx.admin).transferOwnership(fx.bob.address);
    for (const caller of [fx.stranger, fx.bob]) {
      await expectNoStateChange(fx, () =>
        expect(fx.protocol.connect(caller).renounceOwnership())
          .to.be.revertedWithCustomError(fx.protocol, "OwnableUnauthorizedAccount")
          .withArgs(caller.address),
      );
    }
  });
});
