import { type Address, getAddress, isAddressEqual } from "viem";
import type { Asset } from "../actions/public/getAsset.js";
import type { GetEarningsReturnType } from "../actions/public/getEarnings.js";
import type { Lineage, LineageDirection } from "../actions/public/getLineage.js";
import type { GetReceivedReturnType, ReceivedTotals } from "../actions/public/getReceived.js";
import type { Deployment } from "../deployments/deployment.js";
import { IndexerError } from "../errors/indexer.js";
import { InvalidParameterError } from "../errors/parameters.js";
import { bigints, checkIndexer, type IndexedEdge, indexerGet, lineageEdge } from "./indexer.js";
import type { LineageEdge } from "./lineageGraph.js";
import { noneReceived } from "./receivedTotals.js";

// The read actions' answers from an indexer, as the same objects the chain reads give.

type IndexedAsset = Omit<Asset, "assetId" | "owner" | "createdAt"> & {
  assetId: string;
  owner: string;
  createdAt: string;
};

/** An asset's lineage from the indexer, with the block it is at least as fresh as. */
export async function lineageFromIndexer(
  url: string,
  deployment: Deployment,
  assetId: bigint,
  direction: LineageDirection,
): Promise<Lineage> {
  await checkIndexer(url, deployment);
  const lineage = await indexerGet<{
    blockNumber: string;
    nodes: IndexedAsset[];
    edges: IndexedEdge[];
    ancestors: string[];
    descendants: string[];
  }>(url, `/lineage/${assetId}?direction=${direction}`).catch((error: unknown) => {
    if (error instanceof IndexerError && error.status === 404) {
      throw new IndexerError({
        url,
        status: 404,
        reason: `has no asset ${assetId} (not registered, or not indexed yet)`,
      });
    }
    throw error;
  });
  return {
    rootId: assetId,
    blockNumber: BigInt(lineage.blockNumber),
    nodes: lineage.nodes.map((node) => ({
      assetId: BigInt(node.assetId),
      owner: getAddress(node.owner),
      createdAt: BigInt(node.createdAt),
      metadataUri: node.metadataUri,
      parentCount: node.parentCount,
      childCount: node.childCount,
    })),
    edges: lineage.edges.map(lineageEdge),
    ancestors: bigints(lineage.ancestors),
    descendants: bigints(lineage.descendants),
  };
}

/** What a claim-all of `owner` needs from the indexer: the assets it holds, and every parent link
 * of them and of their descendants. */
export async function claimGraphFromIndexer(
  url: string,
  deployment: Deployment,
  owner: Address,
): Promise<{ assetIds: bigint[]; created: Set<bigint>; edges: LineageEdge[] }> {
  await checkIndexer(url, deployment);
  const graph = await indexerGet<{
    assetIds: string[];
    created: string[];
    edges: IndexedEdge[];
  }>(url, `/owners/${owner}/claim-graph`);
  return {
    assetIds: bigints(graph.assetIds),
    created: new Set(bigints(graph.created)),
    edges: graph.edges.map(lineageEdge),
  };
}

/** The ids of the assets the indexer says `owner` holds, ascending. */
export async function ownedFromIndexer(
  url: string,
  deployment: Deployment,
  owner: Address,
): Promise<bigint[]> {
  await checkIndexer(url, deployment);
  const { assetIds } = await indexerGet<{ assetIds: string[] }>(url, `/owners/${owner}/assets`);
  return bigints(assetIds);
}

/** The indexer's balance of every asset and token it has seen, and its outstanding fees, at one
 * block (read in one snapshot). */
export type IndexedTotals = {
  blockNumber: bigint;
  balances: {
    assetId: bigint;
    token: Address;
    held: bigint;
    pendingGross: bigint;
    remainder: bigint;
  }[];
  fees: { token: Address; outstanding: bigint }[];
};

/**
 * Every balance and fee total the indexer holds and the block they are at (which must be
 * `blockNumber` when one is asked for: the indexer answers only at its latest block).
 */
export async function indexedTotals(
  url: string,
  deployment: Deployment,
  blockNumber?: bigint,
): Promise<IndexedTotals> {
  await checkIndexer(url, deployment);
  const totals = await indexerGet<{
    blockNumber: string;
    balances: {
      assetId: string;
      token: Address;
      held: string;
      pendingGross: string;
      remainder: string;
    }[];
    fees: { token: Address; outstanding: string }[];
  }>(url, "/audit/balances");
  const indexedAt = BigInt(totals.blockNumber);
  if (blockNumber !== undefined && blockNumber !== indexedAt) {
    throw new InvalidParameterError({
      parameter: "blockNumber",
      reason: `is ${blockNumber}, but the indexer's totals are at block ${indexedAt} (it answers only at its latest block)`,
    });
  }
  return {
    blockNumber: indexedAt,
    balances: totals.balances.map((row) => ({
      assetId: BigInt(row.assetId),
      token: row.token,
      held: BigInt(row.held),
      pendingGross: BigInt(row.pendingGross),
      remainder: BigInt(row.remainder),
    })),
    fees: totals.fees.map(({ token, outstanding }) => ({
      token,
      outstanding: BigInt(outstanding),
    })),
  };
}

/** The ids of the licences the indexer lists for `holder` (optionally of one kind or asset). */
export async function licencesFromIndexer(
  url: string,
  deployment: Deployment,
  {
    holder,
    kind,
    assetId,
  }: { holder: Address; kind?: number | undefined; assetId?: bigint | undefined },
): Promise<bigint[]> {
  await checkIndexer(url, deployment);
  const query = [
    ...(kind === undefined ? [] : [`kind=${kind}`]),
    ...(assetId === undefined ? [] : [`assetId=${assetId}`]),
  ].join("&");
  const { licenceIds } = await indexerGet<{ licenceIds: string[] }>(
    url,
    `/holders/${holder}/licences${query ? `?${query}` : ""}`,
  );
  return bigints(licenceIds);
}

/** An owner's earnings per token as the indexer computes them, at the indexer's block. */
export async function earningsFromIndexer(
  url: string,
  deployment: Deployment,
  owner: Address,
): Promise<GetEarningsReturnType> {
  await checkIndexer(url, deployment);
  const answer = await indexerGet<{
    blockNumber: string;
    assetIds: string[];
    earnings: {
      token: Address;
      claimableNow: string;
      inTransit: string;
      lifetimeEarned: string;
      splits: string[];
    }[];
  }>(url, `/owners/${owner}/earnings`);
  return {
    owner: getAddress(owner),
    assetIds: bigints(answer.assetIds),
    blockNumber: BigInt(answer.blockNumber),
    earnings: answer.earnings.map((row) => ({
      token: getAddress(row.token),
      claimableNow: BigInt(row.claimableNow),
      inTransit: BigInt(row.inTransit),
      lifetimeEarned: BigInt(row.lifetimeEarned),
      splitAssetIds: bigints(row.splits),
    })),
  };
}

/** One asset's all-time totals per token from the indexer, at its latest block (which must be
 * `blockNumber` when one is asked for). */
export async function receivedFromIndexer(
  url: string,
  deployment: Deployment,
  {
    assetId,
    token,
    blockNumber,
  }: { assetId: bigint; token?: Address | undefined; blockNumber?: bigint | undefined },
): Promise<GetReceivedReturnType> {
  await checkIndexer(url, deployment);
  const answer = await indexerGet<{
    blockNumber: string;
    totals: {
      token: Address;
      paid: string;
      fees: string;
      fromRemixes: string;
      toParents: string;
      claimed: string;
    }[];
  }>(url, `/assets/${assetId}/received`);
  const indexedAt = BigInt(answer.blockNumber);
  if (blockNumber !== undefined && blockNumber !== indexedAt) {
    throw new InvalidParameterError({
      parameter: "blockNumber",
      reason: `is ${blockNumber}, but the indexer's totals are at block ${indexedAt} (it answers only at its latest block)`,
    });
  }
  const totals = answer.totals
    .filter((row) => token === undefined || isAddressEqual(row.token, token))
    .map((row): ReceivedTotals => {
      const [paid, fees, fromRemixes] = [
        BigInt(row.paid),
        BigInt(row.fees),
        BigInt(row.fromRemixes),
      ];
      return {
        token: getAddress(row.token),
        paid,
        fees,
        fromRemixes,
        credited: paid - fees + fromRemixes,
        toParents: BigInt(row.toParents),
        claimed: BigInt(row.claimed),
      };
    });
  if (token !== undefined && totals.length === 0) totals.push(noneReceived(token));
  return { blockNumber: indexedAt, totals };
}
