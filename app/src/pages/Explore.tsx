// The home page: the latest assets (from the indexer) and a search by id or content hash.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isHex } from "viem";
import { getAssetIdOf } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { indexerQuery } from "../lib/indexerQuery.ts";
import { href } from "../lib/route.ts";

type Row = { id: string; owner: string; metadataURI: string; parentCount: number; childCount: number; depth: number };

/** `#/`: explore the registry. */
export function Explore() {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const [search, setSearch] = useState("");
  const [searchError, setSearchError] = useState<string | null>(null);
  const latest = useQuery({
    queryKey: ["latestAssets"],
    queryFn: () =>
      indexerQuery<{ assets: { totalCount: number; items: Row[] } }>(
        indexerUrl,
        `{ assets(limit: 20, orderBy: "id", orderDirection: "desc") { totalCount items { id owner metadataURI parentCount childCount depth } } }`,
      ),
    refetchInterval: 5_000,
  });
  const go = async () => {
    setSearchError(null);
    const text = search.trim();
    if (/^\d+$/.test(text)) {
      window.location.hash = href("asset", text);
    } else if (isHex(text) && text.length === 66) {
      try {
        const assetId = await getAssetIdOf(publicClient, { deployment, contentHash: text });
        if (assetId === null) setSearchError(`No asset is registered with content hash ${text}.`);
        else window.location.hash = href("asset", assetId);
      } catch (error) {
        setSearchError(errorSentence(error));
      }
    } else {
      setSearchError("Enter an asset id (a number) or a content hash (0x and 64 hex digits).");
    }
  };
  return (
    <>
      <section className="card" aria-label="Find an asset">
        <h2>Find an asset</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void go();
          }}
        >
          <input
            aria-label="Asset id or content hash"
            placeholder="Asset id or content hash"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />{" "}
          <button type="submit">Open</button>
        </form>
        {searchError && (
          <p role="alert" className="error">
            {searchError}
          </p>
        )}
      </section>
      <section className="card" aria-label="Latest assets">
        <h2>Latest assets{latest.data ? ` (of ${latest.data.assets.totalCount})` : ""}</h2>
        {latest.error && (
          <p role="alert" className="error">
            {errorSentence(latest.error)}
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th>Asset</th>
              <th>Metadata</th>
              <th>Parents</th>
              <th>Remixes</th>
              <th>Depth</th>
            </tr>
          </thead>
          <tbody>
            {latest.data?.assets.items.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={href("asset", row.id)}>#{row.id}</a> · <a href={href("lineage", row.id)}>lineage</a>
                </td>
                <td>{row.metadataURI}</td>
                <td>{row.parentCount}</td>
                <td>{row.childCount}</td>
                <td>{row.depth}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
