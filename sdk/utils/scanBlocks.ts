import { InvalidParameterError } from "../errors/parameters.js";

/** Options of log scans. */
export type LogScanParameters = {
  /**
   * The most blocks one `eth_getLogs` request may span. Public RPC endpoints often cap it; leave
   * unset on nodes without a cap, so a scan is a single request.
   */
  maxBlockRange?: bigint | undefined;
};

/**
 * Runs `fetch` over `[fromBlock, toBlock]`, in one call or in consecutive ranges of at most
 * `maxBlockRange` blocks, and concatenates the results in block order.
 */
export async function scanBlocks<item>(
  { fromBlock, toBlock, maxBlockRange }: { fromBlock: bigint; toBlock: bigint } & LogScanParameters,
  fetch: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<item[]>,
): Promise<item[]> {
  if (maxBlockRange === undefined) return fetch({ fromBlock, toBlock });
  if (maxBlockRange < 1n) {
    throw new InvalidParameterError({ parameter: "maxBlockRange", reason: "must be at least 1" });
  }
  const items: item[] = [];
  for (let start = fromBlock; start <= toBlock; start += maxBlockRange) {
    const end = start + maxBlockRange - 1n < toBlock ? start + maxBlockRange - 1n : toBlock;
    items.push(...(await fetch({ fromBlock: start, toBlock: end })));
  }
  return items;
}
