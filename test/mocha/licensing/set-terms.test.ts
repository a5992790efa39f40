import { expect } from "chai";
import { UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  MAX_MIN_SHARE_BPS,
  deployLicensingFamily,
  makeTerms,
  publish,
  readTerms,
  termsRecord,
  termsTuple,
} from "../helpers/licensing.js";

const COMMERCIAL = makeTerms("commercial", { price: 5n, duration: 30 * 86_400 });

describe("setTerms", function () {
  it("publishes version 1 with the full terms struct in TermsPublished", async function () {
    const { licensing, alice, a } = await networkHelpers.loadFixture(deployLicensingFamily);

    await expect(licensing.connect(alice).setTerms(a, UseKind.Commercial, COMMERCIAL))
      .to.emit(licensing, "TermsPublished")
      .withArgs(a, UseKind.Commercial, 1n, termsTuple(COMMERCIAL));
    expect(await licensing.latestTermsVersion(a, UseKind.Commercial)).to.equal(1n);
    expect(await readTerms(licensing, a, UseKind.Commercial, 1)).to.deep.equal(
      termsRecord(COMMERCIAL),
    );
  });

  it("lets the owner, its manager for all and the asset's own manager publish", async function () {
    const { protocol, licensing, alice, bob, carol, a } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await protocol.connect(alice).setRevenueManagerForAll(bob.address, true);
    await protocol.connect(alice).setRevenueManager(a, carol.address);

    expect(await publish(licensing, alice, a, UseKind.Commercial, COMMERCIAL)).to.equal(1n);
    expect(await publish(licensing, bob, a, UseKind.Commercial, COMMERCIAL)).to.equal(2n);
    expect(await publish(licensing, carol, a, UseKind.Commercial, COMMERCIAL)).to.equal(3n);
  });

  it("reverts with NotAssetOwnerOrManager for a stranger, a transfer operator and another asset's manager", async function () {
    const { protocol, licensing, alice, bob, carol, stranger, a, d } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    // carol owns D and manages nothing of alice's; bob may move alice's NFTs, nothing more.
    await protocol.connect(carol).setRevenueManager(d, stranger.address);
    await protocol.connect(alice).setApprovalForAll(bob.address, true);

    for (const caller of [stranger, carol, bob]) {
      await expect(licensing.connect(caller).setTerms(a, UseKind.Commercial, COMMERCIAL))
        .to.be.revertedWithCustomError(licensing, "NotAssetOwnerOrManager")
        .withArgs(a, caller.address);
    }
    expect(await licensing.latestTermsVersion(a, UseKind.Commercial)).to.equal(0n);
    // alice's own terms are untouched by the failures.
    await publish(licensing, alice, a, UseKind.Commercial, COMMERCIAL);
  });

  it("reverts with UnknownAsset for id 0 and for the next unregistered id", async function () {
    const { protocol, licensing, alice } = await networkHelpers.loadFixture(deployLicensingFamily);
    const next = (await protocol.totalAssets()) + 1n;

    for (const id of [0n, next]) {
      await expect(licensing.connect(alice).setTerms(id, UseKind.Commercial, COMMERCIAL))
        .to.be.revertedWithCustomError(licensing, "UnknownAsset")
        .withArgs(id);
    }
  });

  it("numbers versions from 1 per asset and kind, and keeps every version unchanged", async function () {
    const { licensing, alice, carol, a, d } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    const versions = [1, 2, 3].map((v) => makeTerms(`v${v}`, { price: BigInt(v) * 100n }));

    for (const [i, terms] of versions.entries()) {
      await expect(licensing.connect(alice).setTerms(a, UseKind.AITraining, terms))
        .to.emit(licensing, "TermsPublished")
        .withArgs(a, UseKind.AITraining, BigInt(i + 1), termsTuple(terms));
    }
    // Another kind of the same asset, and the same kind of another asset, start at 1.
    expect(await publish(licensing, alice, a, UseKind.AIInference, COMMERCIAL)).to.equal(1n);
    expect(await publish(licensing, carol, d, UseKind.AITraining, COMMERCIAL)).to.equal(1n);

    expect(await licensing.latestTermsVersion(a, UseKind.AITraining)).to.equal(3n);
    for (const [i, terms] of versions.entries()) {
      expect(await readTerms(licensing, a, UseKind.AITraining, i + 1)).to.deep.equal(
        termsRecord(terms),
      );
    }
  });

  it("reports no terms before any are published: version 0 and an empty struct", async function () {
    const { licensing, d } = await networkHelpers.loadFixture(deployLicensingFamily);

    for (const kind of Object.values(UseKind)) {
      expect(await licensing.latestTermsVersion(d, kind)).to.equal(0n);
    }
    expect(await readTerms(licensing, d, UseKind.Commercial, 0)).to.deep.equal(
      termsRecord(
        makeTerms("none", { allowed: false, documentHash: ethers.ZeroHash, documentURI: "" }),
      ),
    );
  });

  it("reverts with RemixLicenceCannotExpire when Remix terms set a duration", async function () {
    const { licensing, carol, d } = await networkHelpers.loadFixture(deployLicensingFamily);

    await expect(
      licensing.connect(carol).setTerms(d, UseKind.Remix, makeTerms("remix", { duration: 1 })),
    )
      .to.be.revertedWithCustomError(licensing, "RemixLicenceCannotExpire")
      .withArgs(1);
  });

  it("reverts with InvalidMinShare when a kind other than Remix sets a minimum share", async function () {
    const { licensing, carol, d } = await networkHelpers.loadFixture(deployLicensingFamily);

    for (const kind of [
      UseKind.View,
      UseKind.Commercial,
      UseKind.AITraining,
      UseKind.AIInference,
    ]) {
      await expect(licensing.connect(carol).setTerms(d, kind, makeTerms("min", { minShareBps: 1 })))
        .to.be.revertedWithCustomError(licensing, "InvalidMinShare")
        .withArgs(kind, 1, 0);
    }
  });

  it("accepts a Remix minimum of 100% less the fee cap and reverts with InvalidMinShare above", async function () {
    const { licensing, carol, d } = await networkHelpers.loadFixture(deployLicensingFamily);
    const atLimit = makeTerms("limit", { minShareBps: MAX_MIN_SHARE_BPS });

    await expect(
      licensing
        .connect(carol)
        .setTerms(d, UseKind.Remix, makeTerms("over", { minShareBps: MAX_MIN_SHARE_BPS + 1 })),
    )
      .to.be.revertedWithCustomError(licensing, "InvalidMinShare")
      .withArgs(UseKind.Remix, MAX_MIN_SHARE_BPS + 1, MAX_MIN_SHARE_BPS);
    expect(await publish(licensing, carol, d, UseKind.Remix, atLimit)).to.equal(1n);
    expect(await readTerms(licensing, d, UseKind.Remix, 1)).to.deep.equal(termsRecord(atLimit));
  });

  it("reverts with CurrencyNotAllowed for an ERC-20 not on the protocol's allowlist", async function () {
    const { licensing, carol, d, token } = await networkHelpers.loadFixture(deployLicensingFamily);
    const unlisted = await ethers.deployContract("MockERC20", ["Unlisted", "UNL", 18]);
    const unlistedAddress = await unlisted.getAddress();

    await expect(
      licensing
        .connect(carol)
        .setTerms(d, UseKind.Commercial, makeTerms("unl", { currency: unlistedAddress })),
    )
      .to.be.revertedWithCustomError(licensing, "CurrencyNotAllowed")
      .withArgs(unlistedAddress);
    // The listed token is accepted.
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("usd", { currency: token }));
  });

  it("follows the NFT: the new owner may publish and the old one may not", async function () {
    const { protocol, licensing, alice, stranger, a } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(licensing, alice, a, UseKind.Commercial, COMMERCIAL);
    await protocol.connect(alice).transferFrom(alice.address, stranger.address, a);

    await expect(licensing.connect(alice).setTerms(a, UseKind.Commercial, COMMERCIAL))
      .to.be.revertedWithCustomError(licensing, "NotAssetOwnerOrManager")
      .withArgs(a, alice.address);
    expect(await publish(licensing, stranger, a, UseKind.Commercial, COMMERCIAL)).to.equal(2n);
  });
});
