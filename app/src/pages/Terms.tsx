// An asset's terms: per use kind the version in force (editable by its owner) and every version
// published before, as licences bought under them keep them.
import { useQuery } from "@tanstack/react-query";
import { useConnection } from "wagmi";
import { formatBps, getAsset, getTerms } from "../../../sdk/index.js";
import { TermsForm } from "../components/TermsForm.tsx";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { indexerQuery } from "../lib/indexerQuery.ts";
import { href } from "../lib/route.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";
import { useApprovalContext } from "../lib/useApprovalContext.ts";
import { formatDuration, KINDS } from "../lib/useKinds.ts";

type VersionRow = {
  kind: string;
  version: number;
  allowed: boolean;
  currency: `0x${string}`;
  price: string;
  duration: string;
  minShareBps: number;
  documentURI: string;
  timestamp: string;
};

/** `#/terms/<id>`. */
export function Terms({ assetId }: { assetId: bigint }) {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const { address } = useConnection();
  const write = useApprovalContext();
  const tokens = useTokens();
  const current = useQuery({
    queryKey: ["terms", String(assetId)],
    queryFn: async () => {
      const [asset, ...terms] = await Promise.all([
        getAsset(publicClient, { deployment, assetId }),
        ...KINDS.map(({ kind }) => getTerms(publicClient, { deployment, assetId, kind })),
      ]);
      return { asset, terms };
    },
  });
  const history = useQuery({
    queryKey: ["termsHistory", String(assetId)],
    queryFn: () =>
      indexerQuery<{ termsVersions: { items: VersionRow[] } }>(
        indexerUrl,
        `{ termsVersions(where: { assetId: "${assetId}" }, orderBy: "version", orderDirection: "desc", limit: 100) {
          items { kind version allowed currency price duration minShareBps documentURI timestamp } } }`,
      ),
    refetchInterval: 5_000,
  });
  if (current.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(current.error)}
      </p>
    );
  }
  if (!current.data || !tokens.data) return <p aria-busy="true">Reading the terms of asset #{String(assetId)}…</p>;
  const { asset, terms } = current.data;
  const owner = address?.toLowerCase() === asset.owner.toLowerCase();
  return (
    <>
      <section className="card" aria-label="Terms">
        <h2>
          Terms of <a href={href("asset", assetId)}>asset #{String(assetId)}</a>
        </h2>
        <p className="muted">
          {owner
            ? "You own this asset: each kind's terms you publish become a new version; licences already sold keep theirs."
            : `Only its owner (${asset.owner}) or its revenue manager can publish its terms.`}
        </p>
      </section>
      <div className="terms-grid">
        {KINDS.map((info, index) => (
          <TermsForm
            key={info.name}
            assetId={assetId}
            info={info}
            current={terms[index]!}
            tokens={tokens.data}
            write={write}
          />
        ))}
      </div>
      <section className="card" aria-label="Version history">
        <h2>Version history</h2>
        {history.error && (
          <p role="alert" className="error">
            {errorSentence(history.error)}
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th>Use</th>
              <th>Version</th>
              <th>Terms</th>
              <th>Published</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.termsVersions.items.map((row) => {
              const info = KINDS.find((k) => k.name === row.kind);
              return (
                <tr key={`${row.kind}:${row.version}`} data-testid={`history-${row.kind}-${row.version}`}>
                  <td>{info?.label ?? row.kind}</td>
                  <td>{row.version}</td>
                  <td>
                    {row.allowed
                      ? [
                          formatTokenAmount(BigInt(row.price), row.currency, tokens.data),
                          info?.hasDuration && formatDuration(BigInt(row.duration)),
                          info?.hasMinShare && `at least ${formatBps(row.minShareBps)} to this work`,
                          row.documentURI,
                        ]
                          .filter(Boolean)
                          .join(" · ")
                      : "refused"}
                  </td>
                  <td>{new Date(Number(row.timestamp) * 1000).toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {history.data?.termsVersions.items.length === 0 && <p>No terms published yet: every use is refused.</p>}
      </section>
    </>
  );
}
