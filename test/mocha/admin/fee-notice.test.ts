import { expect } from "chai";
import {
  ETH,
  FEE_BPS,
  FEE_DELAY,
  MAX_FEE_BPS,
  UseKind,
  networkHelpers,
} from "../helpers/fixture.js";
import { feeOf, feesAccrued, pay } from "../helpers/engine.js";
import { buy, deployLicensingFamily, makeTerms, publish } from "../helpers/licensing.js";
import { timestampOf } from "../helpers/registry.js";

// A multiple of 10,000, so every sale's fee is exactly SALE * fee, whatever was paid before it.
const SALE = 10n ** 18n;

/** The licensing family with D (carol) selling a Commercial licence for 1.00 ETH. */
async function deployLargeSale() {
  const family = await deployLicensingFamily();
  await publish(
    family.licensing,
    family.carol,
    family.d,
    UseKind.Commercial,
    makeTerms("d-sale", { price: SALE }),
  );
  return family;
}

describe("fee changes with notice", function () {
  it("a fee raised to the cap just before a large sale does not cut the creator's price", async function () {
    const { protocol, licensing, admin, payer, d } =
      await networkHelpers.loadFixture(deployLargeSale);

    // The attack: the admin front-runs the sale with the highest fee it may set.
    await protocol.connect(admin).setFee(MAX_FEE_BPS);
    const sale = await buy(licensing, payer, d, UseKind.Commercial, { value: SALE });

    await expect(sale)
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, SALE, feeOf(SALE, FEE_BPS));
    await expect(sale).not.to.emit(protocol, "FeeUpdated");
    expect(await protocol.collectableBalance(d, ETH)).to.equal(SALE - feeOf(SALE, FEE_BPS));
    expect(await feesAccrued(protocol, ETH)).to.equal(feeOf(SALE, FEE_BPS));
  });

  it("payments keep the old fee until the announced time and pay the new one from that block on", async function () {
    const { protocol, admin, payer, d } = await networkHelpers.loadFixture(deployLargeSale);
    const announced = await protocol.connect(admin).setFee(MAX_FEE_BPS);
    const effectiveAt = (await timestampOf(announced)) + BigInt(FEE_DELAY);

    // The last second under the old fee.
    await networkHelpers.time.setNextBlockTimestamp(effectiveAt - 1n);
    await expect(pay(protocol, payer, d, ETH, SALE))
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, SALE, feeOf(SALE, FEE_BPS));

    // The first payment at the announced time pays the new fee and records the change in the logs,
    // before its own Paid event, so that a replay of the logs finds the fee in force.
    await networkHelpers.time.setNextBlockTimestamp(effectiveAt);
    const first = await pay(protocol, payer, d, ETH, SALE);
    await expect(first).to.emit(protocol, "FeeUpdated").withArgs(FEE_BPS, MAX_FEE_BPS);
    await expect(first)
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, SALE, feeOf(SALE, MAX_FEE_BPS));
    const receipt = await first.wait();
    const names = receipt!.logs.map((log) => protocol.interface.parseLog(log)?.name);
    expect(names).to.deep.equal(["FeeUpdated", "Paid"]);

    // Recorded once: later payments change nothing more.
    await expect(pay(protocol, payer, d, ETH, SALE)).not.to.emit(protocol, "FeeUpdated");
    expect(await feesAccrued(protocol, ETH)).to.equal(
      feeOf(SALE, FEE_BPS) + 2n * feeOf(SALE, MAX_FEE_BPS),
    );
  });

  it("a second announcement replaces the first and restarts the notice; announcing the fee in force cancels", async function () {
    const { protocol, admin, payer, d } = await networkHelpers.loadFixture(deployLargeSale);
    const first = await protocol.connect(admin).setFee(MAX_FEE_BPS);
    await networkHelpers.time.increase(FEE_DELAY / 2);

    const second = await protocol.connect(admin).setFee(1_500);
    const secondAt = (await timestampOf(second)) + BigInt(FEE_DELAY);
    await expect(second).to.emit(protocol, "FeeChangeScheduled").withArgs(FEE_BPS, 1_500, secondAt);
    expect(await protocol.pendingFee()).to.deep.equal([1_500n, secondAt]);

    // Past the first announcement's time, before the second's: the old fee still applies.
    await networkHelpers.time.increaseTo((await timestampOf(first)) + BigInt(FEE_DELAY));
    await expect(pay(protocol, payer, d, ETH, SALE))
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, SALE, feeOf(SALE, FEE_BPS));

    const cancel = await protocol.connect(admin).setFee(FEE_BPS);
    await expect(cancel)
      .to.emit(protocol, "FeeChangeScheduled")
      .withArgs(FEE_BPS, FEE_BPS, await timestampOf(cancel));
    expect(await protocol.pendingFee()).to.deep.equal([0n, 0n]);
    await networkHelpers.time.increase(FEE_DELAY);
    expect(await protocol.feeBps()).to.equal(BigInt(FEE_BPS));
    await expect(pay(protocol, payer, d, ETH, SALE))
      .to.emit(protocol, "Paid")
      .withArgs(d, ETH, payer.address, SALE, feeOf(SALE, FEE_BPS));
  });

  it("a fee change announced after an earlier one took effect starts from the fee in force", async function () {
    const { protocol, admin } = await networkHelpers.loadFixture(deployLargeSale);
    await protocol.connect(admin).setFee(1_500);
    await networkHelpers.time.increase(FEE_DELAY);

    // No payment recorded the first change yet: the announcement does, then schedules the next.
    const next = await protocol.connect(admin).setFee(500);
    await expect(next).to.emit(protocol, "FeeUpdated").withArgs(FEE_BPS, 1_500);
    await expect(next)
      .to.emit(protocol, "FeeChangeScheduled")
      .withArgs(1_500, 500, (await timestampOf(next)) + BigInt(FEE_DELAY));
    expect(await protocol.feeBps()).to.equal(1_500n);
  });

  it("reverts with OwnableUnauthorizedAccount when anyone but the owner announces a fee", async function () {
    const { protocol, stranger } = await networkHelpers.loadFixture(deployLargeSale);
    await expect(protocol.connect(stranger).setFee(0))
      .to.be.revertedWithCustomError(protocol, "OwnableUnauthorizedAccount")
      .withArgs(stranger.address);
    expect(await protocol.pendingFee()).to.deep.equal([0n, 0n]);
  });
});
