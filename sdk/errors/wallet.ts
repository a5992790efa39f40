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
