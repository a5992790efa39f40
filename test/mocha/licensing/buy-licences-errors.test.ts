import { expect } from "chai";
import { ETH, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  DATASET_PRICES as P,
  buyBulk,
  cap,
  deployDatasetFamily,
  makeTerms,
  publish,
} from "../helpers/licensing.js";

const AI = UseKind.AITraining;

describe("buyLicences: reverts", function () {
  it("reverts with PriceAboveMaximum(total, cap) when the ETH cap is 1 wei below the total", async function () {
    const { licensing, payer, token, a, b, d } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    const eth = P.a + P.b;
    const licences = await licensing.totalLicences();

    await expect(
      buyBulk(licensing, payer, [a, b, d], AI, [cap(token, P.d), cap(ETH, eth - 1n)], {
        value: eth,
      }),
    )
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(eth, eth - 1n);
    expect(await licensing.totalLicences()).to.equal(licences);
  });

  it("reverts with PriceAboveMaximum(total, cap) when the token cap is 1 unit below the total", async function () {
    const { licensing, payer, token, a, d } = await networkHelpers.loadFixture(deployDatasetFamily);

    await expect(
      buyBulk(licensing, payer, [d, a, d], AI, [cap(ETH, P.a), cap(token, 2n * P.d - 1n)], {
        value: P.a,
      }),
    )
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(2n * P.d, 2n * P.d - 1n);
  });

  it("reverts with PriceAboveMaximum when a price rose after the quote", async function () {
    const { licensing, carol, payer, token, d } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    await publish(licensing, carol, d, AI, makeTerms("up", { currency: token, price: P.d + 1n }));

    await expect(buyBulk(licensing, payer, [d], AI, [cap(token, P.d)]))
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(P.d + 1n, P.d);
  });

  it("reverts with MissingCurrencyCap for a currency the batch charges without a cap", async function () {
    const { licensing, payer, token, a, d } = await networkHelpers.loadFixture(deployDatasetFamily);

    await expect(buyBulk(licensing, payer, [a, d], AI, [cap(ETH, P.a)], { value: P.a }))
      .to.be.revertedWithCustomError(licensing, "MissingCurrencyCap")
      .withArgs(token);
    await expect(buyBulk(licensing, payer, [d, a], AI, [cap(token, P.d)], { value: P.a }))
      .to.be.revertedWithCustomError(licensing, "MissingCurrencyCap")
      .withArgs(ETH);
  });

  it("reverts with MissingCurrencyCap once an asset free in that currency starts charging", async function () {
    const { licensing, dave, payer, token, a, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    // Free in the token, E needs no token cap; at 1 unit it does.
    await publish(licensing, dave, e, AI, makeTerms("e-usd", { currency: token, price: 1n }));
    const licences = await licensing.totalLicences();

    await expect(buyBulk(licensing, payer, [a, e], AI, [cap(ETH, P.a)], { value: P.a }))
      .to.be.revertedWithCustomError(licensing, "MissingCurrencyCap")
      .withArgs(token);
    expect(await licensing.totalLicences()).to.equal(licences);
  });

  it("reverts with EmptyPurchase for no assets", async function () {
    const { licensing, payer } = await networkHelpers.loadFixture(deployDatasetFamily);

    await expect(buyBulk(licensing, payer, [], AI, [cap(ETH, 0n)])).to.be.revertedWithCustomError(
      licensing,
      "EmptyPurchase",
    );
  });

  it("reverts with ViewIsPayPerUse for View", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployDatasetFamily);
    await publish(licensing, carol, d, UseKind.View, makeTerms("views"));

    await expect(
      buyBulk(licensing, payer, [d], UseKind.View, [cap(ETH, 0n)]),
    ).to.be.revertedWithCustomError(licensing, "ViewIsPayPerUse");
  });

  it("reverts with InvalidRecipient for the zero address", async function () {
    const { licensing, payer, e } = await networkHelpers.loadFixture(deployDatasetFamily);

    await expect(
      buyBulk(licensing, payer, [e], AI, [cap(ETH, 0n)], { recipient: ethers.ZeroAddress }),
    )
      .to.be.revertedWithCustomError(licensing, "InvalidRecipient")
      .withArgs(ethers.ZeroAddress);
  });

  it("reverts with DeadlinePassed after the deadline", async function () {
    const { licensing, payer, e } = await networkHelpers.loadFixture(deployDatasetFamily);
    const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);

    await expect(buyBulk(licensing, payer, [e], AI, [cap(ETH, 0n)], { deadline }))
      .to.be.revertedWithCustomError(licensing, "DeadlinePassed")
      .withArgs(deadline, deadline + 1n);
  });

  it("reverts with InsufficientPayment when less ETH than the ETH total is sent", async function () {
    const { licensing, payer, a, b } = await networkHelpers.loadFixture(deployDatasetFamily);
    const eth = P.a + P.b;

    await expect(buyBulk(licensing, payer, [a, b], AI, [cap(ETH, eth)], { value: eth - 1n }))
      .to.be.revertedWithCustomError(licensing, "InsufficientPayment")
      .withArgs(eth, eth - 1n);
  });

  it("reverts with UnexpectedPayment when ETH is sent for a batch charging none", async function () {
    const { licensing, payer, token, d, e } = await networkHelpers.loadFixture(deployDatasetFamily);

    await expect(
      buyBulk(licensing, payer, [d, e], AI, [cap(token, P.d), cap(ETH, 0n)], { value: 1n }),
    )
      .to.be.revertedWithCustomError(licensing, "UnexpectedPayment")
      .withArgs(1n);
  });

  it("reverts with UseNotAllowed when one asset of the batch does not allow the use", async function () {
    const { licensing, alice, payer, a, b, e } =
      await networkHelpers.loadFixture(deployDatasetFamily);
    await publish(licensing, alice, a, AI, makeTerms("no-ai", { allowed: false }));
    const licences = await licensing.totalLicences();

    await expect(buyBulk(licensing, payer, [b, a, e], AI, [cap(ETH, P.b)], { value: P.b }))
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(a, AI);
    expect(await licensing.totalLicences()).to.equal(licences);
  });
});
