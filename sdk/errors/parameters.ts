import { RemixError } from "./base.js";

/** A parameter was refused before anything was sent: `parameter` names it. */
export class InvalidParameterError extends RemixError {
  override name = "InvalidParameterError";
  readonly parameter: string;

  constructor({ parameter, reason }: { parameter: string; reason: string }) {
    super(`Invalid ${parameter}: ${reason}.`);
    this.parameter = parameter;
  }
}

/** A write needs an account: pass `account`, or use a wallet client that has one. */
export class AccountNotFoundError extends RemixError {
  override name = "AccountNotFoundError";

  constructor() {
    super("No account: pass `account` or use a wallet client created with one.");
  }
}
