import type { Hash, ReplacementReason, TransactionReceipt } from "viem";
import { RemixError, type RemixErrorOptions } from "./base.js";
import { nodeMessageOf } from "./nodeMessage.js";

/** The transaction was mined but reverted. */
export class TransactionRevertedError extends RemixError {
  override name = "TransactionRevertedError";
  readonly hash: Hash;
  readonly receipt: TransactionReceipt;

  constructor({ receipt }: { receipt: TransactionReceipt }, options: RemixErrorOptions = {}) {
    super(`Transaction ${receipt.transactionHash} reverted.`, options);
    this.hash = receipt.transactionHash;
    this.receipt = receipt;
  }
}

/**
 * Another transaction with the same nonce was mined instead (`reason` `"replaced"` or
 * `"cancelled"`). A transaction only re-priced, with the same call, counts as mined.
 */
export class TransactionReplacedError extends RemixError {
  override name = "TransactionReplacedError";
  readonly hash: Hash;
  readonly reason: ReplacementReason;
  readonly replacementHash: Hash;

  constructor(
    {
      hash,
      reason,
      replacementHash,
    }: {
      hash: Hash;
      reason: ReplacementReason;
      replacementHash: Hash;
    },
    options: RemixErrorOptions = {},
  ) {
    super(`Transaction ${hash} was ${reason} by ${replacementHash}.`, options);
    this.hash = hash;
    this.reason = reason;
    this.replacementHash = replacementHash;
  }
}

/** The transaction was neither mined nor pending when the wait ended: the node dropped it. */
export class TransactionDroppedError extends RemixError {
  override name = "TransactionDroppedError";
  readonly hash: Hash;

  constructor({ hash }: { hash: Hash }, options: RemixErrorOptions = {}) {
    super(`Transaction ${hash} was dropped: it is neither mined nor pending.`, options);
    this.hash = hash;
  }
}

/** The transaction is still pending after `timeout` milliseconds. It may yet be mined. */
export class TransactionTimeoutError extends RemixError {
  override name = "TransactionTimeoutError";
  readonly hash: Hash;
  readonly timeout: number;

  constructor({ hash, timeout }: { hash: Hash; timeout: number }, options: RemixErrorOptions = {}) {
    super(`Transaction ${hash} is still pending after ${timeout} ms.`, options);
    this.hash = hash;
    this.timeout = timeout;
  }
}

/**
 * The node refused or failed a request for a reason without its own class (rate limit, invalid
 * block, HTTP error status, ...): `shortMessage` quotes the node's message.
 */
export class RpcError extends RemixError {
  override name = "RpcError";

  constructor(options: RemixErrorOptions) {
    const message = nodeMessageOf(options.cause)?.replace(/\.$/, "");
    super(`The JSON-RPC request failed${message ? `: ${message}` : ""}.`, options);
  }
}
