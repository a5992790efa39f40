import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse } from "ethers";
import { ETH, UseKind, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  DATASET_PRICES as P,
  ONE_USD,
  buy,
  buyBulk,
  buyId,
  cap,
  deployDatasetFamily,
  expectNothingCharged,
  makeTerms,
  payViews,
  publish,
  remixWithLicences,
} from "../helpers/licensing.js";

const AI = UseKind.AITraining;
const VIEW_PRICE = ethers.parseEther("0.01");

/**
 * The dataset family with views and remixes sold by D (carol: 0.01 ETH a view, 1.00 USD a remix
 * licence) and given by E (dave, free). The payer holds a free Remix licence of E, bought before
 * the owner paused the protocol.
 */
async function deployPausedMarket() {
  const family = await deployDatasetFamily();
  const { protocol, licensing, admin, carol, dave, payer, d, e, token } = family;
  await publish(licensing, carol, d, UseKind.View, makeTerms("d-views", { price: VIEW_PRICE }));
  await publish(licensing, dave, e, UseKind.View, makeTerms("e-views"));
  const remixTerms = makeTerms("d-remix", { currency: token, price: ONE_USD });
  await publish(licensing, carol, d, UseKind.Remix, remixTerms);
  await publish(licensing, dave, e, UseKind.Remix, makeTerms("e-remix"));
  const heldForE = await buyId(licensing, payer, e, UseKind.Remix);
  await protocol.connect(admin).setPaused(true);
  return { ...family, heldForE };
}

type Market = Awaited<ReturnType<typeof deployPausedMarket>>;

/** A purchase a pause must stop, and the event that shows it went through once resumed. */
interface Purchase {
  name: string;
  send: (fx: Market) => Promise<ContractTransactionResponse>;
  emits: (fx: Market) => [BaseContract, string];
}

const licenceIssued = (fx: Market): [BaseContract, string] => [fx.licensing, "LicenceIssued"];
const usesPaid = (fx: Market): [BaseContract, string] => [fx.licensing, "UsesPaid"];
/** A remix licence bought with the registration is recorded by this event, not minted. */
const remixLicensed = (fx: Market): [BaseContract, string] => [fx.licensing, "RemixLicensed"];
const licenceConsumed = (fx: Market): [BaseContract, string] => [fx.licensing, "LicenceConsumed"];

// Free purchases charge nothing, so the protocol's payment checks never run for them: their
// revert shows the licensing contract's own check (both errors share the selector ProtocolPaused()).
const PURCHASES: Purchase[] = [
  {
    name: "buyLicence of an ETH licence",
    send: (fx) => buy(fx.licensing, fx.payer, fx.a, AI, { value: P.a }),
    emits: licenceIssued,
  },
  {
    name: "buyLicence of a token licence",
    send: (fx) => buy(fx.licensing, fx.payer, fx.d, AI),
    emits: licenceIssued,
  },
  {
    name: "buyLicence of a free licence",
    send: (fx) => buy(fx.licensing, fx.payer, fx.e, AI),
    emits: licenceIssued,
  },
  {
    name: "buyLicences of a batch in two currencies",
    send: (fx) =>
      buyBulk(fx.licensing, fx.payer, [fx.a, fx.d], AI, [cap(ETH, P.a), cap(fx.token, P.d)], {
        value: P.a,
      }),
    emits: licenceIssued,
  },
  {
    name: "buyLicences of free licences",
    send: (fx) => buyBulk(fx.licensing, fx.payer, [fx.e, fx.e], AI, [cap(ETH, 0n)]),
    emits: licenceIssued,
  },
  {
    name: "payForUse of paid views",
    send: (fx) => payViews(fx.licensing, fx.payer, fx.d, 2n, { value: 2n * VIEW_PRICE }),
    emits: usesPaid,
  },
  {
    name: "payForUse of free views",
    send: (fx) => payViews(fx.licensing, fx.payer, fx.e, 2n),
    emits: usesPaid,
  },
  {
    name: "registerRemixWithLicences buying a paid licence",
    send: (fx) => remixWithLicences(fx.licensing, fx.payer, "R", [[fx.d, 1_000]]),
    emits: remixLicensed,
  },
  {
    name: "registerRemixWithLicences buying a free licence",
    send: (fx) => remixWithLicences(fx.licensing, fx.payer, "R", [[fx.e, 1_000]]),
    emits: remixLicensed,
  },
  {
    name: "registerRemixWithLicences with a held licence",
    send: (fx) =>
      remixWithLicences(fx.licensing, fx.payer, "R", [[fx.e, 1_000]], {
        licenceIds: [fx.heldForE],
      }),
    emits: licenceConsumed,
  },
];

describe("purchases while the protocol is paused", function () {
  for (const { name, send, emits } of PURCHASES) {
    it(`reverts ${name} with ProtocolPaused, charging nothing, and goes through once resumed`, async function () {
      const fx = await networkHelpers.loadFixture(deployPausedMarket);
      const { protocol, licensing, admin, token } = fx;

      await expectNothingCharged(fx, [ETH, token], () =>
        expect(send(fx)).to.be.revertedWithCustomError(licensing, "ProtocolPaused"),
      );

      await protocol.connect(admin).setPaused(false);
      const [emitter, event] = emits(fx);
      await expect(send(fx)).to.emit(emitter, event);
    });
  }

  it("reports DeadlinePassed before ProtocolPaused", async function () {
    const { licensing, payer, e } = await networkHelpers.loadFixture(deployPausedMarket);
    const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);

    await expect(buy(licensing, payer, e, AI, { deadline }))
      .to.be.revertedWithCustomError(licensing, "DeadlinePassed")
      .withArgs(deadline, deadline + 1n);
  });
});
