import { expect } from "chai";
import { ETH, UseKind, networkHelpers } from "../helpers/fixture.js";
import {
  buy,
  buyBulk,
  cap,
  deployRemixMarket,
  expectNothingCharged,
  payViews,
  remixWithLicences,
} from "../helpers/licensing.js";

/**
 * Every purchase path names an asset that was never registered by `UnknownAsset`, not by
 * `UseNotAllowed` (which reads as if the asset existed and refused the use), and charges nothing.
 */
describe("purchases of an asset that does not exist", function () {
  /** The market's assets, and ids no registration has reached (0, the next one, a far one). */
  async function deployWithMissingIds() {
    const market = await networkHelpers.loadFixture(deployRemixMarket);
    const next = (await market.protocol.totalAssets()) + 1n;
    return { ...market, missing: [0n, next, 999n] };
  }

  it("buyLicence reverts UnknownAsset for each missing id", async function () {
    const fx = await deployWithMissingIds();
    for (const id of fx.missing) {
      await expectNothingCharged(fx, [ETH], () =>
        expect(buy(fx.licensing, fx.payer, id, UseKind.AITraining, { termsVersion: 0 }))
          .to.be.revertedWithCustomError(fx.licensing, "UnknownAsset")
          .withArgs(id),
      );
    }
  });

  it("payForUse reverts UnknownAsset for each missing id", async function () {
    const fx = await deployWithMissingIds();
    for (const id of fx.missing) {
      await expectNothingCharged(fx, [ETH], () =>
        expect(
          payViews(fx.licensing, fx.payer, id, 3n, { termsVersion: 0, maxTotal: cap(ETH, 0n) }),
        )
          .to.be.revertedWithCustomError(fx.licensing, "UnknownAsset")
          .withArgs(id),
      );
    }
  });

  it("buyLicences reverts UnknownAsset naming the missing id among existing ones", async function () {
    const fx = await deployWithMissingIds();
    const [, , far] = fx.missing as [bigint, bigint, bigint];
    await expectNothingCharged(fx, [ETH, fx.token], () =>
      expect(
        buyBulk(fx.licensing, fx.payer, [fx.a, far], UseKind.Remix, [cap(ETH, 10n ** 18n)], {
          termsVersions: [2, 0],
          value: 10n ** 18n,
        }),
      )
        .to.be.revertedWithCustomError(fx.licensing, "UnknownAsset")
        .withArgs(far),
    );
  });

  it("registerRemixWithLicences reverts UnknownAsset for a missing parent", async function () {
    const fx = await deployWithMissingIds();
    const [, next] = fx.missing as [bigint, bigint, bigint];
    await expectNothingCharged(fx, [ETH], () =>
      expect(
        remixWithLicences(fx.licensing, fx.payer, "R", [[next, 1_000]], {
          termsVersions: [0],
          maxPrices: [cap(ETH, 0n)],
        }),
      )
        .to.be.revertedWithCustomError(fx.licensing, "UnknownAsset")
        .withArgs(next),
    );
  });

  it("an existing asset without terms for the kind still reverts UseNotAllowed", async function () {
    const fx = await deployWithMissingIds();
    await expect(buy(fx.licensing, fx.payer, fx.b, UseKind.AIInference, { termsVersion: 0 }))
      .to.be.revertedWithCustomError(fx.licensing, "UseNotAllowed")
      .withArgs(fx.b, UseKind.AIInference);
  });
});
