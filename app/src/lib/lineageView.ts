// Which part of a lineage is drawn: levels around the root (the root is level 0, its parents and
// children level 1, ...), plus the neighbours of nodes the user expanded. Large trees open small.
import type { Lineage } from "../../../sdk/index.js";

/** The drawn part of a lineage. */
export type LineageView = {
  /** The drawn asset ids. */
  nodeIds: Set<bigint>;
  /** The drawn parent links (both ends drawn). */
  edges: Lineage["edges"];
  /** Per drawn asset, how many of its neighbours in the lineage are not drawn. */
  hidden: Map<bigint, number>;
  /** The deepest level of the whole lineage. */
  maxLevel: number;
};

/**
 * The assets within `levels` links of the root, walking up through parents and down through
 * children as the lineage's edges allow, and the neighbours of every asset in `expanded`.
 */
export function lineageView(
  lineage: Pick<Lineage, "rootId" | "edges">,
  levels: number,
  expanded: ReadonlySet<bigint> = new Set(),
): LineageView {
  const neighbours = new Map<bigint, bigint[]>();
  const link = (from: bigint, to: bigint) =>
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
  for (const { childId, parentId } of lineage.edges) {
    link(childId, parentId);
    link(parentId, childId);
  }
  const level = new Map<bigint, number>([[lineage.rootId, 0]]);
  const queue = [lineage.rootId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of neighbours.get(id) ?? []) {
      if (level.has(next)) continue;
      level.set(next, level.get(id)! + 1);
      queue.push(next);
    }
  }
  const nodeIds = new Set(queue.filter((id) => level.get(id)! <= levels));
  // Expanding opens what is next to a drawn node; repeated, since that may draw another
  // expanded node.
  for (let grew = true; grew;) {
    grew = false;
    for (const id of expanded) {
      if (!nodeIds.has(id)) continue;
      for (const next of neighbours.get(id) ?? []) {
        if (!nodeIds.has(next)) {
          nodeIds.add(next);
          grew = true;
        }
      }
    }
  }
  const hidden = new Map<bigint, number>();
  for (const id of nodeIds) {
    const count = (neighbours.get(id) ?? []).filter((next) => !nodeIds.has(next)).length;
    if (count > 0) hidden.set(id, count);
  }
  return {
    nodeIds,
    edges: lineage.edges.filter((e) => nodeIds.has(e.childId) && nodeIds.has(e.parentId)),
    hidden,
    maxLevel: Math.max(0, ...level.values()),
  };
}
