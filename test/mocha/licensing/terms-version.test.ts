import { expect } from "chai";
import { ETH, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  buy,
  buyBulk,
  cap,
  deployLicensingFamily,
  expectNothingCharged,
  makeTerms,
  payViews,
  publish,
  readLicence,
  remixWithLicences,
} from "../helpers/licensing.js";

const ONE_ETH = 10n ** 18n;
const ONE_USD = 10n ** 6n;

/**
 * The licensing family where D (carol) sells a perpetual 1 ETH Commercial licence, 0.001 ETH views
 * and 10%-minimum remix licences for 1 ETH, and A (alice) AI-training licences for 1 ETH: each
 * at version 1, as quoted by the buyer (payer) before the owner front-runs the purchase.
 */
async function deployQuotedMarket() {
  const family = await deployLicensingFamily();
  const { licensing, alice, carol, a, d } = family;
  await publish(
    licensing,
    carol,
    d,
    UseKind.Commercial,
    makeTerms("perpetual", { price: ONE_ETH }),
  );
  await publish(licensing, carol, d, UseKind.View, makeTerms("views", { price: ONE_ETH / 1_000n }));
  await publish(
    licensing,
    carol,
    d,
    UseKind.Remix,
    makeTerms("remix-10", { price: ONE_ETH, minShareBps: 1_000 }),
  );
  await publish(licensing, alice, a, UseKind.AITraining, makeTerms("ai", { price: ONE_ETH }));
  await publish(licensing, carol, d, UseKind.AITraining, makeTerms("ai-d", { price: ONE_ETH }));
  return family;
}

describe("purchases pinned to the quoted terms version", function () {
  it("refuses a 1 ETH perpetual licence that the owner turned into a 1-second one at the same price", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, carol, payer, d } = fx;
    const quoted = await licensing.latestTermsVersion(d, UseKind.Commercial);

    // The attack: same price and currency, so a price cap alone would let it through.
    await publish(
      licensing,
      carol,
      d,
      UseKind.Commercial,
      makeTerms("one-second", { price: ONE_ETH, duration: 1 }),
    );

    await expectNothingCharged(fx, [ETH], () =>
      expect(
        buy(licensing, payer, d, UseKind.Commercial, {
          termsVersion: quoted,
          maxPrice: cap(ETH, ONE_ETH),
          value: ONE_ETH,
        }),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionMismatch")
        .withArgs(d, UseKind.Commercial, quoted, quoted + 1n),
    );
  });

  it("refuses a remix licence whose minimum share rose from 10% to 80% after the quote", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, carol, payer, d } = fx;
    const quoted = await licensing.latestTermsVersion(d, UseKind.Remix);
    await publish(
      licensing,
      carol,
      d,
      UseKind.Remix,
      makeTerms("remix-80", { price: ONE_ETH, minShareBps: 8_000 }),
    );

    await expectNothingCharged(fx, [ETH], () =>
      expect(
        remixWithLicences(licensing, payer, "R", [[d, 8_000]], {
          termsVersions: [quoted],
          maxPrices: [cap(ETH, ONE_ETH)],
          value: ONE_ETH,
        }),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionMismatch")
        .withArgs(d, UseKind.Remix, quoted, quoted + 1n),
    );
  });

  it("refuses views whose terms document was swapped after the quote", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, carol, payer, d } = fx;
    const quoted = await licensing.latestTermsVersion(d, UseKind.View);
    await publish(
      licensing,
      carol,
      d,
      UseKind.View,
      makeTerms("other-document", { price: ONE_ETH / 1_000n }),
    );

    await expectNothingCharged(fx, [ETH], () =>
      expect(
        payViews(licensing, payer, d, 10n, {
          termsVersion: quoted,
          maxTotal: cap(ETH, ONE_ETH / 100n),
          value: ONE_ETH / 100n,
        }),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionMismatch")
        .withArgs(d, UseKind.View, quoted, quoted + 1n),
    );
  });

  it("refuses a bulk purchase in which one asset moved to another currency within the buyer's slack", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, alice, payer, a, d, token } = fx;
    const quoted = [
      await licensing.latestTermsVersion(a, UseKind.AITraining),
      await licensing.latestTermsVersion(d, UseKind.AITraining),
    ];
    // The buyer allows some USD for assets it did not quote yet; A moves there at its own price.
    await publish(
      licensing,
      alice,
      a,
      UseKind.AITraining,
      makeTerms("ai-usd", { price: ONE_USD, currency: token }),
    );

    await expectNothingCharged(fx, [ETH, token], () =>
      expect(
        buyBulk(
          licensing,
          payer,
          [a, d],
          UseKind.AITraining,
          [cap(ETH, 2n * ONE_ETH), cap(token, 5n * ONE_USD)],
          { termsVersions: quoted, value: 2n * ONE_ETH },
        ),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionMismatch")
        .withArgs(a, UseKind.AITraining, quoted[0], quoted[0]! + 1n),
    );
  });

  it("reverts with TermsVersionCountMismatch when a bulk purchase names a version per asset but one", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, payer, a, d } = fx;
    await expectNothingCharged(fx, [ETH], () =>
      expect(
        buyBulk(licensing, payer, [a, d], UseKind.AITraining, [cap(ETH, 2n * ONE_ETH)], {
          termsVersions: [1],
          value: 2n * ONE_ETH,
        }),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionCountMismatch")
        .withArgs(2, 1),
    );
  });

  it("sells at the quoted version, which the licence records, when nothing changed", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployQuotedMarket);
    // An earlier change is fine: the buyer quotes the latest.
    await publish(
      licensing,
      carol,
      d,
      UseKind.Commercial,
      makeTerms("renewed", { price: ONE_ETH, duration: 3_600 }),
    );
    const quoted = await licensing.latestTermsVersion(d, UseKind.Commercial);
    const licenceId = (await licensing.totalLicences()) + 1n;
    await expect(
      buy(licensing, payer, d, UseKind.Commercial, {
        termsVersion: quoted,
        maxPrice: cap(ETH, ONE_ETH),
        value: ONE_ETH,
      }),
    ).to.emit(licensing, "LicenceIssued");
    expect((await readLicence(licensing, licenceId)).termsVersion).to.equal(quoted);
    expect(quoted).to.equal(2n);
  });

  it("refuses a purchase quoted on an asset with no terms yet once terms appear (version 0 is a quote too)", async function () {
    const fx = await networkHelpers.loadFixture(deployQuotedMarket);
    const { licensing, bob, payer, b } = fx;
    expect(await licensing.latestTermsVersion(b, UseKind.Commercial)).to.equal(0n);
    await publish(licensing, bob, b, UseKind.Commercial, makeTerms("b", { price: ONE_ETH }));
    await expectNothingCharged(fx, [ETH], () =>
      expect(
        buy(licensing, payer, b, UseKind.Commercial, {
          termsVersion: 0,
          maxPrice: cap(ETH, ethers.MaxUint256),
          value: ONE_ETH,
        }),
      )
        .to.be.revertedWithCustomError(licensing, "TermsVersionMismatch")
        .withArgs(b, UseKind.Commercial, 0, 1),
    );
  });
});
