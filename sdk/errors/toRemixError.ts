import { type Address, decodeErrorResult, type Hex, isAddress, isHex } from "viem";
import { protocolErrorsAbi } from "../abis/protocolErrorsAbi.js";
import { RemixError } from "./base.js";
import { ChainMismatchError, ContractNotDeployedError } from "./deployment.js";
import { ContractRevertError, UnknownRevertError } from "./contract.js";
import { nodeMessageOf } from "./nodeMessage.js";
import { LogRangeTooLargeError, RpcConnectionError } from "./rpc.js";
import { RpcError } from "./transaction.js";
import { InsufficientFundsError, UserRejectedError } from "./wallet.js";

// Node message forms viem does not classify itself (anvil's "Insufficient funds for gas * price +
// value" already is viem's InsufficientFundsError).
/** hardhat node: "Sender doesn't have enough funds to send tx. The max upfront cost is: ...". */
const HARDHAT_INSUFFICIENT_FUNDS = /sender doesn't have enough funds to send tx/i;
/** hardhat node, for a raw transaction signed for another chain: "Trying to send a raw transaction
 * with an invalid chainId. The expected chainId is 31337". */
const HARDHAT_WRONG_CHAIN = /invalid chainId\. The expected chainId is (\d+)/i;
/** viem's ChainMismatchError keeps both chain ids in its message only. */
const VIEM_WRONG_CHAIN = /wallet \(id: (\d+)\).*transaction \(id: (\d+)/s;
/** The chain a failed transaction was signed for, in viem's listing of its arguments. */
const TRANSACTION_CHAIN = /^\s*chain:\s.*\(id: (\d+)\)$/m;
/**
 * Refusals of an `eth_getLogs` for its block range or result size: reth ("query exceeds max block
 * range 100000", "query exceeds max results 20000"), BSC and publicnode ("exceed maximum block
 * range: 50000"), Infura ("query returned more than 10000 results"), Frontier chains ("block
 * range is too wide (maximum 10)"), Alchemy ("Log response size exceeded."). hardhat node and
 * anvil have no such limit.
 */
const LOG_RANGE_REFUSAL =
  /exceeds? max(imum)? block range|exceeds max results|returned more than \d+ results|block range is too wide|response size exceeded/i;

/**
 * Turns anything a viem call threw into an SDK error, keeping it as `cause`: a revert becomes a
 * {@link ContractRevertError} (decoded against every protocol and OpenZeppelin error) or an
 * {@link UnknownRevertError}; a call to an address without code becomes a
 * {@link ContractNotDeployedError}; a declined wallet prompt a {@link UserRejectedError}; a
 * sender short of ETH an {@link InsufficientFundsError}; a transaction for another chain than the
 * node's a {@link ChainMismatchError}; an unreachable endpoint an {@link RpcConnectionError};
 * anything else an {@link RpcError} quoting the node.
 */
export function toRemixError(error: unknown): RemixError {
  if (error instanceof RemixError) return error;
  if (hasCause(error, "UserRejectedRequestError")) return new UserRejectedError({ cause: error });
  const data = findRevertData(error);
  if (data !== undefined && data.length >= 10) {
    try {
      const decoded = decodeErrorResult({ abi: protocolErrorsAbi, data });
      // viem also decodes Solidity's built-in Error(string) and Panic(uint256).
      const builtIn: string = decoded.errorName;
      if (builtIn === "Error" || builtIn === "Panic") {
        return new UnknownRevertError(
          { data, reason: `${builtIn}(${String(decoded.args?.[0])})` },
          { cause: error },
        );
      }
      return new ContractRevertError(
        { errorName: decoded.errorName, args: decoded.args, data } as ConstructorParameters<
          typeof ContractRevertError
        >[0],
        { cause: error },
      );
    } catch {
      return new UnknownRevertError({ data }, { cause: error });
    }
  }
  const message = nodeMessageOf(error) ?? "";
  if (hasCause(error, "InsufficientFundsError") || HARDHAT_INSUFFICIENT_FUNDS.test(message)) {
    return new InsufficientFundsError({ cause: error });
  }
  const chains = mismatchedChains(error, message);
  if (chains) return new ChainMismatchError(chains, { cause: error });
  if (hasCause(error, "ContractFunctionZeroDataError")) {
    return new ContractNotDeployedError({ address: findContractAddress(error) }, { cause: error });
  }
  if (isRevert(error)) return new UnknownRevertError({ data }, { cause: error });
  const unreachable = unreachableEndpoint(error);
  if (unreachable) return new RpcConnectionError(unreachable, { cause: error });
  return new RpcError({ cause: error });
}

/**
 * {@link toRemixError} for an `eth_getLogs` over `range`: a node's refusal of the range or of the
 * result's size, or an answer over the client's response size limit, becomes a
 * {@link LogRangeTooLargeError} naming the range.
 */
export function toLogScanError(
  error: unknown,
  range: { fromBlock: bigint; toBlock: bigint },
): RemixError {
  if (error instanceof RemixError && !(error instanceof RpcError)) return error;
  // The fetch may have mapped the viem error already: its RpcError keeps it as cause.
  const original = error instanceof RpcError ? error.cause : error;
  const tooLarge = findCause(original, (cause) => cause.name === "ResponseBodyTooLargeError");
  if (tooLarge) {
    const { maxSize } = tooLarge as { maxSize?: number };
    return new LogRangeTooLargeError(range, {
      cause: original,
      details: `The answer exceeded the client's limit of ${maxSize} bytes (viem's \`maxResponseBodySize\`).`,
    });
  }
  const message = nodeMessageOf(original);
  if (message && LOG_RANGE_REFUSAL.test(message)) {
    return new LogRangeTooLargeError(range, { cause: original, details: message });
  }
  return toRemixError(error);
}

/** Both chain ids of a transaction refused for being signed for another chain than the node's. */
function mismatchedChains(
  error: unknown,
  message: string,
): { deploymentChainId: number; clientChainId: number } | undefined {
  const viemMismatch = findCause(error, (cause) => cause.name === "ChainMismatchError");
  const named = viemMismatch && VIEM_WRONG_CHAIN.exec(shortMessageOf(viemMismatch));
  if (named) return { clientChainId: Number(named[1]), deploymentChainId: Number(named[2]) };
  const expected = HARDHAT_WRONG_CHAIN.exec(message);
  const signed = expected && TRANSACTION_CHAIN.exec(metaMessagesOf(error));
  if (expected && signed) {
    return { clientChainId: Number(expected[1]), deploymentChainId: Number(signed[1]) };
  }
  return undefined;
}

/** The endpoint and reason of a request that got no answer at all (not an HTTP error status). */
function unreachableEndpoint(error: unknown): { url: string; reason: string } | undefined {
  const failed = findCause(
    error,
    (cause) =>
      cause.name === "TimeoutError" ||
      cause.name === "WebSocketRequestError" ||
      cause.name === "SocketClosedError" ||
      (cause.name === "HttpRequestError" && (cause as { status?: unknown }).status === undefined),
  );
  const url = (failed as { url?: unknown } | undefined)?.url;
  if (!failed || typeof url !== "string") return undefined;
  if (failed.name === "TimeoutError") return { url, reason: "timed out" };
  // fetch's own error says only "fetch failed"; the system error below it names the cause.
  let deepest: Error = failed;
  while (deepest.cause instanceof Error) deepest = deepest.cause;
  return { url, reason: deepest.message };
}

/** The revert data anywhere in a viem error's cause chain. */
function findRevertData(error: unknown): Hex | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const candidate = current as { raw?: unknown; data?: unknown };
    if (isHex(candidate.raw) && candidate.raw !== "0x") return candidate.raw;
    if (isHex(candidate.data) && candidate.data !== "0x") return candidate.data;
    const nested = (candidate.data as { data?: unknown } | undefined)?.data;
    if (isHex(nested) && nested !== "0x") return nested;
  }
  return undefined;
}

/** The called contract that viem's ContractFunctionExecutionError names. */
function findContractAddress(error: unknown): Address | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const address = (current as { contractAddress?: unknown }).contractAddress;
    if (typeof address === "string" && isAddress(address)) return address;
  }
  return undefined;
}

function isRevert(error: unknown): boolean {
  return (
    hasCause(error, "ContractFunctionRevertedError") || hasCause(error, "ExecutionRevertedError")
  );
}

function hasCause(error: unknown, name: string): boolean {
  return findCause(error, (cause) => cause.name === name) !== undefined;
}

function findCause(error: unknown, predicate: (cause: Error) => boolean): Error | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (predicate(current)) return current;
  }
  return undefined;
}

function shortMessageOf(error: Error): string {
  const short = (error as { shortMessage?: unknown }).shortMessage;
  return typeof short === "string" ? short : error.message;
}

/** Every `metaMessages` line in the cause chain (viem lists a transaction's arguments there). */
function metaMessagesOf(error: unknown): string {
  const lines: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    const meta = (current as { metaMessages?: unknown }).metaMessages;
    if (Array.isArray(meta)) lines.push(...meta.filter((line) => typeof line === "string"));
  }
  return lines.join("\n");
}
