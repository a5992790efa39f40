// An asset's page: owner, creator, content hash, metadata, parents with their shares, and what it
// holds per token.
import { useQuery } from "@tanstack/react-query";
import { formatBps, getAsset, getBalances, getParents } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";

/** `#/asset/<id>`. */
export function AssetPage({ assetId }: { assetId: bigint }) {
  const { deployment, publicClient } = useRemix();
  const tokens = useTokens();
  const asset = useQuery({
    queryKey: ["asset", String(assetId)],
    queryFn: async () => {
      const [details, parents] = await Promise.all([
        getAsset(publicClient, { deployment, assetId }),
        getParents(publicClient, { deployment, assetId }),
      ]);
      return { details, parents };
    },
  });
  const balances = useQuery({
    queryKey: ["assetBalances", String(assetId), tokens.data?.map((t) => t.address)],
    enabled: tokens.data !== undefined,
    queryFn: () =>
      getBalances(publicClient, {
        deployment,
        assetIds: [assetId],
        tokens: tokens.data!.map((t) => t.address),
      }),
  });
  if (asset.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(asset.error)}
      </p>
    );
  }
  if (!asset.data) return <p aria-busy="true">Reading asset #{String(assetId)}…</p>;
  const { details, parents } = asset.data;
  return (
    <section className="card" aria-label={`Asset ${assetId}`}>
      <h2>Asset #{String(assetId)}</h2>
      <dl>
        <dt>Owner</dt>
        <dd data-testid="owner">{details.owner}</dd>
        <dt>Creator</dt>
        <dd>{details.creator}</dd>
        <dt>Content hash</dt>
        <dd className="mono">{details.contentHash}</dd>
        <dt>Metadata</dt>
        <dd>{details.metadataUri || "none"}</dd>
        <dt>Registered</dt>
        <dd>{new Date(Number(details.createdAt) * 1000).toISOString()}</dd>
        <dt>Remixes of it</dt>
        <dd>{details.childCount}</dd>
      </dl>
      <h3>Parents</h3>
      {parents.length === 0 ? (
        <p>An original: it has no parents.</p>
      ) : (
        <ul>
          {parents.map((p) => (
            <li key={String(p.assetId)}>
              <a href={href("asset", p.assetId)}>#{String(p.assetId)}</a> is owed {formatBps(p.shareBps)} of its revenue
            </li>
          ))}
        </ul>
      )}
      <h3>Held for it</h3>
      <ul>
        {balances.data?.map((b) => (
          <li key={b.token}>
            {formatTokenAmount(b.collectable, b.token, tokens.data)} collectable (
            {formatTokenAmount(b.held, b.token, tokens.data)} held)
          </li>
        ))}
      </ul>
      <p>
        <a href={href("lineage", assetId)}>Explore its lineage</a> · <a href={href("terms", assetId)}>Its terms</a> ·{" "}
        <a href={href("remix", assetId)}>Remix it</a>
      </p>
    </section>
  );
}
