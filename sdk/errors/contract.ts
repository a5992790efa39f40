import type { ContractErrorArgs, ContractErrorName, Hex } from "viem";
import { protocolErrorsAbi } from "../abis/protocolErrorsAbi.js";
import { RemixError, type RemixErrorOptions } from "./base.js";
import { type DescribeRevertOptions, describeRevert } from "./describeRevert.js";

/** The name of any custom error the protocol can revert with. */
export type ProtocolErrorName = ContractErrorName<typeof protocolErrorsAbi>;

/** The decoded arguments of the protocol error `name`, typed from the ABI. */
export type ProtocolErrorArgs<name extends ProtocolErrorName = ProtocolErrorName> =
  ContractErrorArgs<typeof protocolErrorsAbi, name>;

/**
 * A call reverted with one of the protocol's custom errors (or an OpenZeppelin error it bubbles
 * up), decoded against the merged ABI.
 *
 * @example
 * try {
 *   await buyLicence(client, parameters);
 * } catch (error) {
 *   if (error instanceof ContractRevertError && error.is("PriceAboveMaximum")) {
 *     const [price, maxPrice] = error.args; // bigint, bigint
 *   }
 * }
 */
export class ContractRevertError<
  name extends ProtocolErrorName = ProtocolErrorName,
> extends RemixError {
  override name = "ContractRevertError";
  /** The Solidity error's name, e.g. `"PriceAboveMaximum"`. */
  readonly errorName: name;
  /** The error's arguments, in declaration order. */
  readonly args: ProtocolErrorArgs<name>;
  /** The raw revert data. */
  readonly data: Hex;

  constructor(
    { errorName, args, data }: { errorName: name; args: ProtocolErrorArgs<name>; data: Hex },
    options: RemixErrorOptions = {},
  ) {
    super(revertMessage(errorName, args), options);
    this.errorName = errorName;
    this.args = args;
    this.data = data;
  }

  /**
   * The revert as a sentence naming its cause and the error (`Asset 999 does not exist
   * (AssetNotFound).`), with token amounts in `currency`'s units when given (the dapp or CLI knows
   * which token the call moved; the revert does not say).
   */
  describe(options: DescribeRevertOptions = {}): string {
    return revertMessage(this.errorName, this.args, options);
  }

  /** Narrows this error to the protocol error `errorName`, typing its `args`. */
  is<other extends ProtocolErrorName>(errorName: other): this is ContractRevertError<other> {
    return (this.errorName as ProtocolErrorName) === errorName;
  }
}

/**
 * A call reverted without a protocol error: a `require` message or panic (`reason`), or revert
 * data the protocol's ABI does not describe (`data`), or no data at all.
 */
export class UnknownRevertError extends RemixError {
  override name = "UnknownRevertError";
  readonly data: Hex | undefined;
  readonly reason: string | undefined;

  constructor(
    { data, reason }: { data?: Hex | undefined; reason?: string | undefined },
    options: RemixErrorOptions = {},
  ) {
    super(`The call reverted${reason ? `: ${reason}` : " without a known reason"}.`, options);
    this.data = data;
    this.reason = reason;
  }
}

function revertMessage(
  errorName: string,
  args: unknown,
  options: DescribeRevertOptions = {},
): string {
  const list = Array.isArray(args) ? (args as unknown[]) : [];
  const sentence = describeRevert(errorName, list, options);
  if (sentence === undefined) {
    return `The protocol reverted with ${errorName}(${list.map((arg) => String(arg)).join(", ")}).`;
  }
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} (${errorName}).`;
}
