// The assets offered for AI training (the indexer's terms in force), narrowed by id, metadata or
// currency, a page at a time, each with its cart button. Prices here are the indexer's: the cart
// quotes them again on chain.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type Address, getAddress } from "viem";
import { useRemix } from "../context.ts";
import type { CartState } from "../lib/cart.ts";
import { fetchOffers } from "../lib/datasetOffers.ts";
import { errorSentence } from "../lib/errors.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";
import { formatDuration } from "../lib/useKinds.ts";

/** The offers list with its filters. */
export function DatasetOffers({ cart }: { cart: CartState }) {
  const { indexerUrl } = useRemix();
  const tokens = useTokens();
  const [text, setText] = useState("");
  const [currency, setCurrency] = useState<Address | null>(null);
  const search = useSettled(text.trim(), 300);
  const offers = useInfiniteQuery({
    queryKey: ["datasetOffers", indexerUrl, search, currency],
    queryFn: ({ pageParam }) => fetchOffers(indexerUrl, { text: search, currency }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    // The last list stays while the next filter's is read.
    placeholderData: keepPreviousData,
  });
  const first = offers.data?.pages[0];
  const rows = offers.data?.pages.flatMap((page) => page.offers) ?? [];
  return (
    <section className="card" aria-label="Offers">
      <h2>Assets offered for AI training</h2>
      <p>
        <input
          aria-label="Filter by asset id or metadata"
          placeholder="Asset id or metadata text"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />{" "}
        <select
          aria-label="Currency"
          value={currency ?? ""}
          onChange={(event) => setCurrency(event.target.value ? getAddress(event.target.value) : null)}
        >
          <option value="">Any currency</option>
          {tokens.data?.map((token) => (
            <option key={token.address} value={token.address}>
              {token.symbol}
            </option>
          ))}
        </select>
      </p>
      {offers.error && (
        <p role="alert" className="error">
          {errorSentence(offers.error)}
        </p>
      )}
      {first && (
        <p className="muted" data-testid="offer-count">
          {first.counts === "offers"
            ? `${first.totalCount} asset${first.totalCount === 1 ? "" : "s"} offered for AI training${search || currency ? " match the filter" : ""}.`
            : `${first.totalCount} asset${first.totalCount === 1 ? "" : "s"} with “${search}” in their metadata; those offered for AI training:`}
        </p>
      )}
      {!offers.data && !offers.error && <p aria-busy="true">Reading the offers…</p>}
      {rows.length > 0 && (
        <table aria-busy={offers.isFetching}>
          <thead>
            <tr>
              <th>Asset</th>
              <th>Metadata</th>
              <th>Price (indexed)</th>
              <th>Licence</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((offer) => {
              const id = offer.assetId;
              const inCart = cart.assetIds.includes(id);
              return (
                <tr key={String(id)} data-testid={`offer-${id}`}>
                  <td>
                    <a href={href("asset", id)}>#{String(id)}</a>
                  </td>
                  <td className="mono">{offer.metadataUri}</td>
                  <td>{offer.price === 0n ? "free" : formatTokenAmount(offer.price, offer.currency, tokens.data)}</td>
                  <td>{formatDuration(offer.duration)}</td>
                  <td>
                    {inCart ? (
                      <button
                        className="quiet"
                        aria-label={`Remove asset ${id} from the cart`}
                        onClick={() => cart.remove([id])}
                      >
                        Remove
                      </button>
                    ) : (
                      <button aria-label={`Add asset ${id} to the cart`} onClick={() => cart.add(id)}>
                        Add to cart
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {offers.data && rows.length === 0 && !offers.hasNextPage && <p>No asset offered for AI training matches.</p>}
      {offers.hasNextPage && (
        <button className="quiet" disabled={offers.isFetchingNextPage} onClick={() => void offers.fetchNextPage()}>
          {offers.isFetchingNextPage ? "Reading…" : "Show more"}
        </button>
      )}
    </section>
  );
}

/** `value`, once it has stayed the same for `ms` milliseconds: the indexer is asked per pause, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
