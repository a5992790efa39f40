import { expect } from "chai";
import { ETH, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  ONE_ETH,
  ONE_USD,
  buy,
  cap,
  deployLicensingFamily,
  makeTerms,
  publish,
  readTerms,
} from "../helpers/licensing.js";

/**
 * The family with D (carol) selling Commercial licences at 1 ETH and AITraining ones at 1 USD.
 */
async function deployPricedFamily() {
  const family = await deployLicensingFamily();
  const { licensing, carol, d, token } = family;
  await publish(licensing, carol, d, UseKind.Commercial, makeTerms("eth", { price: ONE_ETH }));
  await publish(
    licensing,
    carol,
    d,
    UseKind.AITraining,
    makeTerms("usd", { currency: token, price: ONE_USD }),
  );
  return family;
}

describe("buyLicence: reverts", function () {
  it("reverts with InsufficientPayment when less ETH than the price is sent", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    const licences = await licensing.totalLicences();

    await expect(buy(licensing, payer, d, UseKind.Commercial, { value: ONE_ETH - 1n }))
      .to.be.revertedWithCustomError(licensing, "InsufficientPayment")
      .withArgs(ONE_ETH, ONE_ETH - 1n);
    expect(await licensing.totalLicences()).to.equal(licences);
  });

  it("reverts with UnexpectedPayment when ETH is sent for an ERC-20 licence", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);

    await expect(buy(licensing, payer, d, UseKind.AITraining, { value: 1n }))
      .to.be.revertedWithCustomError(licensing, "UnexpectedPayment")
      .withArgs(1n);
  });

  it("reverts with UnexpectedPayment when ETH is sent for a free licence", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    await publish(licensing, carol, d, UseKind.AIInference, makeTerms("free"));

    await expect(buy(licensing, payer, d, UseKind.AIInference, { value: ONE_ETH }))
      .to.be.revertedWithCustomError(licensing, "UnexpectedPayment")
      .withArgs(ONE_ETH);
  });

  it("reverts with PriceAboveMaximum when the price rose between quote and purchase", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    const quote = (await readTerms(licensing, d, UseKind.Commercial, 1)).price as bigint;
    // The owner's price change lands before the buyer's transaction.
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("up", { price: 2n * quote }));

    await expect(
      buy(licensing, payer, d, UseKind.Commercial, {
        maxPrice: cap(ETH, quote),
        value: 2n * quote,
      }),
    )
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(2n * quote, quote);
    // A cap equal to the price is enough.
    await buy(licensing, payer, d, UseKind.Commercial, {
      maxPrice: cap(ETH, 2n * quote),
      value: 2n * quote,
    });
  });

  it("reverts with DeadlinePassed one second after the deadline, and accepts it at the deadline", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    const deadline = BigInt(await networkHelpers.time.latest()) + 100n;
    const licences = await licensing.totalLicences();

    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
    await expect(buy(licensing, payer, d, UseKind.AITraining, { deadline }))
      .to.be.revertedWithCustomError(licensing, "DeadlinePassed")
      .withArgs(deadline, deadline + 1n);

    const later = deadline + 10n;
    await networkHelpers.time.setNextBlockTimestamp(later);
    await buy(licensing, payer, d, UseKind.AITraining, { deadline: later });
    expect(await licensing.totalLicences()).to.equal(licences + 1n);
  });

  it("reverts with UseNotAllowed when the asset has no terms for the kind", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);

    await expect(buy(licensing, payer, d, UseKind.AIInference))
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(d, UseKind.AIInference);
  });

  it("reverts with UseNotAllowed once the creator refuses AI training", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    await publish(licensing, carol, d, UseKind.AITraining, makeTerms("no-ai", { allowed: false }));

    await expect(buy(licensing, payer, d, UseKind.AITraining))
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(d, UseKind.AITraining);
  });

  it("reverts with ViewIsPayPerUse for a View licence, even when views are allowed", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);
    await publish(licensing, carol, d, UseKind.View, makeTerms("views"));

    await expect(buy(licensing, payer, d, UseKind.View)).to.be.revertedWithCustomError(
      licensing,
      "ViewIsPayPerUse",
    );
  });

  it("reverts with InvalidRecipient for the zero address", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployPricedFamily);

    await expect(buy(licensing, payer, d, UseKind.AITraining, { recipient: ethers.ZeroAddress }))
      .to.be.revertedWithCustomError(licensing, "InvalidRecipient")
      .withArgs(ethers.ZeroAddress);
  });

  it("reverts with TokenNotAllowed when the terms' currency left the allowlist after they were set", async function () {
    const { protocol, licensing, admin, payer, d, token } =
      await networkHelpers.loadFixture(deployPricedFamily);
    await protocol.connect(admin).setTokenAllowed(token, false);
    const licences = await licensing.totalLicences();

    await expect(buy(licensing, payer, d, UseKind.AITraining))
      .to.be.revertedWithCustomError(protocol, "TokenNotAllowed")
      .withArgs(token);
    expect(await licensing.totalLicences()).to.equal(licences);
  });
});
