import { RemixError, type RemixErrorOptions } from "./base.js";

/** The JSON-RPC endpoint could not be reached: connection refused, unknown host or no answer. */
export class RpcConnectionError extends RemixError {
  override name = "RpcConnectionError";
  /** The endpoint, as the transport has it (viem strips `user:password@` credentials). */
  readonly url: string;
  /** What failed: the system's message (`connect ECONNREFUSED ...`, `getaddrinfo ENOTFOUND ...`)
   * or `timed out`. */
  readonly reason: string;

  constructor({ url, reason }: { url: string; reason: string }, options: RemixErrorOptions = {}) {
    super(`Cannot reach the JSON-RPC endpoint ${url}: ${reason}.`, options);
    this.url = url;
    this.reason = reason;
  }
}

/**
 * An `eth_getLogs` over `fromBlock`..`toBlock` was refused for its block range or result size, or
 * its answer exceeded the client's response size limit. Scanning in smaller ranges fixes it.
 */
export class LogRangeTooLargeError extends RemixError {
  override name = "LogRangeTooLargeError";
  /** The first block of the refused request. */
  readonly fromBlock: bigint;
  /** The last block of the refused request. */
  readonly toBlock: bigint;

  constructor(
    { fromBlock, toBlock }: { fromBlock: bigint; toBlock: bigint },
    options: RemixErrorOptions = {},
  ) {
    super(
      `The logs of blocks ${fromBlock} to ${toBlock} (${toBlock - fromBlock + 1n} blocks) are too ` +
        "large for one request: scan in smaller ranges with `maxBlockRange` (CLI `--max-block-range`).",
      options,
    );
    this.fromBlock = fromBlock;
    this.toBlock = toBlock;
  }
}
