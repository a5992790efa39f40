import { expect } from "chai";
import {
  ETH,
  FAR_DEADLINE,
  UseKind,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
} from "../helpers/fixture.js";
import { feesAccrued } from "../helpers/engine.js";
import {
  DAY,
  ONE_ETH,
  ONE_USD,
  PERPETUAL,
  buy,
  buyId,
  cap,
  deployLicensingFamily,
  ethSpentBy,
  licenceRecord,
  makeTerms,
  publish,
  readLicence,
  timestampOf,
} from "../helpers/licensing.js";

const PRICE = ethers.parseEther("0.25");

/** Each kind a licence token is sold for, with terms typical of it. */
const KINDS = [
  { name: "Commercial", kind: UseKind.Commercial, duration: 30 * DAY, minShareBps: 0 },
  { name: "AITraining", kind: UseKind.AITraining, duration: 0, minShareBps: 0 },
  { name: "AIInference", kind: UseKind.AIInference, duration: 7 * DAY, minShareBps: 0 },
  { name: "Remix", kind: UseKind.Remix, duration: 0, minShareBps: 1_500 },
];

describe("buyLicence", function () {
  for (const { name, kind, duration, minShareBps } of KINDS) {
    it(`issues a ${name} licence to the recipient with the terms' expiry, version and minimum`, async function () {
      const { licensing, carol, stranger, payer, d } =
        await networkHelpers.loadFixture(deployLicensingFamily);
      await publish(licensing, carol, d, kind, makeTerms("old", { price: 1n, duration }));
      const version = await publish(
        licensing,
        carol,
        d,
        kind,
        makeTerms(name, { price: PRICE, duration, minShareBps }),
      );
      const id = (await licensing.totalLicences()) + 1n;

      const tx = await buy(licensing, payer, d, kind, {
        recipient: stranger.address,
        value: PRICE,
      });
      const issuedAt = await timestampOf(tx);
      const expiresAt = duration === 0 ? PERPETUAL : issuedAt + BigInt(duration);

      await expect(tx)
        .to.emit(licensing, "LicenceIssued")
        .withArgs(id, d, stranger.address, kind, version, expiresAt, ETH, PRICE);
      await expect(tx)
        .to.emit(licensing, "Transfer")
        .withArgs(ethers.ZeroAddress, stranger.address, id);
      await expect(tx).to.emit(licensing, "Locked").withArgs(id);
      expect(await readLicence(licensing, id)).to.deep.equal(
        licenceRecord({
          holder: stranger.address,
          assetId: d,
          kind,
          expiresAt,
          termsVersion: version,
          issuedAt,
          minShareBps,
        }),
      );
      expect(await licensing.totalLicences()).to.equal(id);
      expect(await licensing.balanceOf(stranger.address)).to.equal(1n);
      expect(await licensing.balanceOf(payer.address)).to.equal(0n);
    });
  }

  it("returns the new licence id, counting from 1", async function () {
    const { protocol, licensing, carol, payer } = await networkHelpers.loadFixture(deployProtocol);
    const d = await registerOriginal(protocol, carol, "D");
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("free"));

    expect(await licensing.totalLicences()).to.equal(0n);
    expect(
      await licensing
        .connect(payer)
        .buyLicence.staticCall(d, UseKind.Commercial, 1, payer.address, cap(ETH, 0n), FAR_DEADLINE),
    ).to.equal(1n);
    expect(await buyId(licensing, payer, d, UseKind.Commercial)).to.equal(1n);
    expect(await buyId(licensing, payer, d, UseKind.Commercial)).to.equal(2n);
  });

  it("routes an ETH price through the royalty rules: a 1.00 licence of remix B pays A 0.30, B 0.60, fee 0.10", async function () {
    const { protocol, licensing, bob, payer, stranger, a, b } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(licensing, bob, b, UseKind.Commercial, makeTerms("b", { price: ONE_ETH }));

    const tx = buy(licensing, payer, b, UseKind.Commercial, {
      recipient: stranger.address,
      value: ONE_ETH,
    });
    // The buyer, neither the licensing contract nor the recipient, is the payer of record.
    await expect(tx)
      .to.emit(protocol, "Paid")
      .withArgs(b, ETH, payer.address, ONE_ETH, ethers.parseEther("0.1"));
    await expect(tx).to.changeEtherBalances(
      ethers,
      [payer, protocol, licensing],
      [-ONE_ETH, ONE_ETH, 0n],
    );
    await protocol.split(b, ETH);

    expect(await protocol.collectableBalance(a, ETH)).to.equal(ethers.parseEther("0.3"));
    expect(await protocol.collectableBalance(b, ETH)).to.equal(ethers.parseEther("0.6"));
    expect(await feesAccrued(protocol, ETH)).to.equal(ethers.parseEther("0.1"));
  });

  it("routes a 6-decimal token price the same way: 1.00 pays A 0.30, B 0.60, fee 0.10", async function () {
    const { protocol, licensing, usd, bob, payer, a, b, token } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(
      licensing,
      bob,
      b,
      UseKind.AITraining,
      makeTerms("b", { currency: token, price: ONE_USD }),
    );

    const tx = buy(licensing, payer, b, UseKind.AITraining);
    await expect(tx).to.emit(protocol, "Paid").withArgs(b, token, payer.address, ONE_USD, 100_000n);
    await expect(tx).to.changeTokenBalances(ethers, usd, [payer, protocol], [-ONE_USD, ONE_USD]);
    await protocol.split(b, token);

    expect(await protocol.collectableBalance(a, token)).to.equal(300_000n);
    expect(await protocol.collectableBalance(b, token)).to.equal(600_000n);
    expect(await feesAccrued(protocol, token)).to.equal(100_000n);
  });

  it("refunds ETH sent above the price exactly", async function () {
    const { protocol, licensing, carol, payer, d } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("d", { price: PRICE }));
    const before = await ethers.provider.getBalance(payer.address);

    const tx = await buy(licensing, payer, d, UseKind.Commercial, { value: ONE_ETH });

    expect(await ethSpentBy(tx, payer.address, before)).to.equal(PRICE);
    expect(await ethers.provider.getBalance(await licensing.getAddress())).to.equal(0n);
    expect(await protocol.collectableBalance(d, ETH)).to.equal(PRICE - PRICE / 10n);
  });

  it("issues a free licence without a payment", async function () {
    const { protocol, licensing, carol, payer, d } =
      await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(licensing, carol, d, UseKind.Commercial, makeTerms("free"));

    const id = (await licensing.totalLicences()) + 1n;

    const tx = buy(licensing, payer, d, UseKind.Commercial);
    await expect(tx).to.emit(licensing, "LicenceIssued");
    await expect(tx).not.to.emit(protocol, "Paid");
    expect(await licensing.ownerOf(id)).to.equal(payer.address);
  });

  it("makes a licence perpetual when its end would not fit in uint40", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployLicensingFamily);
    await publish(
      licensing,
      carol,
      d,
      UseKind.Commercial,
      makeTerms("max", { duration: PERPETUAL }),
    );

    const id = await buyId(licensing, payer, d, UseKind.Commercial);

    expect((await readLicence(licensing, id)).expiresAt).to.equal(PERPETUAL);
  });

  it("keeps licences already sold unchanged when new terms are published", async function () {
    const { licensing, carol, payer, d } = await networkHelpers.loadFixture(deployLicensingFamily);
    const v1 = makeTerms("v1", { price: PRICE, duration: 30 * DAY });
    await publish(licensing, carol, d, UseKind.Commercial, v1);
    const id = await buyId(licensing, payer, d, UseKind.Commercial, { value: PRICE });
    const licence = await readLicence(licensing, id);
    const validity = await licensing.hasValidLicence(payer.address, d, UseKind.Commercial);

    const v2 = makeTerms("v2", { price: 2n * PRICE, duration: DAY });
    await publish(licensing, carol, d, UseKind.Commercial, v2);

    expect(await readLicence(licensing, id)).to.deep.equal(licence);
    expect(await licensing.hasValidLicence(payer.address, d, UseKind.Commercial)).to.deep.equal(
      validity,
    );
    expect(await licensing.tokenURI(id)).to.equal(v1.documentURI);
    // A new purchase takes the new version.
    const next = await buyId(licensing, payer, d, UseKind.Commercial, { value: 2n * PRICE });
    expect((await readLicence(licensing, next)).termsVersion).to.equal(2n);
    expect(await licensing.tokenURI(next)).to.equal(v2.documentURI);
  });
});
