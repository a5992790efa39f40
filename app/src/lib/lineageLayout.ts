// The lineage drawn as layers (parents above their remixes) by ELK's layered algorithm. No page
// state: the layout worker (lineageLayoutWorker.ts) runs it off the main thread, tests directly.
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { LineageView } from "./lineageView.ts";

/** A placed asset. */
export type PlacedNode = { id: bigint; x: number; y: number; width: number; height: number };
/** A routed parent link: its polyline and where its share label goes. */
export type PlacedEdge = {
  childId: bigint;
  parentId: bigint;
  shareBps: number;
  points: { x: number; y: number }[];
  label: { x: number; y: number };
};
/** What a layout needs of a view: the drawn assets and links. */
export type LayoutInput = Pick<LineageView, "nodeIds" | "edges">;
/** A laid-out lineage. */
export type LineageLayout = {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
};

/** A node's box, in SVG pixels. */
export const NODE_WIDTH = 96;
/** A node's box, in SVG pixels. */
export const NODE_HEIGHT = 40;

const elk = new ELK();

/** Lays out `view`: one ELK layered run, parents on top, orthogonal edges. */
export async function layoutLineage(view: LayoutInput): Promise<LineageLayout> {
  const input: ElkNode = {
    id: "lineage",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "POLYLINE",
      "elk.layered.spacing.nodeNodeBetweenLayers": "48",
      "elk.spacing.nodeNode": "16",
      // Linear-time placement: network simplex is far slower on 1,000-node trees.
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
    },
    children: [...view.nodeIds].map((id) => ({
      id: String(id),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    })),
    edges: view.edges.map((e) => ({
      id: `${e.parentId}>${e.childId}`,
      sources: [String(e.parentId)],
      targets: [String(e.childId)],
    })),
  };
  const graph = await elk.layout(input);
  const shares = new Map(view.edges.map((e) => [`${e.parentId}>${e.childId}`, e]));
  return {
    nodes: (graph.children ?? []).map((n) => ({
      id: BigInt(n.id),
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? NODE_WIDTH,
      height: n.height ?? NODE_HEIGHT,
    })),
    edges: (graph.edges ?? []).map((e) => {
      const edge = shares.get(e.id)!;
      const section = e.sections?.[0];
      const points = section
        ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
        : [];
      const middle = points[Math.floor((points.length - 1) / 2)] ?? { x: 0, y: 0 };
      const next = points[Math.floor((points.length - 1) / 2) + 1] ?? middle;
      return {
        ...edge,
        points,
        label: { x: (middle.x + next.x) / 2, y: (middle.y + next.y) / 2 },
      };
    }),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}
