import { decodeErrorResult, type Hex, isHex } from "viem";
import { protocolErrorsAbi } from "../abis/protocolErrorsAbi.js";
import { RemixError } from "./base.js";
import { ContractNotDeployedError } from "./deployment.js";
import { ContractRevertError, UnknownRevertError } from "./contract.js";
import { RpcError } from "./transaction.js";
import { InsufficientFundsError, UserRejectedError } from "./wallet.js";

/**
 * Turns anything a viem call threw into an SDK error, keeping it as `cause`: a revert becomes a
 * {@link ContractRevertError} (decoded against every protocol and OpenZeppelin error) or an
 * {@link UnknownRevertError}; a call to an address without code becomes a
 * {@link ContractNotDeployedError}; a declined wallet prompt a {@link UserRejectedError}; a
 * sender short of ETH an {@link InsufficientFundsError}; anything else an {@link RpcError}.
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
  if (hasCause(error, "InsufficientFundsError"))
    return new InsufficientFundsError({ cause: error });
  if (hasCause(error, "ContractFunctionZeroDataError")) {
    return new ContractNotDeployedError({ cause: error });
  }
  if (isRevert(error)) return new UnknownRevertError({ data }, { cause: error });
  return new RpcError({ cause: error });
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

function isRevert(error: unknown): boolean {
  return (
    hasCause(error, "ContractFunctionRevertedError") || hasCause(error, "ExecutionRevertedError")
  );
}

function hasCause(error: unknown, name: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.name === name) return true;
  }
  return false;
}
