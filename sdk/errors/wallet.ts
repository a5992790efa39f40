import type { Address } from "viem";
import { RemixError, type RemixErrorOptions } from "./base.js";

/** The wallet's user declined the request (EIP-1193 error 4001). */
export class UserRejectedError extends RemixError {
  override name = "UserRejectedError";

  constructor(options: RemixErrorOptions) {
    super("The user rejected the request in the wallet.", options);
  }
}

/** The sender cannot pay the transaction's value plus its gas. */
export class InsufficientFundsError extends RemixError {
  override name = "InsufficientFundsError";

  constructor(options: RemixErrorOptions) {
    super("The account cannot pay the value and gas of this transaction.", options);
  }
}

/**
 * An ERC-20 payment reverted because the sender's allowance to the protocol is below what the
 * call pulls: approve at least `needed` (`approveToken`) and send again. The token's own revert is
 * the `cause`.
 */
export class InsufficientAllowanceError extends RemixError {
  override name = "InsufficientAllowanceError";
  readonly token: Address;
  readonly owner: Address;
  readonly spender: Address;
  /** The allowance the sender has given `spender`, in the token's smallest unit. */
  readonly allowance: bigint;
  /** The allowance the call needs, in the token's smallest unit. */
  readonly needed: bigint;

  constructor(
    fields: { token: Address; owner: Address; spender: Address; allowance: bigint; needed: bigint },
    options: RemixErrorOptions = {},
  ) {
    super(
      `The allowance of ${fields.owner} to ${fields.spender} in token ${fields.token} is ` +
        `${fields.allowance}, below the ${fields.needed} this payment pulls (smallest units): ` +
        "approve at least that much first.",
      options,
    );
    this.token = fields.token;
    this.owner = fields.owner;
    this.spender = fields.spender;
    this.allowance = fields.allowance;
    this.needed = fields.needed;
  }
}
