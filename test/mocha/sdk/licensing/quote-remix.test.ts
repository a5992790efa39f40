import { expect } from "chai";
import { getAddress, keccak256, toHex } from "viem";
import {
  buyLicence,
  ETH,
  quoteRemix,
  registerRemix,
  setTerms,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import * as f from "./fixtures.js";

const REMIX = UseKind.Remix;

describeOnNodes("sdk quoteRemix", (env) => {
  it("quotes held licences as free and bought ones at their price and version, and holds the registration to it", async function () {
    const e = env();
    const usd = getAddress(e.usd);
    const [a, b, c] = [
      await f.original(e, e.alice, "qa"),
      await f.original(e, e.bob, "qb"),
      await f.original(e, e.alice, "qc"),
    ];
    await f.allow(e, e.alice, a, REMIX);
    await f.allow(e, e.bob, b, REMIX, { currency: ETH, price: 700n });
    await f.allow(e, e.alice, c, REMIX, { currency: usd, price: 2_000_000n });
    const held = await buyLicence(e.carol, { deployment: e.deployment, assetId: a, kind: REMIX });
    const parents = [
      { assetId: a, shareBps: 1_000 },
      { assetId: b, shareBps: 2_000 },
      { assetId: c, shareBps: 3_000 },
    ];
    const quote = await quoteRemix(e.publicClient, {
      deployment: e.deployment,
      parents,
      remixer: e.carol.account.address,
    });
    expect(quote).to.deep.equal({
      licenceIds: [held.licenceId, 0n, 0n],
      termsVersions: [0, 1, 1],
      maxPrices: [
        { currency: ETH, amount: 0n },
        { currency: ETH, amount: 700n },
        { currency: usd, amount: 2_000_000n },
      ],
      totals: [
        { currency: ETH, amount: 700n },
        { currency: usd, amount: 2_000_000n },
      ],
      refused: [],
    });

    // Bob publishes new terms at the same price after the quote: the quoted registration reverts.
    await setTerms(e.bob, {
      deployment: e.deployment,
      assetId: b,
      kind: REMIX,
      terms: { allowed: true, currency: ETH, price: 700n, minShareBps: 5_000 },
    });
    await f.fundUsd(e, e.carol, 2_000_000n);
    const { licenceIds, termsVersions, maxPrices } = quote;
    const registration = {
      deployment: e.deployment,
      contentHash: keccak256(toHex("quoted remix")),
      metadataUri: "ipfs://quoted",
      parents,
    };
    const stale = await registerRemix(e.carol, {
      ...registration,
      licenceIds,
      termsVersions,
      maxPrices,
    }).catch((error: unknown) => error);
    expect(stale).to.have.property("errorName", "TermsVersionMismatch");
    expect(await f.balanceOf(e, e.carol.account.address, usd)).to.equal(2_000_000n);
  });

  it("names the parents whose remix terms refuse (or were never published)", async function () {
    const e = env();
    const [a, b] = [await f.original(e, e.alice, "ra"), await f.original(e, e.bob, "rb")];
    await f.allow(e, e.alice, a, REMIX);
    const quote = await quoteRemix(e.publicClient, {
      deployment: e.deployment,
      parents: [
        { assetId: a, shareBps: 1_000 },
        { assetId: b, shareBps: 1_000 },
      ],
      remixer: e.carol.account.address,
    });
    expect(quote.refused).to.deep.equal([b]);
    expect(quote.totals).to.deep.equal([]);
  });
});
