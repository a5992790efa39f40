import { expect } from "chai";
import { UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import { buyId, deployLicensingFamily, makeTerms, publish } from "../helpers/licensing.js";

const TERMS = makeTerms("commercial", { duration: 86_400 });

/** The family with one Commercial licence of D held by the payer. */
async function deployHeldLicence() {
  const family = await deployLicensingFamily();
  const { licensing, carol, payer, d } = family;
  await publish(licensing, carol, d, UseKind.Commercial, TERMS);
  const id = await buyId(licensing, payer, d, UseKind.Commercial);
  return { ...family, id };
}

const INTERFACES = {
  erc165: "0x01ffc9a7",
  erc721: "0x80ac58cd",
  erc721Metadata: "0x5b5e139f",
  erc5192: "0xb45a3c0e",
};

describe("licence token", function () {
  it("names itself Remix Licence (RLIC)", async function () {
    const { licensing } = await networkHelpers.loadFixture(deployHeldLicence);

    expect(await licensing.name()).to.equal("Remix Licence");
    expect(await licensing.symbol()).to.equal("RLIC");
  });

  it("reports holders through balanceOf, ownerOf and locked", async function () {
    const { licensing, payer, stranger, id } = await networkHelpers.loadFixture(deployHeldLicence);

    expect(await licensing.balanceOf(payer.address)).to.equal(1n);
    expect(await licensing.balanceOf(stranger.address)).to.equal(0n);
    expect(await licensing.ownerOf(id)).to.equal(payer.address);
    expect(await licensing.locked(id)).to.equal(true);
    expect(await licensing.getApproved(id)).to.equal(ethers.ZeroAddress);
    expect(await licensing.isApprovedForAll(payer.address, stranger.address)).to.equal(false);
  });

  it("returns as tokenURI the document URI of the licence's terms version", async function () {
    const { licensing, carol, payer, d, id } = await networkHelpers.loadFixture(deployHeldLicence);
    const next = makeTerms("commercial-v2");
    await publish(licensing, carol, d, UseKind.Commercial, next);
    const nextId = await buyId(licensing, payer, d, UseKind.Commercial);

    expect(await licensing.tokenURI(id)).to.equal(TERMS.documentURI);
    expect(await licensing.tokenURI(nextId)).to.equal(next.documentURI);
  });

  it("supports ERC-165, ERC-721, its metadata and ERC-5192, and nothing else", async function () {
    const { licensing } = await networkHelpers.loadFixture(deployHeldLicence);

    for (const [name, id] of Object.entries(INTERFACES)) {
      expect(await licensing.supportsInterface(id), name).to.equal(true);
    }
    // ERC-721 Enumerable, and the invalid id ERC-165 reserves.
    expect(await licensing.supportsInterface("0x780e9d63")).to.equal(false);
    expect(await licensing.supportsInterface("0xffffffff")).to.equal(false);
  });

  it("reverts every approval and transfer with LicenceNonTransferable", async function () {
    const { licensing, payer, stranger, id } = await networkHelpers.loadFixture(deployHeldLicence);
    const holder = licensing.connect(payer);
    const calls = [
      holder.approve(stranger.address, id),
      holder.setApprovalForAll(stranger.address, true),
      holder.transferFrom(payer.address, stranger.address, id),
      holder["safeTransferFrom(address,address,uint256)"](payer.address, stranger.address, id),
      holder["safeTransferFrom(address,address,uint256,bytes)"](
        payer.address,
        stranger.address,
        id,
        "0x",
      ),
    ];

    for (const call of calls) {
      await expect(call).to.be.revertedWithCustomError(licensing, "LicenceNonTransferable");
    }
    expect(await licensing.ownerOf(id)).to.equal(payer.address);
  });

  it("reverts with ERC721NonexistentToken for id 0 and ids never issued", async function () {
    const { licensing, id } = await networkHelpers.loadFixture(deployHeldLicence);

    for (const unknown of [0n, id + 1n]) {
      for (const read of [
        licensing.ownerOf,
        licensing.tokenURI,
        licensing.locked,
        licensing.getApproved,
        licensing.getLicence,
      ]) {
        await expect(read(unknown))
          .to.be.revertedWithCustomError(licensing, "ERC721NonexistentToken")
          .withArgs(unknown);
      }
    }
  });

  it("reverts balanceOf(0) with ERC721InvalidOwner", async function () {
    const { licensing } = await networkHelpers.loadFixture(deployHeldLicence);

    await expect(licensing.balanceOf(ethers.ZeroAddress))
      .to.be.revertedWithCustomError(licensing, "ERC721InvalidOwner")
      .withArgs(ethers.ZeroAddress);
  });
});
