// The lineage explorer: an asset's ancestors and descendants as a layered graph, each link
// labelled with its share; levels open and close, and any node opens its asset page. The layout
// runs in a Web Worker, so a 1,000-node tree never freezes the page.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatBps, getLineage } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { createLineageLayouter } from "../lib/lineageLayouter.ts";
import { lineageView } from "../lib/lineageView.ts";
import { href } from "../lib/route.ts";

/** `#/lineage/<id>`. */
export function Lineage({ assetId }: { assetId: bigint }) {
  const { deployment, indexerUrl, publicClient } = useRemix();
  const [levels, setLevels] = useState(2);
  const [expanded, setExpanded] = useState<ReadonlySet<bigint>>(new Set());
  const lineage = useQuery({
    queryKey: ["lineage", String(assetId)],
    queryFn: () => getLineage(publicClient, { deployment, assetId, direction: "both", indexer: indexerUrl }),
  });
  const view = useMemo(
    () => (lineage.data ? lineageView(lineage.data, levels, expanded) : undefined),
    [lineage.data, levels, expanded],
  );
  // Laid out in a worker, started as the page opens (ELK loads in it while the lineage is read)
  // and ended with it; the query's signal drops a layout the page no longer wants (levels changed
  // again before it came back).
  const [layouter] = useState(() => createLineageLayouter());
  useEffect(() => {
    layouter.start();
    return () => layouter.terminate();
  }, [layouter]);
  const layout = useQuery({
    queryKey: ["lineageLayout", String(assetId), levels, [...expanded].map(String), lineage.dataUpdatedAt],
    enabled: view !== undefined,
    queryFn: ({ signal }) => layouter.layout(view!, signal),
    placeholderData: (previous) => previous,
    // A view's layout never changes, and one that failed would fail again.
    staleTime: Infinity,
    retry: false,
  });

  // The root in view: a wide tree would otherwise open on its left edge.
  const graphBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = graphBox.current;
    const rootNode = layout.data?.nodes.find((n) => n.id === assetId);
    if (box && rootNode) {
      box.scrollLeft = rootNode.x + rootNode.width / 2 - box.clientWidth / 2;
      box.scrollTop = rootNode.y - box.clientHeight / 3;
    }
  }, [layout.data, assetId]);

  if (lineage.error) {
    return (
      <p role="alert" className="error">
        {errorSentence(lineage.error)}
      </p>
    );
  }
  if (!lineage.data || !view) return <p aria-busy="true">Reading the lineage of #{String(assetId)}…</p>;
  const { ancestors, descendants } = lineage.data;
  const all = lineage.data.nodes.length;
  return (
    <section className="card lineage" aria-label="Lineage">
      <h2>
        Lineage of <a href={href("asset", assetId)}>#{String(assetId)}</a>
      </h2>
      <p>
        {ancestors.length} ancestors, {descendants.length} descendants; showing{" "}
        <strong data-testid="shown-count">{view.nodeIds.size}</strong> of {all} assets ({levels} level
        {levels === 1 ? "" : "s"} around it).{" "}
        <button disabled={levels === 0} onClick={() => setLevels(levels - 1)}>
          Collapse a level
        </button>{" "}
        <button disabled={levels >= view.maxLevel} onClick={() => setLevels(levels + 1)}>
          Expand a level
        </button>{" "}
        <button disabled={levels >= view.maxLevel} onClick={() => setLevels(view.maxLevel)}>
          Expand all
        </button>{" "}
        {layout.isFetching && (
          <span role="status" aria-busy="true">
            Laying out {view.nodeIds.size} asset{view.nodeIds.size === 1 ? "" : "s"}…
          </span>
        )}
      </p>
      {layout.error && (
        <p role="alert" className="error">
          {layout.error.message}
        </p>
      )}
      <div className="graph" data-testid="lineage-graph" ref={graphBox} aria-busy={layout.isFetching}>
        {layout.data && (
          <svg
            width={layout.data.width + 20}
            height={layout.data.height + 20}
            role="img"
            aria-label={`Lineage graph of asset ${assetId}`}
          >
            <g transform="translate(10 10)">
              {layout.data.edges.map((e) => (
                <g key={`${e.parentId}>${e.childId}`} className="edge">
                  <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(" ")} />
                  <text x={e.label.x + 4} y={e.label.y}>
                    {formatBps(e.shareBps)}
                  </text>
                </g>
              ))}
              {layout.data.nodes.map((n) => {
                const hidden = view.hidden.get(n.id);
                return (
                  <g
                    key={String(n.id)}
                    className={n.id === assetId ? "node root" : "node"}
                    transform={`translate(${n.x} ${n.y})`}
                    data-asset={String(n.id)}
                  >
                    <a href={href("asset", n.id)}>
                      <rect width={n.width} height={n.height} rx={6} />
                      <text x={n.width / 2} y={n.height / 2 + 4} textAnchor="middle">
                        #{String(n.id)}
                      </text>
                    </a>
                    {hidden !== undefined && (
                      <g
                        className="expand"
                        role="button"
                        aria-label={`Show ${hidden} more next to #${n.id}`}
                        onClick={() => setExpanded(new Set([...expanded, n.id]))}
                      >
                        <circle cx={n.width} cy={0} r={10} />
                        <text x={n.width} y={4} textAnchor="middle">
                          +{hidden}
                        </text>
                      </g>
                    )}
                  </g>
                );
              })}
            </g>
          </svg>
        )}
      </div>
    </section>
  );
}
