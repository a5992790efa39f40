import { expect } from "chai";
import {
  BPS,
  ETH,
  FEE_BPS,
  UseKind,
  contentHash,
  ethers,
  metadataURI,
  networkHelpers,
} from "../helpers/fixture.js";
import {
  A_MIN_SHARE_BPS,
  REMIX_PRICES as P,
  cap,
  deployRemixMarket,
  expectNothingCharged,
  remixWithHeld,
  remixWithLicences,
  shares,
} from "../helpers/licensing.js";

// A remix licence bought by `registerRemixWithLicences` is used in the same call, so it is recorded
// by `RemixLicensed` and the parent link alone (no token, no licence id, no counters). These tests
// show the record is complete and that licence id 0, which stands for such a licence between the
// licensing contract and the protocol, licenses nothing anywhere else.
describe("remix licences bought in the registering transaction", function () {
  it("are recorded by RemixLicensed with the terms version and price, mint nothing, and pay the parent's tree", async function () {
    const { protocol, licensing, payer, a, d, token } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const [aVersion, dVersion] = await Promise.all([
      licensing.latestTermsVersion(a, UseKind.Remix),
      licensing.latestTermsVersion(d, UseKind.Remix),
    ]);
    const licencesBefore = await licensing.totalLicences();
    const [aBefore, dBefore] = await Promise.all([
      protocol.collectableBalance(a, ETH),
      protocol.collectableBalance(d, token),
    ]);

    const tx = await remixWithLicences(
      licensing,
      payer,
      "R",
      [
        [a, A_MIN_SHARE_BPS],
        [d, 1_000],
      ],
      { value: P.a },
    );
    const remixId = await protocol.totalAssets();

    await expect(tx)
      .to.emit(licensing, "RemixLicensed")
      .withArgs(remixId, a, aVersion, ETH, P.a)
      .and.to.emit(licensing, "RemixLicensed")
      .withArgs(remixId, d, dVersion, token, P.d);
    await expect(tx).not.to.emit(licensing, "LicenceIssued");
    await expect(tx).not.to.emit(licensing, "LicenceConsumed");
    expect(await licensing.totalLicences()).to.equal(licencesBefore);
    expect(await licensing.balanceOf(payer.address)).to.equal(0n);
    expect(await protocol.parentsOf(remixId)).to.deep.equal([
      [a, BigInt(A_MIN_SHARE_BPS)],
      [d, 1_000n],
    ]);
    // Both parents are originals: each keeps its price less the platform fee.
    const net = (price: bigint) => price - (price * BigInt(FEE_BPS)) / BPS;
    expect(await protocol.collectableBalance(a, ETH)).to.equal(aBefore + net(P.a));
    expect(await protocol.collectableBalance(d, token)).to.equal(dBefore + net(P.d));
    // The licence was used: the buyer holds no unused one for another remix.
    const [valid] = await licensing.hasValidLicence(payer.address, a, UseKind.Remix);
    expect(valid).to.equal(false);
  });

  it("refuses a share below the bought terms' minimum before charging anything", async function () {
    const fx = await networkHelpers.loadFixture(deployRemixMarket);
    const { licensing, payer, a } = fx;
    const below = A_MIN_SHARE_BPS - 1;

    await expectNothingCharged(fx, [ETH], () =>
      expect(remixWithLicences(licensing, payer, "R", [[a, below]], { value: P.a }))
        .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
        .withArgs(a, below, A_MIN_SHARE_BPS),
    );
  });

  it("attack: licence 0 given to the protocol directly registers nothing", async function () {
    const fx = await networkHelpers.loadFixture(deployRemixMarket);
    const { protocol, licensing, payer, a } = fx;

    await expectNothingCharged(fx, [ETH], () =>
      expect(remixWithHeld(protocol, payer, "unlicensed", [[a, A_MIN_SHARE_BPS]], [0n]))
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(0n, payer.address, a),
    );
  });

  it("attack: a buyer re-entering from its refund cannot register an unlicensed remix with licence 0", async function () {
    const { protocol, licensing, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
    const attacker = await ethers.deployContract("ReentrantRecipient");
    const attackerAddress = await attacker.getAddress();
    // The refund of the overpaid purchase arrives after the registration: by then licence 0 must
    // license nothing again.
    await attacker.arm(
      await protocol.getAddress(),
      protocol.interface.encodeFunctionData("registerRemix", [
        contentHash("unlicensed"),
        metadataURI("unlicensed"),
        shares([[a, A_MIN_SHARE_BPS]]),
        [0n],
      ]),
      0n,
      false,
    );
    const version = await licensing.latestTermsVersion(a, UseKind.Remix);
    const purchase = licensing.interface.encodeFunctionData("registerRemixWithLicences", [
      contentHash("licensed"),
      metadataURI("licensed"),
      shares([[a, A_MIN_SHARE_BPS]]),
      [{ licenceId: 0n, termsVersion: version, maxPrice: cap(ETH, P.a) }],
      ethers.ZeroHash,
      2n ** 40n,
    ]);
    const assetsBefore = await protocol.totalAssets();

    await attacker
      .connect(payer)
      .execute(await licensing.getAddress(), purchase, { value: 2n * P.a });

    expect(await attacker.receiveCount()).to.equal(1n);
    const error = licensing.interface.parseError(await attacker.lastReentryError());
    expect(error?.name).to.equal("LicenceNotUsable");
    expect(error?.args.toArray()).to.deep.equal([0n, attackerAddress, a]);
    // Only the paid-for remix exists, and it is the attacker's.
    expect(await protocol.totalAssets()).to.equal(assetsBefore + 1n);
    expect(await protocol.ownerOf(assetsBefore + 1n)).to.equal(attackerAddress);
    expect(await protocol.assetIdOf(contentHash("unlicensed"))).to.equal(0n);
  });
});
