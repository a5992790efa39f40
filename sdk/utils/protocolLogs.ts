import type { AbiEvent, ContractEventArgs, ContractEventName, Log } from "viem";
import { getBlockNumber, getContractEvents, getLogs } from "viem/actions";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import { toRemixError } from "../errors/toRemixError.js";
import { type LogScanParameters, scanBlockPages, scanOptions } from "./scanBlocks.js";
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

/** Which protocol logs a scan asks for: one event (optionally filtered by its indexed `args`),
 * several events (by topic, so the node sends nothing else), or every log. */
export type ProtocolLogFilter<eventName extends ProtocolEventName> = {
  eventName?: eventName | readonly eventName[] | undefined;
  args?: ContractEventArgs<typeof remixProtocolAbi, eventName>;
  toBlock: bigint;
};

/**
 * The protocol's logs matching `filter` from its deployment block to `toBlock`, page by page in
 * chain order (adaptive block ranges, see `LogScanParameters`): a caller folds them without
 * holding them all.
 */
export function scanProtocolLogPages<eventName extends ProtocolEventName = ProtocolEventName>(
  client: AnyClient,
  deployment: Deployment,
  { eventName, args, toBlock, ...scan }: ProtocolLogFilter<eventName> & LogScanParameters,
): AsyncGenerator<ProtocolLog<eventName>[], void, undefined> {
  const names = eventName === undefined || typeof eventName === "string" ? undefined : eventName;
  const events =
    names &&
    remixProtocolAbi.filter(
      (item) => item.type === "event" && (names as readonly string[]).includes(item.name),
    );
  return scanBlockPages(
    { fromBlock: deployment.fromBlock, toBlock, ...scanOptions(scan) },
    async (range) => {
      try {
        const logs = events
          ? await getLogs(client, {
              address: deployment.protocol,
              events: events as AbiEvent[],
              strict: true,
              ...range,
            })
          : await getContractEvents(client, {
              address: deployment.protocol,
              abi: remixProtocolAbi,
              ...(eventName === undefined ? {} : { eventName: eventName as eventName }),
              ...(args === undefined ? {} : { args }),
              strict: true,
              ...range,
            });
        return logs as unknown as ProtocolLog<eventName>[];
      } catch (error) {
        throw toRemixError(error);
      }
    },
  );
}

/** Every log {@link scanProtocolLogPages} yields, in chain order. */
export async function scanProtocolLogs<eventName extends ProtocolEventName = ProtocolEventName>(
  client: AnyClient,
  deployment: Deployment,
  parameters: ProtocolLogFilter<eventName> & LogScanParameters,
): Promise<ProtocolLog<eventName>[]> {
  const logs: ProtocolLog<eventName>[] = [];
  for await (const page of scanProtocolLogPages(client, deployment, parameters)) {
    logs.push(...page);
  }
  return logs;
}
