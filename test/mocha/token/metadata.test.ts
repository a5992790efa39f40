import { expect } from "chai";
import { metadataURI, networkHelpers } from "../helpers/fixture.js";
import { deployWithAssets } from "../helpers/registry.js";

describe("name and symbol", function () {
  it("are 'Remix Asset' and 'REMIX'", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.name()).to.equal("Remix Asset");
    expect(await protocol.symbol()).to.equal("REMIX");
  });
});

describe("tokenURI", function () {
  it("returns each asset's registered metadata URI, unchanged by a transfer", async function () {
    const { protocol, alice, carol, a, b, r } = await networkHelpers.loadFixture(deployWithAssets);
    expect(await protocol.tokenURI(a)).to.equal(metadataURI("A"));
    expect(await protocol.tokenURI(b)).to.equal(metadataURI("B"));
    expect(await protocol.tokenURI(r)).to.equal(metadataURI("R"));

    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);
    expect(await protocol.tokenURI(a)).to.equal(metadataURI("A"));
  });

  it("reverts with ERC721NonexistentToken for id 0 and an unregistered id", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    for (const missing of [0n, 4n]) {
      await expect(protocol.tokenURI(missing))
        .to.be.revertedWithCustomError(protocol, "ERC721NonexistentToken")
        .withArgs(missing);
    }
  });
});

describe("supportsInterface", function () {
  // ERC-165 ids: the XOR of each interface's function selectors (EIP-165, EIP-721).
  const supported: Array<[string, string]> = [
    ["IERC165", "0x01ffc9a7"],
    ["IERC721", "0x80ac58cd"],
    ["IERC721Metadata", "0x5b5e139f"],
  ];
  const unsupported: Array<[string, string]> = [
    ["the ERC-165 invalid id", "0xffffffff"],
    ["IERC721Enumerable", "0x780e9d63"],
    ["IERC721Receiver", "0x150b7a02"],
    ["IERC2981 (on-chain royalties)", "0x2a55205a"],
    ["zero", "0x00000000"],
  ];

  for (const [label, id] of supported) {
    it(`supports ${label} (${id})`, async function () {
      const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
      expect(await protocol.supportsInterface(id)).to.equal(true);
    });
  }

  it("supports none of the interfaces it does not implement", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployWithAssets);
    for (const [label, id] of unsupported) {
      expect(await protocol.supportsInterface(id), label).to.equal(false);
    }
  });
});
