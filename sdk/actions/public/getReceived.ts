import { type Address, getAbiItem, getAddress } from "viem";
import { getBlockNumber, getLogs } from "viem/actions";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import { type LogScanParameters, scanBlocks } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getReceived}. */
export type GetReceivedParameters = DeploymentParameters &
  LogScanParameters & {
    assetId: bigint;
    /** Only this token (default: every token the asset ever received). */
    token?: Address | undefined;
    /** Count events up to this block, included (default: the latest block). */
    blockNumber?: bigint | undefined;
  };

/** All-time totals of one asset in one token, from the protocol's events. */
export type ReceivedTotals = {
  token: Address;
  /** Direct payments for uses of the asset, before fees (`Paid.amount`). */
  paid: bigint;
  /** The protocol's fees on those payments (`Paid.fee`). */
  fees: bigint;
  /** Royalties forwarded to it by splits of its remixes (`RoyaltyForwarded`). */
  fromRemixes: bigint;
  /**
   * `paid - fees + fromRemixes`: everything credited to the asset. A remix passes its parents'
   * shares of this on when it is split.
   */
  credited: bigint;
  /** Paid out to its owners' recipients so far (`Claimed`). */
  claimed: bigint;
};

/** What {@link getReceived} resolves to. */
export type GetReceivedReturnType = {
  /** The last block counted. */
  blockNumber: bigint;
  /** One entry per token, in order of first appearance (just `token` when given). */
  totals: ReceivedTotals[];
};

/** What {@link getReceived} rejects with: always a {@link RemixError} subclass. */
export type GetReceivedErrorType = RemixError;

const paidEvent = getAbiItem({ abi: remixProtocolAbi, name: "Paid" });
const forwardedEvent = getAbiItem({ abi: remixProtocolAbi, name: "RoyaltyForwarded" });
const claimedEvent = getAbiItem({ abi: remixProtocolAbi, name: "Claimed" });

/**
 * Sums what an asset has received and paid out since the deployment, from `Paid`,
 * `RoyaltyForwarded` (to it as a parent) and `Claimed` logs filtered by indexed topics: one
 * `eth_getLogs` per event type (more only with `maxBlockRange`), plus the block number when
 * `blockNumber` is not given.
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
  const { assetId, token, maxBlockRange } = parameters;
  requireUint256("assetId", assetId);
  if (token !== undefined) requireAddress("token", token);
  try {
    // Uncached: a cached number could miss the block of a write that just returned.
    const blockNumber = parameters.blockNumber ?? (await getBlockNumber(client, { cacheTime: 0 }));
    const range = { fromBlock: deployment.fromBlock, toBlock: blockNumber, maxBlockRange };
    const byToken = token === undefined ? {} : { token };
    const address = deployment.protocol;
    const [paid, forwarded, claimed] = await Promise.all([
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
          event: forwardedEvent,
          args: { parentId: assetId, ...byToken },
          strict: true,
          ...blocks,
        }),
      ),
      scanBlocks(range, (blocks) =>
        getLogs(client, {
          address,
          event: claimedEvent,
          args: { assetId, ...byToken },
          strict: true,
          ...blocks,
        }),
      ),
    ]);

    const totals = new Map<Address, ReceivedTotals>();
    const entry = (of: Address) => {
      const key = getAddress(of);
      let totalsOf = totals.get(key);
      if (!totalsOf) {
        totalsOf = { token: key, paid: 0n, fees: 0n, fromRemixes: 0n, credited: 0n, claimed: 0n };
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
    for (const { args } of forwarded) {
      const totalsOf = entry(args.token);
      totalsOf.fromRemixes += args.amount;
      totalsOf.credited += args.amount;
    }
    for (const { args } of claimed) entry(args.token).claimed += args.amount;
    return { blockNumber, totals: [...totals.values()] };
  } catch (error) {
    throw toRemixError(error);
  }
}
