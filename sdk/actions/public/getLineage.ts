import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import { lineageFromIndexer } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import { fetchLineageAround } from "../../utils/lineageAround.js";
import { ascending, type LineageEdge, reachable } from "../../utils/lineageGraph.js";
import { pinBlock } from "../../utils/protocolLogs.js";
import type { BatchReadParameters } from "../../utils/readContracts.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { type Asset, getAssets } from "./getAsset.js";

/** Which side of the asset to walk. */
export type LineageDirection = "ancestors" | "descendants" | "both";

/** Parameters of {@link getLineage}. */
export type GetLineageParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters &
  IndexerParameters & {
    assetId: bigint;
    /** `ancestors` (what it remixes), `descendants` (its remixes) or `both` (default). */
    direction?: LineageDirection | undefined;
  };

/** The lineage of one asset, read at one block. */
export type Lineage = {
  rootId: bigint;
  /** The block everything was read at. */
  blockNumber: bigint;
  /** The root and every ancestor and descendant walked, ascending by id. */
  nodes: Asset[];
  /**
   * Every parent link between two of `nodes`, by child id ascending, then in the child's
   * registration order (the order its splits pay its parents). A descendant's links to parents
   * outside the lineage (a co-parent of a remix) are left out.
   */
  edges: LineageEdge[];
  /** Assets the root remixes, directly or not, ascending (empty when not walked). */
  ancestors: bigint[];
  /** Assets that remix the root, directly or not, ascending (empty when not walked). */
  descendants: bigint[];
};

/** What {@link getLineage} resolves to. */
export type GetLineageReturnType = Lineage;

/** What {@link getLineage} rejects with: always a {@link RemixError} subclass. */
export type GetLineageErrorType = RemixError;

const DIRECTIONS: readonly LineageDirection[] = ["ancestors", "descendants", "both"];

/**
 * Reads an asset's lineage at one block: pins the block, reads the protocol's asset count, fetches
 * the parent links the answer needs (on a protocol of up to 2,000 assets every `ParentLinked` log,
 * in one or a few `eth_getLogs`; on a larger one only the links on the way, level by level with
 * topic filters, falling back to every link for walks deeper than 64 or wider than 4,096 assets),
 * walks them locally, then reads all nodes in batched multicalls of 250. An unknown asset fails
 * with `ContractRevertError` `AssetNotFound`. With `indexer`, the whole answer comes from the
 * indexer in two requests (three the first time, to check it indexes this deployment), as of
 * its latest indexed block; an asset it does not have fails with `IndexerError` (status 404).
 *
 * @example
 * const { nodes, edges, ancestors } = await getLineage(publicClient, {
 *   assetId: 4n,
 *   direction: "ancestors",
 * });
 */
export async function getLineage(
  client: AnyClient,
  parameters: GetLineageParameters,
): Promise<GetLineageReturnType> {
  const { assetId, direction = "both" } = parameters;
  if (!DIRECTIONS.includes(direction)) {
    throw new InvalidParameterError({
      parameter: "direction",
      reason: `is not ${DIRECTIONS.join(", ")}`,
    });
  }
  const deployment = resolveDeployment(client, parameters);
  if (parameters.indexer !== undefined) {
    if (parameters.blockNumber !== undefined) {
      throw new InvalidParameterError({
        parameter: "blockNumber",
        reason: "cannot be read through an indexer, which answers at its latest indexed block",
      });
    }
    return lineageFromIndexer(parameters.indexer, deployment, assetId, direction);
  }
  const blockNumber = await pinBlock(client, parameters.blockNumber);
  const graph = await fetchLineageAround(client, deployment, {
    assetIds: [assetId],
    direction,
    toBlock: blockNumber,
    ...scanOptions(parameters),
  });

  const ancestors = direction === "descendants" ? [] : reachable(graph, [assetId], "ancestors");
  const descendants = direction === "ancestors" ? [] : reachable(graph, [assetId], "descendants");
  const ids = ascending([assetId, ...ancestors, ...descendants]);
  const members = new Set(ids);
  const edges = ids.flatMap((childId) =>
    (graph.parents.get(childId) ?? [])
      .filter(({ parentId }) => members.has(parentId))
      .map((edge) => ({ ...edge })),
  );
  const nodes = await getAssets(client, { deployment, assetIds: ids, blockNumber });
  return { rootId: assetId, blockNumber, nodes, edges, ancestors, descendants };
}
