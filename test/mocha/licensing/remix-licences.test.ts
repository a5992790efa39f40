import { expect } from "chai";
import {
  ETH,
  FAR_DEADLINE,
  UseKind,
  contentHash,
  ethers,
  metadataURI,
  networkHelpers,
} from "../helpers/fixture.js";
import { eventsOf, feesAccrued } from "../helpers/engine.js";
import {
  A_MIN_SHARE_BPS,
  ONE_ETH,
  REMIX_PRICES as P,
  buyId,
  cap,
  deployRemixMarket,
  ethSpentBy,
  makeTerms,
  publish,
  readLicence,
  remixWithHeld,
  remixWithLicences,
  shares,
} from "../helpers/licensing.js";

/** The remix every test registers: 25% to A and 15% to D, both above their minimums. */
const PARENTS = (a: bigint, d: bigint): Array<[bigint, number]> => [
  [a, 2_500],
  [d, 1_500],
];

describe("remix licences", function () {
  it("registerRemixWithLicences buys every parent's licence and uses it in the same transaction, minting no licence token", async function () {
    const { protocol, licensing, usd, payer, token, a, d } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const remix = (await protocol.totalAssets()) + 1n;
    const licences = await licensing.totalLicences();
    const tokens = await licensing.balanceOf(payer.address);
    const before = await ethers.provider.getBalance(payer.address);
    expect(
      await licensing.connect(payer).registerRemixWithLicences.staticCall(
        contentHash("R"),
        metadataURI("R"),
        shares(PARENTS(a, d)),
        [
          {
            licenceId: 0n,
            termsVersion: await licensing.latestTermsVersion(a, UseKind.Remix),
            maxPrice: cap(ETH, P.a),
          },
          {
            licenceId: 0n,
            termsVersion: await licensing.latestTermsVersion(d, UseKind.Remix),
            maxPrice: cap(token, P.d),
          },
        ],
        ethers.ZeroHash,
        FAR_DEADLINE,
        { value: P.a },
      ),
    ).to.equal(remix);

    const tx = await remixWithLicences(licensing, payer, "R", PARENTS(a, d), {
      maxPrices: [cap(ETH, P.a), cap(token, P.d)],
      value: ONE_ETH,
    });

    // One RemixLicensed per bought parent, in the order of the parents, with the terms and price.
    const licensed = await eventsOf(tx, licensing, "RemixLicensed");
    expect(licensed.map((args) => args.toArray())).to.deep.equal([
      [remix, a, 2n, ETH, P.a],
      [remix, d, 1n, token, P.d],
    ]);
    await expect(tx).not.to.emit(licensing, "LicenceIssued");
    await expect(tx).not.to.emit(licensing, "LicenceConsumed");
    expect(await licensing.totalLicences()).to.equal(licences);
    expect(await licensing.balanceOf(payer.address)).to.equal(tokens);
    // Used at once: the buyer keeps no unused remix licence of either parent.
    expect((await licensing.hasValidLicence(payer.address, a, UseKind.Remix))[0]).to.equal(false);
    expect((await licensing.hasValidLicence(payer.address, d, UseKind.Remix))[0]).to.equal(false);
    await expect(tx)
      .to.emit(protocol, "Paid")
      .withArgs(a, ETH, payer.address, P.a, P.a / 10n);
    await expect(tx)
      .to.emit(protocol, "Paid")
      .withArgs(d, token, payer.address, P.d, P.d / 10n);
    await expect(tx).to.changeTokenBalances(ethers, usd, [payer, protocol], [-P.d, P.d]);
    expect(await ethSpentBy(tx, payer.address, before)).to.equal(P.a);
    expect(await protocol.ownerOf(remix)).to.equal(payer.address);
    expect((await protocol.parentsOf(remix)).map((p) => [p.parentId, p.shareBps])).to.deep.equal(
      PARENTS(a, d).map(([id, share]) => [id, BigInt(share)]),
    );
    expect(await protocol.collectableBalance(a, ETH)).to.equal(P.a - P.a / 10n);
    expect(await protocol.collectableBalance(d, token)).to.equal(P.d - P.d / 10n);
  });

  it("uses a held licence for one parent and buys the other", async function () {
    const { protocol, licensing, payer, a, d } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const held = await buyId(licensing, payer, d, UseKind.Remix);
    const remix = (await protocol.totalAssets()) + 1n;
    const before = await ethers.provider.getBalance(payer.address);

    const tx = await remixWithLicences(licensing, payer, "R", PARENTS(a, d), {
      licenceIds: [0n, held],
      value: P.a,
    });

    // A's licence is bought and used at once, with no token; D's held one is consumed.
    expect(await eventsOf(tx, licensing, "LicenceIssued")).to.deep.equal([]);
    const licensed = await eventsOf(tx, licensing, "RemixLicensed");
    expect(licensed.map((args) => args.toArray())).to.deep.equal([[remix, a, 2n, ETH, P.a]]);
    const consumed = await eventsOf(tx, licensing, "LicenceConsumed");
    expect(consumed.map((args) => [args.licenceId, args.remixId])).to.deep.equal([[held, remix]]);
    expect((await readLicence(licensing, held)).consumedBy).to.equal(remix);
    expect(await licensing.totalLicences()).to.equal(held);
    expect((await licensing.hasValidLicence(payer.address, d, UseKind.Remix))[0]).to.equal(false);
    // Only A's licence is paid in this transaction.
    expect((await eventsOf(tx, protocol, "Paid")).map((args) => args.assetId)).to.deep.equal([a]);
    expect(await ethSpentBy(tx, payer.address, before)).to.equal(P.a);
  });

  it("registers through the protocol's registerRemix with held licences, paying nothing more", async function () {
    const { protocol, licensing, payer, a, d } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const forA = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
    const forD = await buyId(licensing, payer, d, UseKind.Remix);
    const remix = (await protocol.totalAssets()) + 1n;

    const tx = remixWithHeld(protocol, payer, "R", PARENTS(a, d), [forA, forD]);
    await expect(tx).to.emit(licensing, "LicenceConsumed").withArgs(forA, remix);
    await expect(tx).to.emit(licensing, "LicenceConsumed").withArgs(forD, remix);
    await expect(tx).not.to.emit(protocol, "Paid");
    await expect(tx).not.to.emit(licensing, "LicenceIssued");
    expect((await protocol.parentsOf(remix)).map((p) => [p.parentId, p.shareBps])).to.deep.equal(
      PARENTS(a, d).map(([id, share]) => [id, BigInt(share)]),
    );
  });

  it("routes a remix licence of a remix into its tree", async function () {
    const { protocol, licensing, bob, payer, a, b } =
      await networkHelpers.loadFixture(deployRemixMarket);
    await publish(licensing, bob, b, UseKind.Remix, makeTerms("b-remix", { price: ONE_ETH }));

    await remixWithLicences(licensing, payer, "R", [[b, 1_000]], { value: ONE_ETH });
    await protocol.split(b, ETH);

    expect(await protocol.collectableBalance(a, ETH)).to.equal(ethers.parseEther("0.3"));
    expect(await protocol.collectableBalance(b, ETH)).to.equal(ethers.parseEther("0.6"));
    expect(await feesAccrued(protocol, ETH)).to.equal(ethers.parseEther("0.1"));
  });

  it("still registers with a held licence after the parent stops allowing remixes", async function () {
    const { protocol, licensing, alice, payer, a } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
    await publish(licensing, alice, a, UseKind.Remix, makeTerms("closed", { allowed: false }));
    const remix = (await protocol.totalAssets()) + 1n;

    await expect(remixWithHeld(protocol, payer, "R", [[a, A_MIN_SHARE_BPS]], [held]))
      .to.emit(licensing, "LicenceConsumed")
      .withArgs(held, remix);
  });
});
