import { expect } from "chai";
import {
  ETH,
  ethers,
  FAR_DEADLINE,
  UseKind,
  contentHash,
  metadataURI,
  networkHelpers,
} from "../helpers/fixture.js";
import {
  A_MIN_SHARE_BPS,
  type CurrencyAmount,
  ONE_ETH,
  REMIX_PRICES as P,
  buyId,
  cap,
  deployRemixMarket,
  expectNothingCharged,
  makeTerms,
  publish,
  remixWithHeld,
  remixWithLicences,
  shares,
} from "../helpers/licensing.js";

describe("remix licences: reverts", function () {
  describe("LicenceNotUsable", function () {
    it("reverts when a consumed licence is used for a second remix", async function () {
      const { protocol, licensing, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
      const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
      await remixWithHeld(protocol, payer, "R1", [[a, A_MIN_SHARE_BPS]], [held]);

      await expect(remixWithHeld(protocol, payer, "R2", [[a, A_MIN_SHARE_BPS]], [held]))
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(held, payer.address, a);
      await expect(
        remixWithLicences(licensing, payer, "R2", [[a, A_MIN_SHARE_BPS]], { licenceIds: [held] }),
      )
        .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
        .withArgs(held, payer.address, a);
    });

    it("reverts for another holder's licence, another parent's and another kind's", async function () {
      const { licensing, alice, bob, payer, a, d } =
        await networkHelpers.loadFixture(deployRemixMarket);
      const bobs = await buyId(licensing, bob, a, UseKind.Remix, { value: P.a });
      const ofD = await buyId(licensing, payer, d, UseKind.Remix);
      await publish(licensing, alice, a, UseKind.Commercial, makeTerms("commercial"));
      const commercial = await buyId(licensing, payer, a, UseKind.Commercial);

      for (const licenceId of [bobs, ofD, commercial]) {
        await expect(
          remixWithLicences(licensing, payer, "R", [[a, A_MIN_SHARE_BPS]], {
            licenceIds: [licenceId],
          }),
        )
          .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
          .withArgs(licenceId, payer.address, a);
      }
    });

    it("reverts for licence 0 and an id never issued, given to the protocol directly", async function () {
      const { protocol, licensing, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
      const unissued = (await licensing.totalLicences()) + 1n;

      for (const licenceId of [0n, unissued]) {
        await expect(remixWithHeld(protocol, payer, "R", [[a, A_MIN_SHARE_BPS]], [licenceId]))
          .to.be.revertedWithCustomError(licensing, "LicenceNotUsable")
          .withArgs(licenceId, payer.address, a);
      }
    });
  });

  describe("ShareBelowLicenceMinimum", function () {
    it("keeps the minimum of the licence's terms after the owner raises it", async function () {
      const { licensing, alice, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
      const old = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
      await publish(licensing, alice, a, UseKind.Remix, makeTerms("up", { minShareBps: 5_000 }));

      // A licence bought now is checked against the new minimum, at purchase.
      await expect(remixWithLicences(licensing, payer, "R", [[a, A_MIN_SHARE_BPS]]))
        .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
        .withArgs(a, A_MIN_SHARE_BPS, 5_000);
      // The licence bought before the rise still allows the old minimum.
      await remixWithLicences(licensing, payer, "R", [[a, A_MIN_SHARE_BPS]], { licenceIds: [old] });
    });

    it("keeps the minimum of the licence's terms after the owner lowers it", async function () {
      const { licensing, alice, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
      const old = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
      await publish(licensing, alice, a, UseKind.Remix, makeTerms("down", { minShareBps: 500 }));

      await expect(remixWithLicences(licensing, payer, "R", [[a, 1_000]], { licenceIds: [old] }))
        .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
        .withArgs(a, 1_000, A_MIN_SHARE_BPS);
      // A licence bought under the lower minimum allows it.
      await remixWithLicences(licensing, payer, "R", [[a, 1_000]]);
    });

    it("checks a bought licence at purchase, before the registry's checks; a held one at its use, after them", async function () {
      const fx = await networkHelpers.loadFixture(deployRemixMarket);
      const { protocol, licensing, payer, token, a, d } = fx;
      // A's share is below its 20% minimum, and with D's 80% the parents take more than 80%.
      const parents: Array<[bigint, number]> = [
        [a, 1_000],
        [d, 8_000],
      ];

      // Bought with the registration, A's licence refuses the share before the registry runs.
      await expectNothingCharged(fx, [ETH, token], () =>
        expect(remixWithLicences(licensing, payer, "R", parents, { value: P.a }))
          .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
          .withArgs(a, 1_000, A_MIN_SHARE_BPS),
      );
      // Held, it is checked only when the registry consumes it, after its own share limit.
      const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
      await expect(remixWithLicences(licensing, payer, "R", parents, { licenceIds: [held, 0n] }))
        .to.be.revertedWithCustomError(protocol, "SharesExceedLimit")
        .withArgs(9_000, 8_000);
      await expect(remixWithLicences(licensing, payer, "R", [[a, 1_000]], { licenceIds: [held] }))
        .to.be.revertedWithCustomError(licensing, "ShareBelowLicenceMinimum")
        .withArgs(a, 1_000, A_MIN_SHARE_BPS);
    });
  });

  it("reverts with LicenceCountMismatch when the licence choices do not match the parents", async function () {
    const { protocol, licensing, payer, token, a, d } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const parents = shares([
      [a, A_MIN_SHARE_BPS],
      [d, 1_000],
    ]);
    const buyNew = (maxPrice: CurrencyAmount) => ({ licenceId: 0n, termsVersion: 1, maxPrice });
    const register = (licences: ReturnType<typeof buyNew>[]) =>
      licensing
        .connect(payer)
        .registerRemixWithLicences(
          contentHash("R"),
          metadataURI("R"),
          parents,
          licences,
          ethers.ZeroHash,
          FAR_DEADLINE,
          {
            value: P.a,
          },
        );

    await expect(register([buyNew(cap(ETH, P.a))]))
      .to.be.revertedWithCustomError(licensing, "LicenceCountMismatch")
      .withArgs(2, 1);
    await expect(register([buyNew(cap(ETH, P.a)), buyNew(cap(token, P.d)), buyNew(cap(ETH, 0n))]))
      .to.be.revertedWithCustomError(licensing, "LicenceCountMismatch")
      .withArgs(2, 3);
    // The protocol hands its arguments to the licensing contract, which checks them.
    const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });
    await expect(remixWithHeld(protocol, payer, "R", [[a, A_MIN_SHARE_BPS]], [held, held]))
      .to.be.revertedWithCustomError(licensing, "LicenceCountMismatch")
      .withArgs(1, 2);
  });

  it("reverts with UseNotAllowed when buying the licence of a parent that refuses remixes", async function () {
    const { licensing, alice, payer, a, b } = await networkHelpers.loadFixture(deployRemixMarket);
    await publish(licensing, alice, a, UseKind.Remix, makeTerms("closed", { allowed: false }));

    await expect(remixWithLicences(licensing, payer, "R", [[a, A_MIN_SHARE_BPS]], { value: P.a }))
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(a, UseKind.Remix);
    // B never published Remix terms.
    await expect(remixWithLicences(licensing, payer, "R", [[b, 1_000]]))
      .to.be.revertedWithCustomError(licensing, "UseNotAllowed")
      .withArgs(b, UseKind.Remix);
  });

  it("reverts with PriceAboveMaximum when a parent's licence costs more than its cap", async function () {
    const { licensing, payer, token, a, d } = await networkHelpers.loadFixture(deployRemixMarket);
    const parents: Array<[bigint, number]> = [
      [a, A_MIN_SHARE_BPS],
      [d, 1_000],
    ];

    await expect(
      remixWithLicences(licensing, payer, "R", parents, {
        maxPrices: [cap(ETH, P.a), cap(token, P.d - 1n)],
        value: P.a,
      }),
    )
      .to.be.revertedWithCustomError(licensing, "PriceAboveMaximum")
      .withArgs(P.d, P.d - 1n);
  });

  it("reverts with DeadlinePassed after the deadline", async function () {
    const { licensing, payer, a } = await networkHelpers.loadFixture(deployRemixMarket);
    const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);

    await expect(
      remixWithLicences(licensing, payer, "R", [[a, A_MIN_SHARE_BPS]], { deadline, value: P.a }),
    )
      .to.be.revertedWithCustomError(licensing, "DeadlinePassed")
      .withArgs(deadline, deadline + 1n);
  });

  it("reverts with InsufficientPayment for the running ETH total of several parents", async function () {
    const { licensing, bob, payer, a, b } = await networkHelpers.loadFixture(deployRemixMarket);
    await publish(licensing, bob, b, UseKind.Remix, makeTerms("b-remix", { price: ONE_ETH }));
    const sent = ONE_ETH;

    await expect(
      remixWithLicences(
        licensing,
        payer,
        "R",
        [
          [a, A_MIN_SHARE_BPS],
          [b, 1_000],
        ],
        { value: sent },
      ),
    )
      .to.be.revertedWithCustomError(licensing, "InsufficientPayment")
      .withArgs(P.a + ONE_ETH, sent);
  });

  it("reverts with UnexpectedPayment when ETH is sent and no licence is bought in ETH", async function () {
    const { licensing, payer, a, d } = await networkHelpers.loadFixture(deployRemixMarket);
    const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });

    await expect(
      remixWithLicences(
        licensing,
        payer,
        "R",
        [
          [a, A_MIN_SHARE_BPS],
          [d, 1_000],
        ],
        { licenceIds: [held, 0n], value: 1n },
      ),
    )
      .to.be.revertedWithCustomError(licensing, "UnexpectedPayment")
      .withArgs(1n);
  });

  it("issues and charges nothing when the registration itself fails", async function () {
    const fx = await networkHelpers.loadFixture(deployRemixMarket);
    const { protocol, licensing, payer, token, a, d } = fx;

    // 50% + 40% exceeds the 80% parents may take: the registry reverts after the purchases.
    await expectNothingCharged(fx, [ETH, token], () =>
      expect(
        remixWithLicences(
          licensing,
          payer,
          "R",
          [
            [a, 5_000],
            [d, 4_000],
          ],
          { value: P.a },
        ),
      )
        .to.be.revertedWithCustomError(protocol, "SharesExceedLimit")
        .withArgs(9_000, 8_000),
    );
    expect(await protocol.collectableBalance(a, ETH)).to.equal(0n);
    expect(await protocol.collectableBalance(d, token)).to.equal(0n);
  });

  it("reverts consumeRemixLicences with OnlyProtocol for any other caller", async function () {
    const { protocol, licensing, payer, stranger, a } =
      await networkHelpers.loadFixture(deployRemixMarket);
    const held = await buyId(licensing, payer, a, UseKind.Remix, { value: P.a });

    for (const caller of [stranger, payer]) {
      await expect(
        licensing
          .connect(caller)
          .consumeRemixLicences(payer.address, 99n, shares([[a, A_MIN_SHARE_BPS]]), [held]),
      )
        .to.be.revertedWithCustomError(licensing, "OnlyProtocol")
        .withArgs(caller.address);
    }
    expect((await licensing.hasValidLicence(payer.address, a, UseKind.Remix))[0]).to.equal(true);
    // The two contracts name each other.
    expect(await licensing.PROTOCOL()).to.equal(await protocol.getAddress());
    expect(await protocol.LICENSING()).to.equal(await licensing.getAddress());
  });
});
