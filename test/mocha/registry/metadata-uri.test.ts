import { expect } from "chai";
import {
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import {
  MAX_URI_LENGTH,
  buyRemixLicences,
  parentShares,
  uriOfLength,
} from "../helpers/registry.js";

// URIs are stored as packed 32-byte words with the length kept elsewhere, so lengths around word
// boundaries, non-ASCII bytes and trailing zero bytes are where a read-back could go wrong.
const cases: Array<[string, string]> = [
  ...[1, 31, 32, 33, 59, 64, 65, 300].map((n): [string, string] => [`${n} bytes`, uriOfLength(n)]),
  ["59 bytes (the fixture's ipfs:// form)", metadataURI("fixture")],
  ["unicode (multi-byte UTF-8)", "ipfs://bafy/🎵 remix — çà et là/曲.json"],
  ["zero bytes inside and at the end", "ar://a\u0000b\u0000\u0000"],
  ["exactly 32 bytes ending in zero bytes", `${"z".repeat(30)}\u0000\u0000`],
];

describe("metadataURI storage", function () {
  for (const [label, uri] of cases) {
    it(`reads back a URI of ${label} exactly, from getAsset, tokenURI and the event`, async function () {
      const { protocol, alice } = await networkHelpers.loadFixture(deployProtocol);
      const hash = contentHash(label);
      const bytes = /^(\d+) bytes/.exec(label);
      if (bytes) expect(ethers.toUtf8Bytes(uri).length).to.equal(Number(bytes[1]));

      await expect(protocol.connect(alice).registerOriginal(hash, uri))
        .to.emit(protocol, "AssetRegistered")
        .withArgs(1n, alice.address, hash, uri);

      expect((await protocol.getAsset(1n)).metadataURI).to.equal(uri);
      expect(await protocol.tokenURI(1n)).to.equal(uri);
    });
  }

  it("stores a remix's URI the same way", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
    const parent = await registerOriginal(protocol, alice, "parent");
    const uri = uriOfLength(65, "remix");

    const licenceIds = await buyRemixLicences(protocol, bob, [parent]);

    await protocol
      .connect(bob)
      .registerRemix(contentHash("remix"), uri, parentShares([[parent, 1_000]]), licenceIds);

    expect((await protocol.getAsset(2n)).metadataURI).to.equal(uri);
    expect(await protocol.tokenURI(2n)).to.equal(uri);
  });

  it("keeps each asset's URI separate when a long one is followed by a short one", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployProtocol);
    const long = uriOfLength(300, "long");
    const short = uriOfLength(1, "s");

    await protocol.connect(alice).registerOriginal(contentHash("long"), long);
    await protocol.connect(alice).registerOriginal(contentHash("short"), short);

    expect(await protocol.tokenURI(1n)).to.equal(long);
    expect(await protocol.tokenURI(2n)).to.equal(short);
  });

  it("measures the maximum length in UTF-8 bytes, not characters", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployProtocol);
    // 171 three-byte characters: far below the limit in characters, 1 byte above it in bytes.
    const uri = "€".repeat(171);
    const byteLength = ethers.toUtf8Bytes(uri).length;
    expect(byteLength).to.equal(MAX_URI_LENGTH + 1);

    await expect(protocol.connect(alice).registerOriginal(contentHash("euro"), uri))
      .to.be.revertedWithCustomError(protocol, "InvalidMetadataURI")
      .withArgs(byteLength, MAX_URI_LENGTH);
  });

  it("accepts exactly the maximum, 512 bytes, and refuses the 65,535-byte URIs that once made a view cost 1.5M gas", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployProtocol);
    const longest = uriOfLength(MAX_URI_LENGTH, "max");
    await protocol.connect(alice).registerOriginal(contentHash("max"), longest);
    expect(await protocol.tokenURI(1n)).to.equal(longest);

    const attack = uriOfLength(65_535, "bloat");
    await expect(protocol.connect(alice).registerOriginal(contentHash("bloat"), attack))
      .to.be.revertedWithCustomError(protocol, "InvalidMetadataURI")
      .withArgs(65_535, MAX_URI_LENGTH);
    expect(await protocol.totalAssets()).to.equal(1n);
  });
});

describe("getAssetSummary", function () {
  it("returns the asset's record without its URI, at the same gas for a 1-byte and a 512-byte URI", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
    const parent = await registerOriginal(protocol, alice, "parent");
    const [licence] = await buyRemixLicences(protocol, bob, [parent]);
    const longest = uriOfLength(MAX_URI_LENGTH, "remix");
    await protocol
      .connect(bob)
      .registerRemix(contentHash("remix"), longest, parentShares([[parent, 1_000]]), [licence!]);
    await protocol.connect(alice).registerOriginal(contentHash("short"), "x");

    const summary = await protocol.getAssetSummary(2n);
    const asset = await protocol.getAsset(2n);
    expect(summary.owner).to.equal(bob.address);
    expect(summary.createdAt).to.equal(asset.createdAt);
    // The content hash is not part of the record: it is the key that maps to the asset.
    expect(await protocol.assetIdOf(contentHash("remix"))).to.equal(2n);
    expect(summary.parentCount).to.equal(1n);
    expect(summary.childCount).to.equal(0n);
    expect(summary.metadataURILength).to.equal(BigInt(MAX_URI_LENGTH));
    expect((await protocol.getAssetSummary(parent)).childCount).to.equal(1n);

    const summaryGas = async (id: bigint) =>
      ethers.provider.estimateGas({
        to: await protocol.getAddress(),
        data: protocol.interface.encodeFunctionData("getAssetSummary", [id]),
      });
    expect(await summaryGas(2n)).to.equal(await summaryGas(3n));
    // The full view reads the URI: 16 more words at its longest, yet far from the old 1.5M.
    const fullGas = await ethers.provider.estimateGas({
      to: await protocol.getAddress(),
      data: protocol.interface.encodeFunctionData("getAsset", [2n]),
    });
    expect(fullGas).to.be.lessThan(100_000n);
  });

  it("reverts with AssetNotFound for an id that was never registered", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployProtocol);
    await expect(protocol.getAssetSummary(1n))
      .to.be.revertedWithCustomError(protocol, "AssetNotFound")
      .withArgs(1n);
  });
});
