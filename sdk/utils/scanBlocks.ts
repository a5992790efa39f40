import { InvalidParameterError } from "../errors/parameters.js";
import { toLogScanError } from "../errors/toRemixError.js";

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
 * `maxBlockRange` blocks, and concatenates the results in block order. A range the node refuses
 * as too large (or whose answer is over the client's size limit) fails with
 * `LogRangeTooLargeError` naming it.
 */
export async function scanBlocks<item>(
  { fromBlock, toBlock, maxBlockRange }: { fromBlock: bigint; toBlock: bigint } & LogScanParameters,
  fetch: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<item[]>,
): Promise<item[]> {
  const fetchRange = (range: { fromBlock: bigint; toBlock: bigint }) =>
    fetch(range).catch((error: unknown) => {
      throw toLogScanError(error, range);
    });
  if (maxBlockRange === undefined) return fetchRange({ fromBlock, toBlock });
  if (maxBlockRange < 1n) {
    throw new InvalidParameterError({ parameter: "maxBlockRange", reason: "must be at least 1" });
  }
  const items: item[] = [];
  for (let start = fromBlock; start <= toBlock; start += maxBlockRange) {
    const end = start + maxBlockRange - 1n < toBlock ? start + maxBlockRange - 1n : toBlock;
    items.push(...(await fetchRange({ fromBlock: start, toBlock: end })));
  }
  return items;
}
