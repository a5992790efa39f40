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
  assetRecord,
  buyRemixLicences,
  expectNoStateChange,
  parentShares,
  timestampOf,
  type Fixture,
  type Signer,
} from "../helpers/registry.js";

type WithParent = Fixture & { parentId: bigint; licenceOf: Map<string, bigint> };

/**
 * The protocol with one original (id 1, owned by carol) for remixes to name, and one unused remix
 * licence of it for each of alice and bob.
 */
async function deployWithParent(): Promise<WithParent> {
  const fx = await deployProtocol();
  const parentId = await registerOriginal(fx.protocol, fx.carol, "parent");
  const licenceOf = new Map<string, bigint>();
  for (const signer of [fx.alice, fx.bob]) {
    const [licence] = await buyRemixLicences(fx.protocol, signer, [parentId]);
    licenceOf.set(signer.address, licence);
  }
  return { ...fx, parentId, licenceOf };
}

/** `registerRemix`'s arguments after the hash and URI: one parent at 30% and the signer's licence. */
function remixArgs(fx: WithParent, signer: Signer): [ReturnType<typeof parentShares>, bigint[]] {
  return [parentShares([[fx.parentId, 3_000]]), [fx.licenceOf.get(signer.address)!]];
}

// Both entry points share the same validation and storage path, so every rule on the content
// hash, the URI and the pause is checked through each of them.
const entryPoints = [
  {
    fn: "registerOriginal",
    parentCount: 0n,
    call(fx: WithParent, signer: Signer, hash: string, uri: string) {
      return fx.protocol.connect(signer).registerOriginal(hash, uri);
    },
    staticCall(fx: WithParent, signer: Signer, hash: string, uri: string) {
      return fx.protocol.connect(signer).registerOriginal.staticCall(hash, uri);
    },
  },
  {
    fn: "registerRemix",
    parentCount: 1n,
    call(fx: WithParent, signer: Signer, hash: string, uri: string) {
      return fx.protocol.connect(signer).registerRemix(hash, uri, ...remixArgs(fx, signer));
    },
    staticCall(fx: WithParent, signer: Signer, hash: string, uri: string) {
      return fx.protocol
        .connect(signer)
        .registerRemix.staticCall(hash, uri, ...remixArgs(fx, signer));
    },
  },
];

for (const entry of entryPoints) {
  describe(`${entry.fn}: shared registration rules`, function () {
    const hash = contentHash(`new-${entry.fn}`);
    const uri = metadataURI(`new-${entry.fn}`);

    it("returns the next id and mints it to the caller", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const { protocol, alice } = fx;

      expect(await entry.staticCall(fx, alice, hash, uri)).to.equal(2n);
      await expect(entry.call(fx, alice, hash, uri))
        .to.emit(protocol, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 2n);

      expect(await protocol.totalAssets()).to.equal(2n);
      expect(await protocol.ownerOf(2n)).to.equal(alice.address);
      expect(await protocol.balanceOf(alice.address)).to.equal(1n);
      expect(await protocol.assetIdOf(hash)).to.equal(2n);
      expect(await protocol.exists(2n)).to.equal(true);
    });

    it("emits AssetRegistered with the creator, hash and URI", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);

      await expect(entry.call(fx, fx.bob, hash, uri))
        .to.emit(fx.protocol, "AssetRegistered")
        .withArgs(2n, fx.bob.address, hash, uri);
    });

    it("stores the record with createdAt equal to the block timestamp", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await networkHelpers.time.increase(12_345);

      const tx = await entry.call(fx, fx.alice, hash, uri);

      expect(await assetRecord(fx.protocol, 2n)).to.deep.equal({
        owner: fx.alice.address,
        createdAt: await timestampOf(tx),
        metadataURI: uri,
        parentCount: entry.parentCount,
        childCount: 0n,
      });
      // The content hash is recorded once, as the key of the asset.
      expect(await fx.protocol.assetIdOf(hash)).to.equal(2n);
    });

    it("reverts with ZeroContentHash when the hash is zero", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await expectNoStateChange(fx, () =>
        expect(entry.call(fx, fx.alice, ethers.ZeroHash, uri)).to.be.revertedWithCustomError(
          fx.protocol,
          "ZeroContentHash",
        ),
      );
    });

    it("reverts with ContentAlreadyRegistered when the hash is an original's", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const parentHash = contentHash("parent");
      await expectNoStateChange(fx, () =>
        expect(entry.call(fx, fx.alice, parentHash, uri))
          .to.be.revertedWithCustomError(fx.protocol, "ContentAlreadyRegistered")
          .withArgs(parentHash, fx.parentId),
      );
    });

    it("reverts with ContentAlreadyRegistered when the hash was registered the same way", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await entry.call(fx, fx.alice, hash, uri);
      await expectNoStateChange(fx, () =>
        expect(entry.call(fx, fx.bob, hash, metadataURI("other")))
          .to.be.revertedWithCustomError(fx.protocol, "ContentAlreadyRegistered")
          .withArgs(hash, 2n),
      );
    });

    it("reverts with InvalidMetadataURI when the URI is empty", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await expectNoStateChange(
        fx,
        () =>
          expect(entry.call(fx, fx.alice, hash, ""))
            .to.be.revertedWithCustomError(fx.protocol, "InvalidMetadataURI")
            .withArgs(0n, MAX_URI_LENGTH),
        { hashes: [hash] },
      );
    });

    it("reverts with InvalidMetadataURI when the URI is one byte over the maximum", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const tooLong = "a".repeat(MAX_URI_LENGTH + 1);
      await expectNoStateChange(
        fx,
        () =>
          expect(entry.call(fx, fx.alice, hash, tooLong))
            .to.be.revertedWithCustomError(fx.protocol, "InvalidMetadataURI")
            .withArgs(MAX_URI_LENGTH + 1, MAX_URI_LENGTH),
        { hashes: [hash] },
      );
    });

    it("reverts with ProtocolPaused while paused and registers again once resumed", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await fx.protocol.connect(fx.admin).setPaused(true);

      await expectNoStateChange(
        fx,
        () =>
          expect(entry.call(fx, fx.alice, hash, uri)).to.be.revertedWithCustomError(
            fx.protocol,
            "ProtocolPaused",
          ),
        { hashes: [hash] },
      );

      await fx.protocol.connect(fx.admin).setPaused(false);
      await entry.call(fx, fx.alice, hash, uri);
      expect(await fx.protocol.assetIdOf(hash)).to.equal(2n);
    });
  });
}

describe("registration ids", function () {
  it("assigns ids sequentially from 1 across originals and remixes", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
    expect(await protocol.totalAssets()).to.equal(0n);

    // Alternate originals and remixes of asset 1: both draw from the same counter.
    for (const [index, label] of ["a", "b", "c", "d"].entries()) {
      const expectedId = BigInt(index + 1);
      const signer = index % 2 === 0 ? alice : bob;
      const tx =
        index % 2 === 0
          ? protocol.connect(signer).registerOriginal(contentHash(label), metadataURI(label))
          : protocol
              .connect(signer)
              .registerRemix(
                contentHash(label),
                metadataURI(label),
                parentShares([[1n, 100]]),
                await buyRemixLicences(protocol, signer, [1n]),
              );
      await expect(tx)
        .to.emit(protocol, "Transfer")
        .withArgs(ethers.ZeroAddress, signer.address, expectedId);
      expect(await protocol.totalAssets()).to.equal(expectedId);
      expect(await protocol.assetIdOf(contentHash(label))).to.equal(expectedId);
    }
  });
});
