import { expect } from "chai";
import { ETH, FAR_DEADLINE, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import { eventsOf, expectRoyaltyBalance, expectSolvent, feesAccrued } from "../helpers/engine.js";
import {
  DATASET_PRICES as P,
  ONE_ETH,
  PERPETUAL,
  buyBulk,
  cap,
  deployDatasetFamily,
  ethSpentBy,
  licenceRecord,
  makeTerms,
  publish,
  readLicence,
  timestampOf,
} from "../helpers/licensing.js";

const AI = UseKind.AITraining;

describe("buyLicences", function () {
  it("issues one licence per asset of four creators, two trees and two currencies, with consecutive ids", async function () {
    const { licensing, payer, stranger, token, a, b, d, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const assets = [b, d, a, e];
    const caps = [cap(ETH, P.a + P.b), cap(token, P.d)];
    const first = (await licensing.totalLicences()) + 1n;
    expect(
      await licensing
        .connect(payer)
        .buyLicences.staticCall(assets, AI, [1, 1, 1, 1], stranger.address, caps, FAR_DEADLINE, {
          value: P.a + P.b,
        }),
    ).to.equal(first);

    const tx = await buyBulk(licensing, payer, assets, AI, caps, {
      recipient: stranger.address,
      value: P.a + P.b,
    });

    await expect(tx)
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, stranger.address, AI, first, 4n, [ETH, token], [P.a + P.b, P.d]);
    const issuedAt = await timestampOf(tx);
    for (const [i, assetId] of assets.entries()) {
      expect(await readLicence(licensing, first + BigInt(i))).to.deep.equal(
        licenceRecord({
          holder: stranger.address,
          assetId,
          kind: AI,
          expiresAt: PERPETUAL,
          termsVersion: 1n,
          issuedAt,
        }),
      );
      expect((await licensing.hasValidLicence(stranger.address, assetId, AI))[0]).to.equal(true);
    }
    const issued = await eventsOf(tx, licensing, "LicenceIssued");
    expect(issued.map((args) => [args.licenceId, args.assetId, args.price])).to.deep.equal([
      [first, b, P.b],
      [first + 1n, d, P.d],
      [first + 2n, a, P.a],
      [first + 3n, e, 0n],
    ]);
    expect(await licensing.totalLicences()).to.equal(first + 3n);
    expect(await licensing.balanceOf(stranger.address)).to.equal(4n);
  });

  it("routes each asset's price into its own tree, paid by the buyer", async function () {
    const { protocol, licensing, usd, payer, token, a, b, d, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const eth = P.a + P.b;

    const tx = buyBulk(licensing, payer, [b, d, a, e], AI, [cap(ETH, eth), cap(token, P.d)], {
      value: eth,
    });
    await expect(tx).to.changeEtherBalances(ethers, [payer, protocol], [-eth, eth]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [payer, protocol], [-P.d, P.d]);
    const paid = await eventsOf(tx, protocol, "Paid");
    // One payment per priced asset (E is free), each from the buyer.
    expect(paid.map((args) => [args.assetId, args.token, args.payer, args.amount])).to.deep.equal([
      [b, ETH, payer.address, P.b],
      [a, ETH, payer.address, P.a],
      [d, token, payer.address, P.d],
    ]);

    // B's 1 ETH is still pending its split; A and D, originals, collect at once.
    await expectRoyaltyBalance(protocol, b, ETH, (P.b * 9n) / 10n, P.b);
    expect(await protocol.collectableBalance(a, ETH)).to.equal((P.a * 9n) / 10n);
    expect(await protocol.collectableBalance(d, token)).to.equal((P.d * 9n) / 10n);
    expect(await protocol.collectableBalance(e, ETH)).to.equal(0n);
    expect(await feesAccrued(protocol, ETH)).to.equal(eth / 10n);
    expect(await feesAccrued(protocol, token)).to.equal(P.d / 10n);
    await protocol.split(b, ETH);
    expect(await protocol.collectableBalance(a, ETH)).to.equal((P.a * 9n) / 10n + (P.b * 3n) / 10n);
    expect(await protocol.collectableBalance(b, ETH)).to.equal((P.b * 6n) / 10n);
    await expectSolvent(protocol, [ETH, token], [a, b, d, e]);
  });

  it("buys in the token alone, with one cap", async function () {
    const { protocol, licensing, usd, payer, token, d } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const first = (await licensing.totalLicences()) + 1n;

    const tx = buyBulk(licensing, payer, [d], AI, [cap(token, P.d)]);
    await expect(tx)
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, payer.address, AI, first, 1n, [token], [P.d]);
    await expect(tx).to.changeTokenBalances(ethers, usd, [payer, protocol], [-P.d, P.d]);
  });

  it("refunds ETH sent above the ETH total exactly", async function () {
    const { licensing, payer, token, a, b, d } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const before = await ethers.provider.getBalance(payer.address);

    const tx = await buyBulk(
      licensing,
      payer,
      [a, d, b],
      AI,
      [cap(token, P.d), cap(ETH, ethers.MaxUint256)],
      { value: 3n * ONE_ETH },
    );

    expect(await ethSpentBy(tx, payer.address, before)).to.equal(P.a + P.b);
    expect(await ethers.provider.getBalance(await licensing.getAddress())).to.equal(0n);
  });

  it("charges an asset listed twice twice, and grants it twice: never more licences than payments", async function () {
    const { protocol, licensing, payer, token, b, d } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const first = (await licensing.totalLicences()) + 1n;

    const tx = buyBulk(licensing, payer, [d, b, d], AI, [cap(token, 2n * P.d), cap(ETH, P.b)], {
      value: P.b,
    });
    await expect(tx)
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, payer.address, AI, first, 3n, [token, ETH], [2n * P.d, P.b]);
    const paid = await eventsOf(tx, protocol, "Paid");
    const issued = await eventsOf(tx, licensing, "LicenceIssued");
    expect(issued).to.have.length(paid.length);
    expect(paid.map((args) => args.assetId)).to.deep.equal([d, d, b]);
    expect(await protocol.collectableBalance(d, token)).to.equal((2n * P.d * 9n) / 10n);
    expect(await licensing.totalLicences()).to.equal(first + 2n);
  });

  it("issues free licences without a payment, and ignores caps of currencies not charged", async function () {
    const { protocol, licensing, payer, token, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const first = (await licensing.totalLicences()) + 1n;

    const tx = buyBulk(licensing, payer, [e, e], AI, [cap(token, 0n), cap(ETH, 0n)]);
    await expect(tx)
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, payer.address, AI, first, 2n, [token, ETH], [0n, 0n]);
    await expect(tx).not.to.emit(protocol, "Paid");
    expect(await licensing.balanceOf(payer.address)).to.equal(2n);
  });

  it("needs no cap for a currency only free assets are priced in", async function () {
    const { protocol, licensing, dave, payer, token, a, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    await publish(licensing, dave, e, AI, makeTerms("e-free-usd", { currency: token }));
    const first = (await licensing.totalLicences()) + 1n;

    const tx = buyBulk(licensing, payer, [a, e], AI, [cap(ETH, P.a)], { value: P.a });
    await expect(tx)
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, payer.address, AI, first, 2n, [ETH], [P.a]);
    await expect(tx)
      .to.emit(licensing, "LicenceIssued")
      .withArgs(first + 1n, e, payer.address, AI, 2n, PERPETUAL, token, 0n);
    expect((await eventsOf(tx, protocol, "Paid")).map((args) => args.assetId)).to.deep.equal([a]);
    // A batch of free assets alone needs no cap at all.
    await expect(buyBulk(licensing, payer, [e], AI, []))
      .to.emit(licensing, "BulkLicensed")
      .withArgs(payer.address, payer.address, AI, first + 2n, 1n, [], []);
  });
});
