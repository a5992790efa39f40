// Finds assets to remix by id, content hash or words of their metadata URI (from the indexer).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { indexerQuery } from "../lib/indexerQuery.ts";

type Found = { id: string; metadataURI: string; contentHash: string };

/** The indexer query for `text`: one asset by id or hash, else metadata URIs containing it. */
function searchQuery(text: string): string {
  const fields = "items { id metadataURI contentHash }";
  if (/^\d+$/.test(text)) return `{ assets(where: { id: "${text}" }) { ${fields} } }`;
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) {
    return `{ assets(where: { contentHash: "${text.toLowerCase()}" }) { ${fields} } }`;
  }
  return `{ assets(where: { metadataURI_contains: ${JSON.stringify(text)} }, limit: 10, orderBy: "id") { ${fields} } }`;
}

/** A search box and its results, each with an "Add as parent" button. */
export function ParentSearch({ chosen, onAdd }: { chosen: readonly bigint[]; onAdd(assetId: bigint): void }) {
  const { indexerUrl } = useRemix();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const results = useQuery({
    queryKey: ["parentSearch", query],
    enabled: query !== "",
    queryFn: () => indexerQuery<{ assets: { items: Found[] } }>(indexerUrl, searchQuery(query)),
  });
  return (
    <div aria-label="Find parents">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(text.trim());
        }}
      >
        <input
          aria-label="Parent id, content hash or title"
          placeholder="Asset id, content hash or words of its metadata URI"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />{" "}
        <button type="submit">Search</button>
      </form>
      {results.error && (
        <p role="alert" className="error">
          {errorSentence(results.error)}
        </p>
      )}
      {results.data && results.data.assets.items.length === 0 && <p>No asset matches “{query}”.</p>}
      <ul>
        {results.data?.assets.items.map((asset) => (
          <li key={asset.id}>
            #{asset.id} {asset.metadataURI}{" "}
            <button
              className="quiet"
              disabled={chosen.includes(BigInt(asset.id))}
              onClick={() => onAdd(BigInt(asset.id))}
            >
              Add #{asset.id} as parent
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
