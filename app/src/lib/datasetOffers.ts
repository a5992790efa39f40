// The assets offered for AI training, from the indexer a page at a time (cursor pagination):
// the `currentTerms` in force that allow it, or, for a metadata search, the matching assets'.
import { type Address, getAddress } from "viem";
import { indexerQuery } from "./indexerQuery.ts";

/** One asset whose AI-training terms in force allow licensing, as the indexer has them. */
export type DatasetOffer = {
  assetId: bigint;
  metadataUri: string;
  /** The terms version in force. */
  version: number;
  currency: Address;
  price: bigint;
  /** Seconds a licence lasts; `0n`: perpetual. */
  duration: bigint;
};

/** What the list is narrowed to: an asset id or metadata text (empty: all), and a currency. */
export type OfferFilter = { text: string; currency: Address | null };

/** One page of offers. */
export type OfferPage = {
  offers: DatasetOffer[];
  /** Offers matching the filter or, for a metadata search, assets whose metadata matches. */
  totalCount: number;
  /** Whether `totalCount` counts offers or, for a metadata search, assets. */
  counts: "offers" | "assets";
  /** The cursor of the next page; `null` on the last. */
  next: string | null;
};

/** Rows a page asks for (the indexer serves at most 1,000). */
export const OFFER_PAGE_SIZE = 50;

const TERMS_FIELDS = "version currency price duration";

type TermsRow = { version: number; currency: string; price: string; duration: string };
type PageInfo = { endCursor: string | null; hasNextPage: boolean };
type OffersData = {
  currentTerms: {
    totalCount: number;
    pageInfo: PageInfo;
    items: (TermsRow & { assetId: string; asset: { metadataURI: string } | null })[];
  };
};
type AssetsData = {
  assets: {
    totalCount: number;
    pageInfo: PageInfo;
    items: { id: string; metadataURI: string; terms: { items: TermsRow[] } }[];
  };
};

/**
 * The GraphQL of one page: on `currentTerms` (AI training, allowed, in the currency, of the asset
 * when the text is an id), or on `assets` whose metadata contains the text (the indexer cannot
 * filter terms by their asset's fields), each with its AI-training terms if they allow it.
 */
export function offersQuery({ text, currency }: OfferFilter, after: string | null): string {
  const terms = ["kind: AITraining", "allowed: true"];
  if (currency) terms.push(`currency: ${JSON.stringify(currency.toLowerCase())}`);
  const page = `limit: ${OFFER_PAGE_SIZE}${after ? `, after: ${JSON.stringify(after)}` : ""}`;
  const pageInfo = "totalCount pageInfo { endCursor hasNextPage }";
  if (text === "" || /^\d+$/.test(text)) {
    if (text) terms.push(`assetId: "${BigInt(text)}"`);
    return `{ currentTerms(where: { ${terms.join(", ")} }, orderBy: "assetId", ${page}) { ${pageInfo} items { assetId ${TERMS_FIELDS} asset { metadataURI } } } }`;
  }
  const where = `metadataURI_contains_nocase: ${JSON.stringify(text)}`;
  return `{ assets(where: { ${where} }, orderBy: "id", ${page}) { ${pageInfo} items { id metadataURI terms(where: { ${terms.join(", ")} }) { items { ${TERMS_FIELDS} } } } } }`;
}

/** The offers of an answer to {@link offersQuery}. */
export function parseOffers(data: OffersData | AssetsData): OfferPage {
  const offer = (assetId: string, metadataUri: string, row: TermsRow): DatasetOffer => ({
    assetId: BigInt(assetId),
    metadataUri,
    version: row.version,
    currency: getAddress(row.currency),
    price: BigInt(row.price),
    duration: BigInt(row.duration),
  });
  const next = (info: PageInfo) => (info.hasNextPage ? info.endCursor : null);
  if ("currentTerms" in data) {
    const { items, totalCount, pageInfo } = data.currentTerms;
    return {
      offers: items.map((row) => offer(row.assetId, row.asset?.metadataURI ?? "", row)),
      totalCount,
      counts: "offers",
      next: next(pageInfo),
    };
  }
  const { items, totalCount, pageInfo } = data.assets;
  return {
    offers: items.flatMap((asset) =>
      asset.terms.items.map((row) => offer(asset.id, asset.metadataURI, row)),
    ),
    totalCount,
    counts: "assets",
    next: next(pageInfo),
  };
}

/** One page of offers matching `filter`, after the cursor `after` (`null`: the first page). */
export async function fetchOffers(
  indexerUrl: string,
  filter: OfferFilter,
  after: string | null,
): Promise<OfferPage> {
  return parseOffers(
    await indexerQuery<OffersData | AssetsData>(indexerUrl, offersQuery(filter, after)),
  );
}
