import type { Asset } from "../actions/public/getAsset.js";
import type { Lineage } from "../actions/public/getLineage.js";
import { buildLineageGraph, type LineageEdge } from "../utils/lineageGraph.js";
import { formatBps } from "./formatBps.js";
import { printable } from "./printable.js";

/** Options of {@link formatLineageTree}. */
export type FormatLineageTreeOptions = {
  /** How an asset is named; default its id and metadata URI. */
  label?: ((asset: Asset) => string) | undefined;
  /** The most children or parents drawn under one asset; the rest are counted. Default 20. */
  maxBranches?: number | undefined;
};

/**
 * A lineage drawn as text trees: the root's remixes below it (each with the share it pays its
 * parent), then, when walked, what the root remixes (each with the share it gets from its
 * child). An asset reached twice (a remix of two assets of the lineage) is drawn once and then
 * referred to. Control characters in labels are replaced, so on-chain text cannot spoof the tree.
 *
 * @example
 * console.log(formatLineageTree(await getLineage(client, { assetId: 1n })));
 * // #1 ipfs://a
 * // ├─ #2 ipfs://b  pays 30.00%
 * // │  └─ #3 ipfs://c  pays 30.00%
 * // └─ … 9,998 more
 */
export function formatLineageTree(
  lineage: Lineage,
  options: FormatLineageTreeOptions = {},
): string {
  const { label = defaultLabel, maxBranches = 20 } = options;
  const assets = new Map(lineage.nodes.map((asset) => [asset.assetId, asset]));
  const { children, parents } = buildLineageGraph(lineage.edges);
  const name = (id: bigint) => {
    const asset = assets.get(id);
    return asset ? printable(label(asset)) : `#${id}`;
  };
  const lines = [name(lineage.rootId)];
  const draw = (
    id: bigint,
    prefix: string,
    branches: ReadonlyMap<bigint, readonly LineageEdge[]>,
    next: (edge: LineageEdge) => bigint,
    share: string,
    drawn: Set<bigint>,
  ) => {
    const edges = branches.get(id) ?? [];
    const shown = edges.slice(0, maxBranches);
    const hidden = edges.length - shown.length;
    shown.forEach((edge, index) => {
      const last = index === shown.length - 1 && hidden === 0;
      const target = next(edge);
      const seen = drawn.has(target);
      lines.push(
        `${prefix}${last ? "└─ " : "├─ "}${name(target)}  ${share} ${formatBps(edge.shareBps)}${seen ? "  (drawn above)" : ""}`,
      );
      if (seen) return;
      drawn.add(target);
      draw(target, `${prefix}${last ? "   " : "│  "}`, branches, next, share, drawn);
    });
    if (hidden > 0) lines.push(`${prefix}└─ … ${hidden.toLocaleString("en-US")} more`);
  };
  draw(lineage.rootId, "", children, (edge) => edge.childId, "pays", new Set([lineage.rootId]));
  if (lineage.ancestors.length > 0) {
    lines.push("", `${name(lineage.rootId)} remixes:`);
    draw(lineage.rootId, "", parents, (edge) => edge.parentId, "gets", new Set([lineage.rootId]));
  }
  return lines.join("\n");
}

function defaultLabel(asset: Asset): string {
  return `#${asset.assetId} ${asset.metadataUri}`;
}
