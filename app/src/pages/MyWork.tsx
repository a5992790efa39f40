// My work: every asset the wallet owns and, per token, what it can claim now, what is in transit
// from remixes below, and what it earned in all; then Claim everything.
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { getBalances, getEarnings } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, tokenSymbol, useTokens } from "../lib/tokens.ts";
import { ClaimEverything } from "./ClaimEverything.tsx";

/** The creator's page. */
export function MyWork() {
  const { address } = useConnection();
  if (!address) return <p>Connect your wallet to see what your work earned.</p>;
  return <OwnerWork owner={address} />;
}

function OwnerWork({ owner }: { owner: Address }) {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const tokens = useTokens();
  const earnings = useQuery({
    queryKey: ["earnings", owner],
    queryFn: () => getEarnings(publicClient, { deployment, owner, indexer: indexerUrl }),
    refetchInterval: 5_000,
  });
  const tokenList = tokens.data?.map((t) => t.address) ?? [];
  const balances = useQuery({
    queryKey: ["ownedBalances", owner, earnings.data?.assetIds.map(String), tokenList],
    enabled: earnings.data !== undefined && tokens.data !== undefined,
    queryFn: () =>
      getBalances(publicClient, {
        deployment,
        assetIds: earnings.data?.assetIds ?? [],
        tokens: tokenList,
      }),
  });
  const amount = (value: bigint, token: Address) => formatTokenAmount(value, token, tokens.data);

  if (earnings.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(earnings.error)}
      </p>
    );
  }
  if (!earnings.data) return <p aria-busy="true">Reading your earnings…</p>;
  const { assetIds } = earnings.data;
  return (
    <>
      <section className="card" aria-label="Earnings">
        <h2>Earnings</h2>
        {earnings.data.earnings.length === 0 ? (
          <p>Your assets have not earned anything yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Token</th>
                <th>Claimable now</th>
                <th>In transit from remixes</th>
                <th>Lifetime earned</th>
              </tr>
            </thead>
            <tbody>
              {earnings.data.earnings.map((t) => (
                <tr key={t.token} data-testid={`earnings-${tokenSymbol(t.token, tokens.data)}`}>
                  <td>{tokenSymbol(t.token, tokens.data)}</td>
                  <td data-testid="claimable">{amount(t.claimableNow, t.token)}</td>
                  <td data-testid="in-transit">{amount(t.inTransit, t.token)}</td>
                  <td data-testid="lifetime">{amount(t.lifetimeEarned, t.token)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">As indexed at block {String(earnings.data.blockNumber)}.</p>
      </section>
      <ClaimEverything owner={owner} />
      <section className="card" aria-label="Your assets">
        <h2>Your assets ({assetIds.length})</h2>
        {assetIds.length === 0 ? (
          <p>
            You hold no assets yet: <a href={href("register")}>register one</a>.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Asset</th>
                {tokens.data?.map((t) => (
                  <th key={t.address}>Collectable in {t.symbol}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {assetIds.slice(0, 500).map((assetId) => (
                <tr key={String(assetId)}>
                  <td>
                    <a href={href("asset", assetId)}>#{String(assetId)}</a> ·{" "}
                    <a href={href("lineage", assetId)}>lineage</a>
                  </td>
                  {tokens.data?.map((t) => {
                    const balance = balances.data?.find((b) => b.assetId === assetId && b.token === t.address);
                    return <td key={t.address}>{balance ? amount(balance.collectable, t.address) : "…"}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {assetIds.length > 500 && <p className="muted">The first 500 of {assetIds.length}.</p>}
      </section>
    </>
  );
}
