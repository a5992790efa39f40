import { expect } from "chai";
import { ETH, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  ONE_USD,
  cap,
  deployLicensingFamily,
  ethSpentBy,
  makeTerms,
  payViews,
  publish,
} from "../helpers/licensing.js";
import { eventsOf, feesAccrued } from "../helpers/engine.js";

const VIEW_PRICE = ethers.parseEther("0.01");

/** The family with D (carol) selling views at 0.01 ETH and B (bob) at 1.50 USD. */
async function deployViewsFamily() {
  const family = await deployLicensingFamily();
  const { licensing, bob, carol, b, d, token } = family;
  await publish(licensing, carol, d, UseKind.View, makeTerms("d-views", { price: VIEW_PRICE }));
  await publish(
    licensing,
    bob,
    b,
    UseKind.View,
    makeTerms("b-views", { currency: token, price: (3n * ONE_USD) / 2n }),
  );
  return family;
}

describe("payForUse", function () {
  it("charges count * price in one payment and emits UsesPaid, issuing no licence", async function () {
    const { protocol, licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);
    const total = 5n * VIEW_PRICE;
    const licences = await licensing.totalLicences();

    const tx = payViews(licensing, payer, d, 5n, { maxTotal: cap(ETH, total), value: total });
    await expect(tx).to.emit(licensing, "UsesPaid").withArgs(d, payer.address, 1n, 5n, ETH, total);
    await expect(tx)
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, total, total / 10n);
    await expect(tx).to.changeEtherBalances(ethers, [payer, protocol], [-total, total]);
    expect(await eventsOf(tx, protocol, "Paid")).to.have.length(1);
    expect(await licensing.totalLicences()).to.equal(licences);
    expect(await protocol.collectableBalance(d, ETH)).to.equal(total - total / 10n);
  });

  it("charges a 6-decimal token and routes it into the remix's tree", async function () {
    const { protocol, licensing, usd, payer, a, b, token } =
      await networkHelpers.loadFixture(deployViewsFamily);
    const total = 3n * ((3n * ONE_USD) / 2n);

    const tx = payViews(licensing, payer, b, 3n, { maxTotal: cap(token, total) });
    await expect(tx)
      .to.emit(licensing, "UsesPaid")
      .withArgs(b, payer.address, 1n, 3n, token, total);
    await expect(tx).to.changeTokenBalances(ethers, usd, [payer, protocol], [-total, total]);
    await protocol.split(b, token);

    expect(await protocol.collectableBalance(a, token)).to.equal((total * 3n) / 10n);
    expect(await protocol.collectableBalance(b, token)).to.equal((total * 6n) / 10n);
    expect(await feesAccrued(protocol, token)).to.equal(total / 10n);
  });

  it("refunds ETH sent above the total exactly", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);
    const before = await ethers.provider.getBalance(payer.address);

    const tx = await payViews(licensing, payer, d, 2n, { value: ethers.parseEther("1") });

    expect(await ethSpentBy(tx, payer.address, before)).to.equal(2n * VIEW_PRICE);
    expect(await ethers.provider.getBalance(await licensing.getAddress())).to.equal(0n);
  });

  it("reverts with InsufficientPayment when less ETH than the total is sent", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);

    await expect(payViews(licensing, payer, d, 2n, { value: 2n * VIEW_PRICE - 1n }))
      .to.be.revertedWithCustomError(licensing, "InsufficientPayment")
      .withArgs(2n * VIEW_PRICE, 2n * VIEW_PRICE - 1n);
  });

  it("reverts with ZeroCount for zero views", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);

    await expect(payViews(licensing, payer, d, 0n)).to.be.revertedWithCustomError(
      licensing,
      "ZeroCount",
    );
  });

  it("reverts with PriceAboveMaximum when count * price exceeds maxTotal", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);
    const total = 4n * VIEW_PRICE;

    await expect(
      payViews(licensing, payer, d, 4n, { maxTotal: cap(ETH, total - 1n), value: total }),
    )
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(total, total - 1n);
  });

  it("reverts with DeadlinePassed after the deadline", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployViewsFamily);
    const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);

    await expect(payViews(licensing, payer, d, 1n, { deadline, value: VIEW_PRICE }))
      .to.be.revertedWithCustomError(licensing, "DeadlinePassed")
      .withArgs(deadline, deadline + 1n);
  });

  it("reverts with UseNotAllowed when views have no terms or are refused", async function () {
    const { licensing, carol, payer, a, d } = await networkHelpers.loadFixture(deployViewsFamily);
    await publish(licensing, carol, d, UseKind.View, makeTerms("no-views", { allowed: false }));

    for (const assetId of [a, d]) {
      await expect(payViews(licensing, payer, assetId, 1n))
        .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
        .withArgs(assetId, UseKind.View);
    }
  });

  it("charges nothing for free views and rejects ETH sent for them", async function () {
    const { protocol, licensing, carol, payer, d } =
      await networkHelpers.loadFixture(deployViewsFamily);
    await publish(licensing, carol, d, UseKind.View, makeTerms("free-views"));

    const tx = payViews(licensing, payer, d, 10n);
    await expect(tx).to.emit(licensing, "UsesPaid").withArgs(d, payer.address, 2n, 10n, ETH, 0n);
    await expect(tx).not.to.emit(protocol, "Paid");
    await expect(payViews(licensing, payer, d, 10n, { value: 1n }))
      .to.be.revertedWithCustomError(licensing, "UnexpectedPayment")
      .withArgs(1n);
  });
});
