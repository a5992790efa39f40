import { expect } from "chai";
import {
  contentHash,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import { MAX_PARENTS, MAX_URI_LENGTH, parentsOf } from "../helpers/registry.js";

/** Original A (alice), remix B of A (bob) and remix C of B and A (carol): ids 1, 2, 3. */
async function deployLineage() {
  const fx = await deployProtocol();
  const a = await registerOriginal(fx.protocol, fx.alice, "A");
  const b = await registerRemix(fx.protocol, fx.bob, "B", [[a, 3_000]]);
  const c = await registerRemix(fx.protocol, fx.carol, "C", [
    [b, 2_000],
    [a, 1_000],
  ]);
  return { ...fx, a, b, c };
}

describe("getAsset", function () {
  it("reports parent and child counts for originals and remixes", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployLineage);
    const counts = async (id: bigint) => {
      const asset = await protocol.getAsset(id);
      return [asset.parentCount, asset.childCount];
    };
    expect(await counts(a)).to.deep.equal([0n, 2n]);
    expect(await counts(b)).to.deep.equal([1n, 1n]);
    expect(await counts(c)).to.deep.equal([2n, 0n]);
  });

  it("reverts with AssetNotFound for id 0, totalAssets() + 1 and 2^64", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployLineage);
    for (const missing of [0n, 4n, 2n ** 64n]) {
      await expect(protocol.getAsset(missing))
        .to.be.revertedWithCustomError(protocol, "AssetNotFound")
        .withArgs(missing);
    }
  });
});

describe("parentsOf", function () {
  it("is empty for an original and for an id that does not exist", async function () {
    const { protocol, a } = await networkHelpers.loadFixture(deployLineage);
    expect(await parentsOf(protocol, a)).to.deep.equal([]);
    expect(await parentsOf(protocol, 0n)).to.deep.equal([]);
    expect(await parentsOf(protocol, 4n)).to.deep.equal([]);
  });

  it("lists a remix's parents with their shares in registration order", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployLineage);
    expect(await parentsOf(protocol, b)).to.deep.equal([[a, 3_000]]);
    expect(await parentsOf(protocol, c)).to.deep.equal([
      [b, 2_000],
      [a, 1_000],
    ]);
  });
});

describe("childCount", function () {
  it("counts the remixes naming an asset, and is 0 for a leaf or a missing id", async function () {
    const { protocol, a, b, c } = await networkHelpers.loadFixture(deployLineage);
    expect(await protocol.childCount(a)).to.equal(2n);
    expect(await protocol.childCount(b)).to.equal(1n);
    expect(await protocol.childCount(c)).to.equal(0n);
    expect(await protocol.childCount(99n)).to.equal(0n);
  });
});

describe("assetIdOf", function () {
  it("maps each registered hash to its id, and any other hash to 0", async function () {
    const { protocol, alice, carol, a, b, c } = await networkHelpers.loadFixture(deployLineage);
    expect(await protocol.assetIdOf(contentHash("A"))).to.equal(a);
    expect(await protocol.assetIdOf(contentHash("B"))).to.equal(b);
    expect(await protocol.assetIdOf(contentHash("C"))).to.equal(c);
    expect(await protocol.assetIdOf(contentHash("unknown"))).to.equal(0n);

    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);
    expect(await protocol.assetIdOf(contentHash("A"))).to.equal(a);
  });
});

describe("totalAssets and exists", function () {
  it("start at 0 with nothing existing", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployProtocol);
    expect(await protocol.totalAssets()).to.equal(0n);
    expect(await protocol.exists(0n)).to.equal(false);
    expect(await protocol.exists(1n)).to.equal(false);
  });

  it("cover exactly ids 1 to totalAssets()", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployLineage);
    expect(await protocol.totalAssets()).to.equal(3n);
    expect(await protocol.exists(0n)).to.equal(false);
    for (const id of [1n, 2n, 3n]) expect(await protocol.exists(id)).to.equal(true);
    expect(await protocol.exists(4n)).to.equal(false);
  });
});

describe("isOwnerOrManager", function () {
  it("is true for the owner, its manager for all and the asset's own manager, never for transfer approvals", async function () {
    const { protocol, alice, bob, carol, stranger, a, b } =
      await networkHelpers.loadFixture(deployLineage);
    await protocol.connect(alice).setRevenueManagerForAll(carol.address, true);
    await protocol.connect(bob).setRevenueManager(b, stranger.address);
    // ERC-721 approvals move NFTs; they grant no say over revenue or terms.
    await protocol.connect(alice).setApprovalForAll(bob.address, true);
    await protocol.connect(bob).approve(alice.address, b);

    expect(await protocol.isOwnerOrManager(a, alice.address), "owner").to.equal(true);
    expect(await protocol.isOwnerOrManager(a, carol.address), "manager for all").to.equal(true);
    expect(await protocol.isOwnerOrManager(b, stranger.address), "asset manager").to.equal(true);
    // A manager of one asset manages that asset only; a manager for all only its owner's assets.
    expect(await protocol.isOwnerOrManager(a, stranger.address), "manager elsewhere").to.equal(
      false,
    );
    expect(await protocol.isOwnerOrManager(b, carol.address), "other owner").to.equal(false);
    expect(await protocol.isOwnerOrManager(a, bob.address), "ERC-721 operator").to.equal(false);
    expect(await protocol.isOwnerOrManager(b, alice.address), "ERC-721 approved").to.equal(false);
    // No manager named is not a manager named zero.
    expect(await protocol.isOwnerOrManager(a, ethers.ZeroAddress), "zero address").to.equal(false);
  });

  it("follows transfers: the new owner manages, the old one and the asset's manager do not", async function () {
    const { protocol, alice, bob, carol, a } = await networkHelpers.loadFixture(deployLineage);
    await protocol.connect(alice).setRevenueManager(a, carol.address);

    await expect(protocol.connect(alice).transferFrom(alice.address, bob.address, a))
      .to.emit(protocol, "RevenueManagerSet")
      .withArgs(a, alice.address, ethers.ZeroAddress);

    expect(await protocol.isOwnerOrManager(a, bob.address)).to.equal(true);
    expect(await protocol.isOwnerOrManager(a, alice.address)).to.equal(false);
    expect(await protocol.isOwnerOrManager(a, carol.address)).to.equal(false);
    expect(await protocol.revenueManagerOf(a)).to.equal(ethers.ZeroAddress);
  });

  it("is false for every account, the zero address included, when the asset does not exist", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployLineage);
    for (const missing of [0n, 4n]) {
      for (const account of [alice.address, ethers.ZeroAddress]) {
        expect(await protocol.isOwnerOrManager(missing, account), `${missing} ${account}`).to.equal(
          false,
        );
      }
    }
  });
});

describe("registry constants", function () {
  it("allow 16 parents and URIs up to 512 bytes", async function () {
    const { protocol } = await networkHelpers.loadFixture(deployProtocol);
    expect(await protocol.MAX_PARENTS()).to.equal(BigInt(MAX_PARENTS));
    expect(await protocol.MAX_URI_LENGTH()).to.equal(BigInt(MAX_URI_LENGTH));
  });
});
