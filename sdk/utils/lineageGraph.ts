import type { Deployment } from "../deployments/deployment.js";
import { scanProtocolLogs } from "./protocolLogs.js";
import type { LogScanParameters } from "./scanBlocks.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** One parent link: `childId` names `parentId` as a parent with `shareBps`. */
export type LineageEdge = {
  childId: bigint;
  parentId: bigint;
  shareBps: number;
};

/** The whole remix graph, indexed both ways. */
export type LineageGraph = {
  /** Each remix's parent links, in registration order (the order `split` pays them in). */
  parents: ReadonlyMap<bigint, readonly LineageEdge[]>;
  /** Each asset's child links, in registration order of the children. */
  children: ReadonlyMap<bigint, readonly LineageEdge[]>;
};

/** Indexes parent links, given in the order the protocol emitted them. */
export function buildLineageGraph(edges: readonly LineageEdge[]): LineageGraph {
  const parents = new Map<bigint, LineageEdge[]>();
  const children = new Map<bigint, LineageEdge[]>();
  for (const edge of edges) {
    append(parents, edge.childId, edge);
    append(children, edge.parentId, edge);
  }
  return { parents, children };
}

/**
 * The whole graph at `toBlock`, from the protocol's `ParentLinked` logs: one `eth_getLogs`
 * request (or one per `maxBlockRange` blocks), whatever the graph's size or depth.
 */
export async function fetchLineageGraph(
  client: AnyClient,
  deployment: Deployment,
  parameters: { toBlock: bigint } & LogScanParameters,
): Promise<LineageGraph> {
  const logs = await scanProtocolLogs(client, deployment, {
    ...parameters,
    eventName: "ParentLinked",
  });
  return buildLineageGraph(logs.map(({ args }) => ({ ...args })));
}

/**
 * Every asset reachable from `startIds` in one or more steps towards `direction`, ascending.
 * A start appears only if it is reachable from another start.
 */
export function reachable(
  graph: LineageGraph,
  startIds: readonly bigint[],
  direction: "ancestors" | "descendants",
): bigint[] {
  const seen = new Set<bigint>();
  const queue = [...startIds];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const links = direction === "ancestors" ? graph.parents.get(next) : graph.children.get(next);
    for (const link of links ?? []) {
      const id = direction === "ancestors" ? link.parentId : link.childId;
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return ascending([...seen]);
}

/** `ids` ascending, without duplicates. */
export function ascending(ids: Iterable<bigint>): bigint[] {
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `ids` in an order where every child comes before its parents, so `splitMany` moves money
 * several hops in one call. Descending id order is one: a remix's parents exist when it is
 * registered and ids are assigned sequentially, so every parent has a smaller id than its child.
 */
export function childrenFirst(ids: Iterable<bigint>): bigint[] {
  return ascending(ids).reverse();
}

function append<key, value>(map: Map<key, value[]>, key: key, value: value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
