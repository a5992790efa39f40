import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import { chunk } from "./chunk.js";
import {
  buildLineageGraph,
  fetchLineageGraph,
  type LineageEdge,
  type LineageGraph,
} from "./lineageGraph.js";
import { scanProtocolLogs } from "./protocolLogs.js";
import { readContracts } from "./readContracts.js";
import type { LogScanParameters } from "./scanBlocks.js";
import type { AnyClient } from "./sendPreparedCall.js";

/**
 * Up to this many assets, a lineage read scans every parent link (one or a few requests, at most
 * a few MB); above it, it walks from the asset level by level asking only for its links.
 */
export const WHOLE_GRAPH_MAX_ASSETS = 2_000n;
/** A walk deeper than this many levels, or with a level wider than a 64th of the protocol's
 * assets or than WALK_MAX_FRONTIER, falls back to the whole graph. */
const WALK_MAX_LEVELS = 64;
const WALK_MAX_FRONTIER = 4_096n;
/** Asset ids per `eth_getLogs` topic (an OR of ids in one request). */
const IDS_PER_REQUEST = 256;

/** Which side of an asset a lineage read walks. */
export type LineageSide = "ancestors" | "descendants" | "both";

/**
 * The part of the remix graph at `toBlock` around `assetIds` towards `direction`: the assets
 * reachable from them that way and, for each of these members, every parent link it has (so
 * splits can be simulated) and its child links to other members, indexed as
 * {@link buildLineageGraph} does. On a protocol of at most {@link WHOLE_GRAPH_MAX_ASSETS} assets,
 * the whole graph; on a larger one, only those links, found level by level with `ParentLinked`
 * topic filters (the child's id going up, the parent's going down), so a remix's ancestors cost
 * a few small requests however many assets the protocol holds. A walk that grows past a depth of
 * 64, or a level of more than a 64th of the assets (at most 4,096), falls back to the whole
 * graph, which bounds its requests.
 */
export async function fetchLineageAround(
  client: AnyClient,
  deployment: Deployment,
  {
    assetIds,
    direction,
    toBlock,
    ...scan
  }: { assetIds: readonly bigint[]; direction: LineageSide; toBlock: bigint } & LogScanParameters,
): Promise<LineageGraph> {
  const [assetCount] = await readContracts(
    client,
    deployment,
    [{ address: deployment.protocol, abi: remixProtocolAbi, functionName: "totalAssets" }],
    { blockNumber: toBlock },
  );
  const whole = () => fetchLineageGraph(client, deployment, { toBlock, ...scan });
  if (assetCount <= WHOLE_GRAPH_MAX_ASSETS) return whole();
  const walkMaxFrontier =
    assetCount / 64n < WALK_MAX_FRONTIER ? assetCount / 64n : WALK_MAX_FRONTIER;
  const links = (side: "childId" | "parentId", ids: readonly bigint[]) =>
    Promise.all(
      chunk(ids, IDS_PER_REQUEST).map((some) =>
        scanProtocolLogs(client, deployment, {
          eventName: "ParentLinked",
          args: { [side]: [...some] },
          toBlock,
          ...scan,
        }),
      ),
    ).then((pages) =>
      pages.flat().map(({ args, logIndex }): Link => ({ edge: { ...args }, logIndex })),
    );
  /** Every link met walking from `assetIds` by `side` and the assets reached, or `undefined`
   * past the walk's bounds. */
  const walk = async (side: "childId" | "parentId") => {
    const found: Link[] = [];
    const seen = new Set(assetIds);
    let level = [...seen];
    for (let depth = 0; level.length > 0; depth++) {
      // A level this wide reaches much of the graph: fetching all of it costs fewer requests.
      if (depth === WALK_MAX_LEVELS || BigInt(level.length) > walkMaxFrontier) return undefined;
      const edges = await links(side, level);
      found.push(...edges);
      level = [];
      for (const { edge } of edges) {
        const next = side === "childId" ? edge.parentId : edge.childId;
        if (!seen.has(next)) {
          seen.add(next);
          level.push(next);
        }
      }
    }
    return { found, seen };
  };
  const none = { found: [] as Link[], seen: new Set<bigint>() };
  const [up, down] = await Promise.all([
    direction === "descendants" ? none : walk("childId"),
    direction === "ancestors" ? none : walk("parentId"),
  ]);
  if (!up || !down) return whole();
  // Going up found every parent link of the starts and their ancestors; the descendants' own
  // (to a co-parent outside, or to an ancestor: a diamond across a start) are asked for by id.
  const across = [...down.seen].filter((id) => !up.seen.has(id));
  return buildLineageGraph(
    inChainOrder([...up.found, ...down.found, ...(await links("childId", across))]),
  );
}

/** A parent link with its place among its transaction's logs. */
type Link = { edge: LineageEdge; logIndex: number };

/**
 * `links` once each, in the order the protocol emitted them: by child (children register in id
 * order), then in the child's own order (all of a remix's links are logged by its registration).
 */
function inChainOrder(links: readonly Link[]): LineageEdge[] {
  const unique = new Map<string, Link>();
  for (const link of links) unique.set(`${link.edge.childId}:${link.edge.parentId}`, link);
  return [...unique.values()]
    .sort(
      (a, b) =>
        (a.edge.childId < b.edge.childId ? -1 : a.edge.childId > b.edge.childId ? 1 : 0) ||
        a.logIndex - b.logIndex,
    )
    .map(({ edge }) => edge);
}
