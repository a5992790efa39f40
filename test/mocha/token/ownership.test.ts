import { expect } from "chai";
import { ETH, networkHelpers } from "../helpers/fixture.js";
import { deployWithAssets } from "../helpers/registry.js";

describe("balanceOf", function () {
  it("counts minted assets per owner and follows transfers", async function () {
    const { protocol, alice, bob, carol, a } = await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.balanceOf(alice.address)).to.equal(2n);
    expect(await protocol.balanceOf(bob.address)).to.equal(1n);
    expect(await protocol.balanceOf(carol.address)).to.equal(0n);

    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);
    expect(await protocol.balanceOf(alice.address)).to.equal(1n);
    expect(await protocol.balanceOf(carol.address)).to.equal(1n);
  });

  it("reverts with ERC721InvalidOwner for the zero address", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    await expect(protocol.balanceOf(ETH))
      .to.be.revertedWithCustomError(protocol, "ERC721InvalidOwner")
      .withArgs(ETH);
  });
});

describe("ownerOf", function () {
  it("returns the creator, then the recipient of a transfer, agreeing with getAsset", async function () {
    const { protocol, alice, bob, carol, a, r } =
      await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.ownerOf(a)).to.equal(alice.address);
    expect(await protocol.ownerOf(r)).to.equal(bob.address);

    await protocol.connect(bob).transferFrom(bob.address, carol.address, r);
    expect(await protocol.ownerOf(r)).to.equal(carol.address);
    expect((await protocol.getAsset(r)).owner).to.equal(carol.address);
  });

  it("reverts with ERC721NonexistentToken for id 0 and an unregistered id", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    for (const missing of [0n, 4n]) {
      await expect(protocol.ownerOf(missing))
        .to.be.revertedWithCustomError(protocol, "ERC721NonexistentToken")
        .withArgs(missing);
    }
  });
});
