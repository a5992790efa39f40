import { expect } from "chai";
import { UseKind, networkHelpers } from "../helpers/fixture.js";
import {
  B_SHARE_OF_A,
  DAY,
  FAMILY_LICENCES,
  PERPETUAL,
  buy,
  buyId,
  deployLicensingFamily,
  makeTerms,
  payViews,
  publish,
  remixWithHeld,
  timestampOf,
} from "../helpers/licensing.js";

const MONTH = 30 * DAY;

/** The family with D (carol) selling free Commercial licences for 30 days. */
async function deployMonthlyFamily() {
  const family = await deployLicensingFamily();
  const { licensing, carol, d } = family;
  await publish(licensing, carol, d, UseKind.Commercial, makeTerms("month", { duration: MONTH }));
  return family;
}

describe("hasValidLicence", function () {
  it("is valid until the licence's expiry, then false", async function () {
    const { licensing, payer, d } = await networkHelpers.loadFixture(deployMonthlyFamily);
    const end =
      (await timestampOf(await buy(licensing, payer, d, UseKind.Commercial))) + BigInt(MONTH);

    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal([
      true,
      end,
    ]);
    await networkHelpers.time.increaseTo(end - 1n);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal([
      true,
      end,
    ]);
    await networkHelpers.time.increaseTo(end);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal([
      false,
      end,
    ]);
  });

  it("is valid forever for a perpetual licence", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployMonthlyFamily);
    await publish(licensing, carol, d, UseKind.AITraining, makeTerms("forever"));
    await buy(licensing, payer, d, UseKind.AITraining);

    await networkHelpers.time.increase(100 * 365 * DAY);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.AITraining)).to.deep.equal([
      true,
      PERPETUAL,
    ]);
  });

  it("takes the latest expiry across several licences, whatever the order bought", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployMonthlyFamily);
    const monthEnd =
      (await timestampOf(await buy(licensing, payer, d, UseKind.Commercial))) + BigInt(MONTH);
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("day", { duration: DAY }));

    // A shorter licence bought later does not shorten the validity.
    await buy(licensing, payer, d, UseKind.Commercial);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal([
      true,
      monthEnd,
    ]);
    await publish(
      licensing,
      carol,
      d,
      UseKind.Commercial,
      makeTerms("year", { duration: 365 * DAY }),
    );
    const yearEnd =
      (await timestampOf(await buy(licensing, payer, d, UseKind.Commercial))) + BigInt(365 * DAY);
    await networkHelpers.time.increaseTo(monthEnd);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal([
      true,
      yearEnd,
    ]);
  });

  it("is per holder, per asset and per kind", async function () {
    const { licensing, carol, payer, stranger, a, d } =
      await networkHelpers.loadFixture(deployMonthlyFamily);
    await publish(licensing, carol, d, UseKind.AITraining, makeTerms("ai"));
    await buy(licensing, payer, d, UseKind.Commercial);

    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.have.property(
      "0",
      true,
    );
    for (const [holder, assetId, kind] of [
      [stranger.address, d, UseKind.Commercial],
      [payer.address, a, UseKind.Commercial],
      [payer.address, d, UseKind.AITraining],
      [payer.address, d, UseKind.AIInference],
    ] as const) {
      expect(await licensing.hasValidLicence(holder, assetId, kind)).to.deep.equal([false, 0n]);
    }
  });

  it("is always false for View, even after views were paid", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployMonthlyFamily);
    await publish(licensing, carol, d, UseKind.View, makeTerms("views"));
    await payViews(licensing, payer, d, 3n);

    expect(await licensing.hasValidLicence(payer.address, d, UseKind.View)).to.deep.equal([
      false,
      0n,
    ]);
  });

  it("is true for Remix while an unused licence is held and false once each is consumed", async function () {
    const { protocol, licensing, payer, a, b } =
      await networkHelpers.loadFixture(deployMonthlyFamily);
    // bob's licence of A was bought with B's registration and used at once: he never held it.
    const bob = await protocol.ownerOf(b);
    expect(await licensing.hasValidLicence(bob, a, UseKind.Remix)).to.deep.equal([false, 0n]);
    expect(await licensing.balanceOf(bob)).to.equal(0n);
    expect(await licensing.totalLicences()).to.equal(FAMILY_LICENCES);
    const first = await buyId(licensing, payer, a, UseKind.Remix);
    const second = await buyId(licensing, payer, a, UseKind.Remix);
    expect(await licensing.hasValidLicence(payer.address, a, UseKind.Remix)).to.deep.equal([
      true,
      PERPETUAL,
    ]);

    await remixWithHeld(protocol, payer, "R1", [[a, B_SHARE_OF_A]], [first]);
    expect(await licensing.hasValidLicence(payer.address, a, UseKind.Remix)).to.deep.equal([
      true,
      PERPETUAL,
    ]);
    await remixWithHeld(protocol, payer, "R2", [[a, B_SHARE_OF_A]], [second]);
    expect(await licensing.hasValidLicence(payer.address, a, UseKind.Remix)).to.deep.equal([
      false,
      0n,
    ]);
  });
});
