import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";
import { ETH, UseKind, networkHelpers } from "../helpers/fixture.js";
import { deployListedToken } from "../helpers/engine.js";
import {
  type CurrencyAmount,
  buy,
  cap,
  deployLicensingFamily,
  expectNothingCharged,
  makeTerms,
  PERPETUAL,
  payViews,
  publish,
  remixWithLicences,
} from "../helpers/licensing.js";

/** The price number every test quotes: 2.00 of an 18-decimal token, 2e12 USD of the 6-decimal one. */
const UNITS = 2n * 10n ** 18n;
const VIEWS = 3n;

/**
 * The licensing family plus a second listed token with 18 decimals (DAI). The buyer holds and has
 * approved enough of every currency to pay UNITS * VIEWS of it, so a purchase in the switched
 * currency could go through if nothing checked the currency.
 */
async function deployTwoTokenMarket() {
  const family = await deployLicensingFamily();
  const { address: dai } = await deployListedToken(family, "MockERC20", ["Test DAI", "TDAI", 18]);
  await family.usd.mint(family.payer.address, UNITS * VIEWS);
  const currencies = { ETH, USD: family.token, DAI: dai };
  return { ...family, dai, currencies };
}

type Market = Awaited<ReturnType<typeof deployTwoTokenMarket>>;
type CurrencyName = keyof Market["currencies"];

/** A purchase of D's `kind` use by the payer, capped by `maxPrice`, sending `value`. */
interface EntryPoint {
  name: string;
  kind: number;
  /** Uses bought: the cap covers `count` times the price. */
  count: bigint;
  /** What the licensing contract emits on success. */
  event: string;
  /** The arguments of `event` for a purchase sent now at the latest terms, charging `price` (per
   * use) in `currency`. */
  eventArgs: (fx: Market, currency: string, price: bigint) => Promise<unknown[]>;
  send: (
    fx: Market,
    maxPrice: CurrencyAmount,
    value: bigint,
  ) => Promise<ContractTransactionResponse>;
}

const ENTRY_POINTS: EntryPoint[] = [
  {
    name: "buyLicence",
    kind: UseKind.Commercial,
    count: 1n,
    event: "LicenceIssued",
    eventArgs: async (fx, currency, price) => [
      (await fx.licensing.totalLicences()) + 1n,
      fx.d,
      fx.payer.address,
      UseKind.Commercial,
      await fx.licensing.latestTermsVersion(fx.d, UseKind.Commercial),
      PERPETUAL,
      currency,
      price,
    ],
    send: (fx, maxPrice, value) =>
      buy(fx.licensing, fx.payer, fx.d, UseKind.Commercial, { maxPrice, value }),
  },
  {
    name: "payForUse",
    kind: UseKind.View,
    count: VIEWS,
    event: "UsesPaid",
    eventArgs: async (fx, currency, price) => [
      fx.d,
      fx.payer.address,
      await fx.licensing.latestTermsVersion(fx.d, UseKind.View),
      VIEWS,
      currency,
      VIEWS * price,
    ],
    send: (fx, maxTotal, value) =>
      payViews(fx.licensing, fx.payer, fx.d, VIEWS, { maxTotal, value }),
  },
  {
    name: "registerRemixWithLicences",
    kind: UseKind.Remix,
    count: 1n,
    // Bought and used at once: recorded by this event, with no licence token.
    event: "RemixLicensed",
    eventArgs: async (fx, currency, price) => [
      (await fx.protocol.totalAssets()) + 1n,
      fx.d,
      await fx.licensing.latestTermsVersion(fx.d, UseKind.Remix),
      currency,
      price,
    ],
    send: (fx, maxPrice, value) =>
      remixWithLicences(fx.licensing, fx.payer, "R", [[fx.d, 1_000]], {
        maxPrices: [maxPrice],
        value,
      }),
  },
];

/** The ETH a buyer sends with `maxPrice`: the cap itself when it is in ETH, else none. */
function valueFor(maxPrice: CurrencyAmount): bigint {
  return maxPrice.currency === ETH ? maxPrice.amount : 0n;
}

/** Currency switches an owner can front-run a purchase with, keeping the price number. */
const SWITCHES: Array<[CurrencyName, CurrencyName]> = [
  // Same number, 12 fewer decimals: 10^12 times the value.
  ["DAI", "USD"],
  ["ETH", "USD"],
  ["USD", "ETH"],
];

describe("price caps: currency", function () {
  for (const entry of ENTRY_POINTS) {
    for (const [fromName, toName] of SWITCHES) {
      it(`reverts ${entry.name} with CurrencyMismatch when the owner switches ${fromName} to ${toName} between quote and purchase`, async function () {
        const fx = await networkHelpers.loadFixture(deployTwoTokenMarket);
        const { licensing, carol, d, currencies } = fx;
        const [from, to] = [currencies[fromName], currencies[toName]];
        const terms = (label: string, currency: string) =>
          makeTerms(label, { currency, price: UNITS });
        await publish(licensing, carol, d, entry.kind, terms("quoted", from));
        // The cap equals the new price number, so only its currency can stop the purchase.
        const quote = cap(from, UNITS * entry.count);
        await publish(licensing, carol, d, entry.kind, terms("switched", to));

        await expectNothingCharged(fx, Object.values(currencies), () =>
          expect(entry.send(fx, quote, valueFor(quote)))
            .to.be.revertedWithCustomError(licensing, "CurrencyMismatch")
            .withArgs(to, from),
        );
        // Quoting again, in the new currency, buys.
        const requote = cap(to, UNITS * entry.count);
        const args = await entry.eventArgs(fx, to, UNITS);
        await expect(entry.send(fx, requote, valueFor(requote)))
          .to.emit(licensing, entry.event)
          .withArgs(...args);
      });
    }
  }

  const FREE_USES: Array<[CurrencyName, CurrencyName]> = [
    ["USD", "ETH"],
    ["ETH", "DAI"],
  ];
  for (const entry of ENTRY_POINTS) {
    for (const [termsName, capName] of FREE_USES) {
      it(`lets ${entry.name} take a free use priced in ${termsName} with a cap in ${capName}`, async function () {
        const fx = await networkHelpers.loadFixture(deployTwoTokenMarket);
        const { protocol, licensing, carol, d, currencies } = fx;
        const free = makeTerms("free", { currency: currencies[termsName] });
        await publish(licensing, carol, d, entry.kind, free);

        const args = await entry.eventArgs(fx, currencies[termsName], 0n);
        const tx = entry.send(fx, cap(currencies[capName], 0n), 0n);
        await expect(tx)
          .to.emit(licensing, entry.event)
          .withArgs(...args);
        await expect(tx).not.to.emit(protocol, "Paid");
      });
    }
  }
});
