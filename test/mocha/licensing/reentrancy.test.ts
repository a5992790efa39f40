import { expect } from "chai";
import { ETH, FAR_DEADLINE, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  buy,
  cap,
  deployLicensingFamily,
  makeTerms,
  publish,
  shares,
} from "../helpers/licensing.js";

const PRICE = ethers.parseEther("0.25");
/** What a contract buyer sends: twice the price, so every purchase refunds PRICE. */
const SENT = 2n * PRICE;
/** ETH the attacker holds to fund its re-entries. */
const ATTACKER_FUNDS = ethers.parseEther("1");

/** The family with D (carol) selling Commercial licences, views and Remix licences at PRICE. */
async function deployContractBuyers() {
  const family = await deployLicensingFamily();
  const { licensing, carol, d } = family;
  for (const kind of [UseKind.Commercial, UseKind.View, UseKind.Remix]) {
    await publish(licensing, carol, d, kind, makeTerms(`d-${kind}`, { price: PRICE }));
  }
  const attacker = await ethers.deployContract("ReentrantRecipient");
  const refuser = await ethers.deployContract("RefundRefusingBuyer");
  await family.payer.sendTransaction({ to: await attacker.getAddress(), value: ATTACKER_FUNDS });
  return { ...family, attacker, refuser };
}

type Buyers = Awaited<ReturnType<typeof deployContractBuyers>>;

/** Every Licensing entry point that refunds ETH, as calldata for a contract buyer. */
const ENTRY_POINTS: Record<string, (fx: Buyers, buyer: string, label: string) => string> = {
  buyLicence: ({ licensing, d }, buyer) =>
    licensing.interface.encodeFunctionData("buyLicence", [
      d,
      UseKind.Commercial,
      1,
      buyer,
      cap(ETH, PRICE),
      FAR_DEADLINE,
    ]),
  buyLicences: ({ licensing, d }, buyer) =>
    licensing.interface.encodeFunctionData("buyLicences", [
      [d],
      UseKind.Commercial,
      [1],
      buyer,
      [cap(ETH, PRICE)],
      FAR_DEADLINE,
    ]),
  payForUse: ({ licensing, d }) =>
    licensing.interface.encodeFunctionData("payForUse", [d, 1n, 1, cap(ETH, PRICE), FAR_DEADLINE]),
  registerRemixWithLicences: ({ licensing, d }, _buyer, label) =>
    licensing.interface.encodeFunctionData("registerRemixWithLicences", [
      ethers.id(label),
      `ipfs://${label}`,
      shares([[d, 1_000]]),
      [{ licenceId: 0n, termsVersion: 1, maxPrice: cap(ETH, PRICE) }],
      ethers.ZeroHash,
      FAR_DEADLINE,
    ]),
};

describe("reentrancy and contract buyers", function () {
  for (const [outer, outerData] of Object.entries(ENTRY_POINTS)) {
    for (const [inner, innerData] of Object.entries(ENTRY_POINTS)) {
      it(`reverts ${outer} with ReentrancyGuardReentrantCall when its refund re-enters ${inner}`, async function () {
        const fx = await networkHelpers.loadFixture(deployContractBuyers);
        const { protocol, licensing, attacker } = fx;
        const [target, self] = [await licensing.getAddress(), await attacker.getAddress()];
        const before = await licensing.totalLicences();
        const assets = await protocol.totalAssets();
        const paidIn = await ethers.provider.getBalance(await protocol.getAddress());
        const receipts = await attacker.receiveCount();
        await attacker.arm(target, innerData(fx, self, "inner"), PRICE, true);

        await expect(
          attacker.execute(target, outerData(fx, self, "outer"), { value: SENT }),
        ).to.be.revertedWithCustomError(licensing, "ReentrancyGuardReentrantCall");
        expect(await licensing.totalLicences()).to.equal(before);

        // Swallowing the guard's error, the outer purchase completes once and the re-entry did nothing.
        await attacker.arm(target, innerData(fx, self, "inner"), PRICE, false);
        await attacker.execute(target, outerData(fx, self, "outer"), { value: SENT });
        const guard = licensing.interface.getError("ReentrancyGuardReentrantCall")!.selector;
        expect(await attacker.lastReentryError()).to.equal(guard);
        expect(await attacker.receiveCount()).to.equal(receipts + 1n);
        // Only the licence purchases mint a token: views are paid per use, and a remix licence
        // bought with its registration is used at once (RemixLicensed), never minted.
        const mintsLicence = outer === "buyLicence" || outer === "buyLicences";
        expect(await licensing.totalLicences()).to.equal(before + (mintsLicence ? 1n : 0n));
        expect(await protocol.totalAssets()).to.equal(
          assets + (outer === "registerRemixWithLicences" ? 1n : 0n),
        );
        // The outer purchase paid its price once into the protocol; the re-entry paid nothing.
        expect(await ethers.provider.getBalance(await protocol.getAddress())).to.equal(
          paidIn + PRICE,
        );
        expect(await ethers.provider.getBalance(target)).to.equal(0n);
      });
    }
  }

  it("fails only the overpaid purchase of a buyer that refuses refunds", async function () {
    const fx = await networkHelpers.loadFixture(deployContractBuyers);
    const { licensing, refuser, payer, d } = fx;
    const [target, self] = [await licensing.getAddress(), await refuser.getAddress()];
    const data = ENTRY_POINTS.buyLicence(fx, self, "");
    const licences = await licensing.totalLicences();

    await expect(refuser.execute(target, data, { value: SENT }))
      .to.be.revertedWithCustomError(refuser, "RefundRefused")
      .withArgs(SENT - PRICE);
    // Other buyers of the same asset are unaffected, refund included.
    await expect(
      buy(licensing, payer, d, UseKind.Commercial, { value: SENT }),
    ).to.changeEtherBalances(ethers, [payer], [-PRICE]);
    // Paying the exact price needs no refund, so the refuser can buy too.
    await refuser.execute(target, data, { value: PRICE });
    expect(await licensing.balanceOf(self)).to.equal(1n);
    expect(await licensing.totalLicences()).to.equal(licences + 2n);
  });
});
