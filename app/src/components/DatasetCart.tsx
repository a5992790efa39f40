// The cart, priced on chain by the SDK (not the indexer): each asset's AI-training quote, the
// totals per currency, and the one bulk purchase held to those quotes; done only on its receipt.
import { useQuery } from "@tanstack/react-query";
import { type BuyLicencesReturnType, DEFAULT_DEADLINE_SECONDS, quoteLicences, UseKind } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import type { CartState } from "../lib/cart.ts";
import { buyDataset, datasetOrder } from "../lib/datasetPurchase.ts";
import { errorSentence } from "../lib/errors.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, tokenSymbol, useTokens } from "../lib/tokens.ts";
import { useApprovalContext } from "../lib/useApprovalContext.ts";
import { formatDuration } from "../lib/useKinds.ts";
import { useWrite } from "../lib/useWrite.ts";
import { DatasetPurchaseResult } from "./DatasetPurchaseResult.tsx";
import { WriteStatus } from "./WriteStatus.tsx";

/** The cart with its on-chain quote and Buy button. */
export function DatasetCart({ cart }: { cart: CartState }) {
  const { deployment, publicClient } = useRemix();
  const tokens = useTokens();
  const wallet = useApprovalContext();
  const write = useWrite<BuyLicencesReturnType>();
  const assetIds = cart.assetIds;
  // Quoted once per cart (and after each purchase attempt): what is bought is what was shown.
  const quotes = useQuery({
    queryKey: ["datasetQuotes", assetIds.map(String)],
    enabled: assetIds.length > 0,
    queryFn: () => quoteLicences(publicClient, { deployment, assetIds: [...assetIds], kind: UseKind.AITraining }),
  });
  const order = quotes.data && datasetOrder(quotes.data);
  const refused = quotes.data?.filter((quote) => !quote.allowed) ?? [];
  const amount = (value: bigint, token: `0x${string}`) =>
    value === 0n ? "free" : formatTokenAmount(value, token, tokens.data);
  const total = order && (order.totals.map((t) => amount(t.amount, t.currency)).join(" + ") || "free");
  const buy = async () => {
    if (!wallet || !order) return;
    const bought = await write.run((progress) => buyDataset(wallet.context, wallet.account, order, progress));
    if (bought) cart.remove(order.assetIds);
  };

  return (
    <section className="card" aria-label="Cart">
      <h2>Cart ({assetIds.length})</h2>
      {assetIds.length === 0 ? (
        <p className="muted">Add assets from the list to license them together.</p>
      ) : (
        <>
          {quotes.error && (
            <p role="alert" className="error">
              {errorSentence(quotes.error)}
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th>Asset</th>
                <th>Price (on chain)</th>
                <th>Licence</th>
                <th>Terms version</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {assetIds.map((id, index) => {
                const quote = quotes.data?.[index];
                return (
                  <tr key={String(id)} data-testid={`cart-${id}`}>
                    <td>
                      <a href={href("asset", id)}>#{String(id)}</a>
                    </td>
                    {!quote ? (
                      <td colSpan={3} aria-busy="true">
                        Quoting…
                      </td>
                    ) : quote.allowed ? (
                      <>
                        <td>{amount(quote.price, quote.currency)}</td>
                        <td>{formatDuration(quote.terms.duration)}</td>
                        <td>{quote.version}</td>
                      </>
                    ) : (
                      <td colSpan={3} className="error">
                        No longer offered for AI training (terms version {quote.version}).
                      </td>
                    )}
                    <td>
                      <button className="quiet" disabled={write.busy} onClick={() => cart.remove([id])}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {order && (
            <p data-testid="cart-totals">
              Total:{" "}
              {order.totals.length === 0
                ? "free"
                : order.totals.map((t, index) => (
                    <span key={t.currency}>
                      {index > 0 && " + "}
                      <strong data-testid={`cart-total-${tokenSymbol(t.currency, tokens.data)}`}>
                        {amount(t.amount, t.currency)}
                      </strong>
                    </span>
                  ))}
            </p>
          )}
          <p className="muted">
            One transaction buys every licence, in every currency (the contract takes one payment per currency). It is
            held to the terms versions above and capped at exactly these totals: if an owner has published new terms
            since this quote, it is refused and charges nothing. It must be included within{" "}
            {String(DEFAULT_DEADLINE_SECONDS / 60n)} minutes. Token totals are approved first: exactly the total, and
            only where your allowance falls short.
          </p>
          {refused.length > 0 && <p className="error">Remove the assets no longer offered to buy the others.</p>}
          {!wallet && <p>Connect your wallet to buy.</p>}
          <button onClick={buy} disabled={!wallet || !order || refused.length > 0 || quotes.isFetching || write.busy}>
            Buy {assetIds.length} licence{assetIds.length === 1 ? "" : "s"}
            {total && ` for ${total}`}
          </button>{" "}
          <button className="quiet" disabled={quotes.isFetching || write.busy} onClick={() => void quotes.refetch()}>
            Quote again
          </button>
        </>
      )}
      <WriteStatus state={write.state} />
      {write.state.kind === "confirmed" && <DatasetPurchaseResult result={write.state.result} />}
    </section>
  );
}
