import { expect } from "chai";
import {
  CLOSED_POLICY,
  OPEN_POLICY,
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import {
  MAX_URI_LENGTH,
  SHARE_LIMIT_BPS,
  assetRecord,
  expectNoStateChange,
  parentShares,
  timestampOf,
  type Fixture,
  type Signer,
} from "../helpers/registry.js";

type Policy = { remixable: boolean; minShareBps: number };
type WithParent = Fixture & { parentId: bigint };

/** The protocol with one open original (id 1, owned by carol) for remixes to name. */
async function deployWithParent(): Promise<WithParent> {
  const fx = await deployProtocol();
  const parentId = await registerOriginal(fx.protocol, fx.carol, "parent");
  return { ...fx, parentId };
}

// Both entry points share the same validation and storage path, so every rule on the content
// hash, the URI, the policy and the pause is checked through each of them.
const entryPoints = [
  {
    fn: "registerOriginal",
    parentCount: 0n,
    call(fx: WithParent, signer: Signer, hash: string, uri: string, policy: Policy) {
      return fx.protocol.connect(signer).registerOriginal(hash, uri, policy);
    },
    staticCall(fx: WithParent, signer: Signer, hash: string, uri: string, policy: Policy) {
      return fx.protocol.connect(signer).registerOriginal.staticCall(hash, uri, policy);
    },
  },
  {
    fn: "registerRemix",
    parentCount: 1n,
    call(fx: WithParent, signer: Signer, hash: string, uri: string, policy: Policy) {
      const parents = parentShares([[fx.parentId, 3_000]]);
      return fx.protocol.connect(signer).registerRemix(hash, uri, policy, parents);
    },
    staticCall(fx: WithParent, signer: Signer, hash: string, uri: string, policy: Policy) {
      const parents = parentShares([[fx.parentId, 3_000]]);
      return fx.protocol.connect(signer).registerRemix.staticCall(hash, uri, policy, parents);
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

      expect(await entry.staticCall(fx, alice, hash, uri, OPEN_POLICY)).to.equal(2n);
      await expect(entry.call(fx, alice, hash, uri, OPEN_POLICY))
        .to.emit(protocol, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 2n);

      expect(await protocol.totalAssets()).to.equal(2n);
      expect(await protocol.ownerOf(2n)).to.equal(alice.address);
      expect(await protocol.balanceOf(alice.address)).to.equal(1n);
      expect(await protocol.assetIdOf(hash)).to.equal(2n);
      expect(await protocol.exists(2n)).to.equal(true);
    });

    it("emits AssetRegistered with the creator, hash, URI and policy", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const policy = { remixable: true, minShareBps: 1_234 };

      await expect(entry.call(fx, fx.bob, hash, uri, policy))
        .to.emit(fx.protocol, "AssetRegistered")
        .withArgs(2n, fx.bob.address, hash, uri, [true, 1_234n]);
    });

    it("stores the record with createdAt equal to the block timestamp", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await networkHelpers.time.increase(12_345);

      const tx = await entry.call(fx, fx.alice, hash, uri, CLOSED_POLICY);

      expect(await assetRecord(fx.protocol, 2n)).to.deep.equal({
        owner: fx.alice.address,
        createdAt: await timestampOf(tx),
        contentHash: hash,
        metadataURI: uri,
        parentCount: entry.parentCount,
        childCount: 0n,
        remixPolicy: { remixable: false, minShareBps: 0n },
      });
    });

    it("accepts a minimum share exactly at 100% less the maximum fee", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const policy = { remixable: true, minShareBps: SHARE_LIMIT_BPS };

      await entry.call(fx, fx.alice, hash, uri, policy);

      const record = await assetRecord(fx.protocol, 2n);
      expect(record.remixPolicy).to.deep.equal({ remixable: true, minShareBps: 8_000n });
    });

    it("reverts with ZeroContentHash when the hash is zero", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await expectNoStateChange(fx, () =>
        expect(
          entry.call(fx, fx.alice, ethers.ZeroHash, uri, OPEN_POLICY),
        ).to.be.revertedWithCustomError(fx.protocol, "ZeroContentHash"),
      );
    });

    it("reverts with ContentAlreadyRegistered when the hash is an original's", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      const parentHash = contentHash("parent");
      await expectNoStateChange(fx, () =>
        expect(entry.call(fx, fx.alice, parentHash, uri, OPEN_POLICY))
          .to.be.revertedWithCustomError(fx.protocol, "ContentAlreadyRegistered")
          .withArgs(parentHash, fx.parentId),
      );
    });

    it("reverts with ContentAlreadyRegistered when the hash was registered the same way", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await entry.call(fx, fx.alice, hash, uri, OPEN_POLICY);
      await expectNoStateChange(fx, () =>
        expect(entry.call(fx, fx.bob, hash, metadataURI("other"), OPEN_POLICY))
          .to.be.revertedWithCustomError(fx.protocol, "ContentAlreadyRegistered")
          .withArgs(hash, 2n),
      );
    });

    it("reverts with InvalidMetadataURI when the URI is empty", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await expectNoStateChange(
        fx,
        () =>
          expect(entry.call(fx, fx.alice, hash, "", OPEN_POLICY))
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
          expect(entry.call(fx, fx.alice, hash, tooLong, OPEN_POLICY))
            .to.be.revertedWithCustomError(fx.protocol, "InvalidMetadataURI")
            .withArgs(MAX_URI_LENGTH + 1, MAX_URI_LENGTH),
        { hashes: [hash] },
      );
    });

    it("reverts with InvalidRemixPolicy when the minimum share is above 100% less the maximum fee", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      for (const minShareBps of [SHARE_LIMIT_BPS + 1, 10_000, 65_535]) {
        await expectNoStateChange(
          fx,
          () =>
            expect(entry.call(fx, fx.alice, hash, uri, { remixable: true, minShareBps }))
              .to.be.revertedWithCustomError(fx.protocol, "InvalidRemixPolicy")
              .withArgs(minShareBps, SHARE_LIMIT_BPS),
          { hashes: [hash] },
        );
      }
    });

    it("reverts with InvalidRemixPolicy even when the policy is not remixable", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await expect(entry.call(fx, fx.alice, hash, uri, { remixable: false, minShareBps: 8_001 }))
        .to.be.revertedWithCustomError(fx.protocol, "InvalidRemixPolicy")
        .withArgs(8_001, SHARE_LIMIT_BPS);
    });

    it("reverts with ProtocolPaused while paused and registers again once resumed", async function () {
      const fx = await networkHelpers.loadFixture(deployWithParent);
      await fx.protocol.connect(fx.admin).setPaused(true);

      await expectNoStateChange(
        fx,
        () =>
          expect(entry.call(fx, fx.alice, hash, uri, OPEN_POLICY)).to.be.revertedWithCustomError(
            fx.protocol,
            "ProtocolPaused",
          ),
        { hashes: [hash] },
      );

      await fx.protocol.connect(fx.admin).setPaused(false);
      await entry.call(fx, fx.alice, hash, uri, OPEN_POLICY);
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
          ? protocol
              .connect(signer)
              .registerOriginal(contentHash(label), metadataURI(label), OPEN_POLICY)
          : protocol
              .connect(signer)
              .registerRemix(
                contentHash(label),
                metadataURI(label),
                OPEN_POLICY,
                parentShares([[1n, 100]]),
              );
      await expect(tx)
        .to.emit(protocol, "Transfer")
        .withArgs(ethers.ZeroAddress, signer.address, expectedId);
      expect(await protocol.totalAssets()).to.equal(expectedId);
      expect(await protocol.assetIdOf(contentHash(label))).to.equal(expectedId);
    }
  });
});
