import type { ContractEventArgs, ContractEventName, Log } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import { toRemixError } from "../errors/toRemixError.js";
import { type LogScanParameters, scanBlocks } from "./scanBlocks.js";
import type { AnyClient } from "./sendPreparedCall.js";

type ProtocolEventName = ContractEventName<typeof remixProtocolAbi>;

/** A decoded log of the protocol contract. */
export type ProtocolLog<eventName extends ProtocolEventName> = Log<
  bigint,
  number,
  false,
  undefined,
  true,
  typeof remixProtocolAbi,
  eventName
>;

/**
 * `blockNumber` when given, else the latest block: multi-request reads pin one block so that logs
 * and state agree.
 */
export async function pinBlock(client: AnyClient, blockNumber?: bigint): Promise<bigint> {
  if (blockNumber !== undefined) return blockNumber;
  try {
    return await getBlockNumber(client, { cacheTime: 0 });
  } catch (error) {
    throw toRemixError(error);
  }
}

/**
 * Every `eventName` log (every log, when no `eventName`) the protocol emitted from its deployment
 * block to `toBlock`, matching the indexed `args`, in chain order: one `eth_getLogs` request, or
 * one per `maxBlockRange` blocks.
 */
export async function scanProtocolLogs<eventName extends ProtocolEventName = ProtocolEventName>(
  client: AnyClient,
  deployment: Deployment,
  {
    eventName,
    args,
    toBlock,
    maxBlockRange,
  }: {
    eventName?: eventName | undefined;
    args?: ContractEventArgs<typeof remixProtocolAbi, eventName>;
    toBlock: bigint;
  } & LogScanParameters,
): Promise<ProtocolLog<eventName>[]> {
  if (toBlock < deployment.fromBlock) return [];
  return scanBlocks({ fromBlock: deployment.fromBlock, toBlock, maxBlockRange }, async (range) => {
    try {
      const logs = await getContractEvents(client, {
        address: deployment.protocol,
        abi: remixProtocolAbi,
        ...(eventName === undefined ? {} : { eventName }),
        ...(args === undefined ? {} : { args }),
        strict: true,
        ...range,
      });
      return logs as unknown as ProtocolLog<eventName>[];
    } catch (error) {
      throw toRemixError(error);
    }
  });
}
