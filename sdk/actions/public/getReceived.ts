import { type Address, getAbiItem, getAddress } from "viem";
import { getBlockNumber, getLogs } from "viem/actions";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { chunk } from "../../utils/chunk.js";
import { receivedFromIndexer } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import { readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanBlocks, scanOptions } from "../../utils/scanBlocks.js";
import { noneReceived } from "../../utils/receivedTotals.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getReceived}. */
export type GetReceivedParameters = DeploymentParameters &
  LogScanParameters &
  IndexerParameters & {
    assetId: bigint;
    /** Only this token (default: every token the asset ever received). */
    token?: Address | undefined;
    /** Count events up to this block, included (default: the latest block). With `indexer`, it
     * must be the indexer's latest block (the totals are kept only at that block). */
    blockNumber?: bigint | undefined;
  };

/** All-time totals of one asset in one token, from the protocol's events. */
export type ReceivedTotals = {
  token: Address;
  /** Direct payments for uses of the asset, before fees (`Paid.amount`). */
  paid: bigint;
  /** The protocol's fees on those payments (`Paid.fee`). */
  fees: bigint;
  /** Royalties credited to it by splits of its direct remixes (their `Split` events). */
  fromRemixes: bigint;
  /**
   * `paid - fees + fromRemixes`: everything credited to the asset. A remix passes its parents'
   * shares of this on when it is split.
   */
  credited: bigint;
  /** Passed on to its own parents by its splits (its `Split` events; 0 for an original). */
  toParents: bigint;
  /** Paid out to its owners' recipients so far: `credited - toParents` less what it holds. */
  claimed: bigint;
};

/** What {@link getReceived} resolves to. */
export type GetReceivedReturnType = {
  /** The last block counted. */
  blockNumber: bigint;
  /** One entry per token, by token address (ETH first; just `token` when given). */
  totals: ReceivedTotals[];
};

/** Remixes whose `Split` logs one `eth_getLogs` asks for (an OR of their ids in the topic). */
export const SPLIT_LOG_CHILDREN = 100;

/** What {@link getReceived} rejects with: always a {@link RemixError} subclass. */
export type GetReceivedErrorType = RemixError;

const paidEvent = getAbiItem({ abi: remixProtocolAbi, name: "Paid" });
const linkedEvent = getAbiItem({ abi: remixProtocolAbi, name: "ParentLinked" });
const splitEvent = getAbiItem({ abi: remixProtocolAbi, name: "Split" });

/**
 * Sums what an asset has received and paid out since the deployment, from logs filtered by
 * indexed topics: its `Paid` and `Split` events, its `ParentLinked` events as a parent (its
 * direct remixes) and the `Split` events of those remixes, whose amounts are listed in parent
 * order. One batched read at the same block gives each remix's parent list and what the asset
 * holds now, so what was claimed follows from conservation (a claim's event lists many assets
 * and cannot be filtered by one). Requests: one `eth_getLogs` per event type (more with
 * `maxBlockRange`, and one per {@link SPLIT_LOG_CHILDREN} remixes), one multicall, plus the block
 * number when `blockNumber` is not given. With `indexer`, one request to it (two the first time,
 * to check its deployment) and none to the node: its running totals at its latest block.
 *
 * @example
 * const { totals } = await getReceived(publicClient, { assetId: 1n, token: ETH });
 * const [{ paid, fees, fromRemixes, claimed }] = totals;
 */
export async function getReceived(
  client: AnyClient,
  parameters: GetReceivedParameters,
): Promise<GetReceivedReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, token } = parameters;
  requireUint256("assetId", assetId);
  if (token !== undefined) requireAddress("token", token);
  if (parameters.indexer !== undefined) {
    return receivedFromIndexer(parameters.indexer, deployment, {
      assetId,
      token,
      blockNumber: parameters.blockNumber,
    });
  }
  try {
    // Uncached: a cached number could miss the block of a write that just returned.
    const blockNumber = parameters.blockNumber ?? (await getBlockNumber(client, { cacheTime: 0 }));
    const range = {
      fromBlock: deployment.fromBlock,
      toBlock: blockNumber,
      ...scanOptions(parameters),
    };
    const byToken = token === undefined ? {} : { token };
    const address = deployment.protocol;
    const [paid, links, ownSplits] = await Promise.all([
      scanBlocks(range, (blocks) =>
        getLogs(client, {
          address,
          event: paidEvent,
          args: { assetId, ...byToken },
          strict: true,
          ...blocks,
        }),
      ),
      scanBlocks(range, (blocks) =>
        getLogs(client, {
          address,
          event: linkedEvent,
          args: { parentId: assetId },
          strict: true,
          ...blocks,
        }),
      ),
      splitLogs(client, address, range, [assetId], token),
    ]);
    const children = [...new Set(links.map(({ args }) => args.childId))];
    const childSplits = (
      await Promise.all(
        chunk(children, SPLIT_LOG_CHILDREN).map((group) =>
          splitLogs(client, address, range, group, token),
        ),
      )
    ).flat();

    const totals = new Map<Address, ReceivedTotals>();
    const entry = (of: Address) => {
      const key = getAddress(of);
      let totalsOf = totals.get(key);
      if (!totalsOf) {
        totalsOf = noneReceived(key);
        totals.set(key, totalsOf);
      }
      return totalsOf;
    };
    if (token !== undefined) entry(token);
    for (const { args } of paid) {
      const totalsOf = entry(args.token);
      totalsOf.paid += args.amount;
      totalsOf.fees += args.fee;
      totalsOf.credited += args.amount - args.fee;
    }
    for (const { args } of ownSplits) {
      entry(args.token).toParents += args.amounts.reduce((sum, amount) => sum + amount, 0n);
    }
    for (const { args } of childSplits) entry(args.token);

    const tokens = [...totals.keys()];
    const reads = await readContracts(
      client,
      deployment,
      [
        ...children.map(
          (childId) =>
            ({
              address,
              abi: remixProtocolAbi,
              functionName: "parentsOf",
              args: [childId],
            }) as const,
        ),
        ...tokens.map(
          (of) =>
            ({
              address,
              abi: remixProtocolAbi,
              functionName: "royaltyBalance",
              args: [assetId, of],
            }) as const,
        ),
      ],
      { blockNumber },
    );
    // This asset's position in each remix's parent list picks its amount out of each split.
    const position = new Map(
      children.map((childId, c) => [
        childId,
        (reads[c] as readonly { parentId: bigint }[]).findIndex(
          ({ parentId }) => parentId === assetId,
        ),
      ]),
    );
    for (const { args } of childSplits) {
      const amount = args.amounts[position.get(args.assetId) ?? -1] ?? 0n;
      const totalsOf = entry(args.token);
      totalsOf.fromRemixes += amount;
      totalsOf.credited += amount;
    }
    tokens.forEach((of, t) => {
      const [held] = reads[children.length + t] as readonly [bigint, bigint, bigint];
      const totalsOf = entry(of);
      totalsOf.claimed = totalsOf.credited - totalsOf.toParents - held;
    });
    const byAddress = [...totals.values()].sort((x, y) =>
      x.token.toLowerCase() < y.token.toLowerCase() ? -1 : 1,
    );
    return { blockNumber, totals: byAddress };
  } catch (error) {
    throw toRemixError(error);
  }
}

/** The `Split` logs of `assetIds` (an OR in the topic), in `token` if given. */
function splitLogs(
  client: AnyClient,
  address: Address,
  range: Parameters<typeof scanBlocks>[0],
  assetIds: readonly bigint[],
  token: Address | undefined,
) {
  return scanBlocks(range, (blocks) =>
    getLogs(client, {
      address,
      event: splitEvent,
      args: { assetId: [...assetIds], ...(token === undefined ? {} : { token }) },
      strict: true,
      ...blocks,
    }),
  );
}
