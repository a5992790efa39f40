import { getAddress, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { OFFER_PAGE_SIZE, offersQuery, parseOffers } from "./datasetOffers.ts";

const USD = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("dataset offers", () => {
  it("asks the terms in force that allow AI training, by currency and asset id, a page at a time", () => {
    expect(offersQuery({ text: "", currency: null }, null)).toBe(
      `{ currentTerms(where: { kind: AITraining, allowed: true }, orderBy: "assetId", limit: ${OFFER_PAGE_SIZE}) { totalCount pageInfo { endCursor hasNextPage } items { assetId version currency price duration asset { metadataURI } } } }`,
    );
    const query = offersQuery({ text: "0012", currency: USD }, "cursor");
    expect(query).toContain(
      `where: { kind: AITraining, allowed: true, currency: "${USD.toLowerCase()}", assetId: "12" }`,
    );
    expect(query).toContain(`limit: ${OFFER_PAGE_SIZE}, after: "cursor"`);
  });

  it("searches metadata on the assets, with their AI-training terms, and escapes the text", () => {
    const query = offersQuery({ text: 'say "hi"', currency: null }, null);
    expect(query).toContain(
      `assets(where: { metadataURI_contains_nocase: "say \\"hi\\"" }, orderBy: "id"`,
    );
    expect(query).toContain(
      "terms(where: { kind: AITraining, allowed: true }) { items { version currency price duration } }",
    );
  });

  it("reads either answer as offers, with the next cursor only while there is a next page", () => {
    const terms = { version: 2, currency: USD.toLowerCase(), price: "5000000", duration: "86400" };
    const offers = parseOffers({
      currentTerms: {
        totalCount: 3,
        pageInfo: { endCursor: "c1", hasNextPage: true },
        items: [{ assetId: "7", ...terms, asset: { metadataURI: "ipfs://seven" } }],
      },
    });
    expect(offers).toEqual({
      offers: [
        {
          assetId: 7n,
          metadataUri: "ipfs://seven",
          version: 2,
          currency: getAddress(USD),
          price: 5_000_000n,
          duration: 86_400n,
        },
      ],
      totalCount: 3,
      counts: "offers",
      next: "c1",
    });
    const assets = parseOffers({
      assets: {
        totalCount: 2,
        pageInfo: { endCursor: "c2", hasNextPage: false },
        items: [
          { id: "8", metadataURI: "ipfs://eight", terms: { items: [] } },
          {
            id: "9",
            metadataURI: "ipfs://nine",
            terms: { items: [{ ...terms, currency: zeroAddress, price: "0" }] },
          },
        ],
      },
    });
    expect(assets.offers.map((o) => [o.assetId, o.metadataUri, o.price])).toEqual([
      [9n, "ipfs://nine", 0n],
    ]);
    expect(assets).toMatchObject({ totalCount: 2, counts: "assets", next: null });
  });
});
