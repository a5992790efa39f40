import type { Asset } from "../actions/public/getAsset.js";
import type { Lineage } from "../actions/public/getLineage.js";
import { formatBps } from "./formatBps.js";
import { printable } from "./printable.js";

/** How an asset is named in a drawn graph; default its id and metadata URI. */
export type LineageLabel = (asset: Asset) => string;

const defaultLabel: LineageLabel = (asset) => `#${asset.assetId} ${asset.metadataUri}`;

/**
 * A lineage as a Graphviz DOT digraph: one node per asset, one edge per parent link from the
 * remix to the parent it pays, labelled with the share. Render with `dot -Tsvg`.
 *
 * @example
 * writeFileSync("lineage.dot", formatLineageDot(await getLineage(client, { assetId: 1n })));
 */
export function formatLineageDot(lineage: Lineage, label: LineageLabel = defaultLabel): string {
  const quote = (text: string) =>
    `"${printable(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return [
    "digraph lineage {",
    "  rankdir=BT;",
    ...lineage.nodes.map(
      (asset) =>
        `  a${asset.assetId} [label=${quote(label(asset))}${asset.assetId === lineage.rootId ? ", style=bold" : ""}];`,
    ),
    ...lineage.edges.map(
      (edge) =>
        `  a${edge.childId} -> a${edge.parentId} [label=${quote(formatBps(edge.shareBps))}];`,
    ),
    "}",
  ].join("\n");
}

/**
 * A lineage as a Mermaid flowchart (for Markdown that renders Mermaid): remixes point to the
 * parents they pay, edges labelled with the share.
 *
 * @example
 * console.log(formatLineageMermaid(await getLineage(client, { assetId: 1n })));
 */
export function formatLineageMermaid(lineage: Lineage, label: LineageLabel = defaultLabel): string {
  const text = (value: string) => `"${printable(value).replace(/"/g, "#quot;")}"`;
  return [
    "flowchart BT",
    ...lineage.nodes.map((asset) => `  a${asset.assetId}[${text(label(asset))}]`),
    ...lineage.edges.map(
      (edge) => `  a${edge.childId} -- ${text(formatBps(edge.shareBps))} --> a${edge.parentId}`,
    ),
  ].join("\n");
}
