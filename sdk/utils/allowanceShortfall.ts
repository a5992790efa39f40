import { type Address, erc20Abi } from "viem";
import { readContract } from "viem/actions";
import type { RemixError } from "../errors/base.js";
import { ContractRevertError, UnknownRevertError } from "../errors/contract.js";
import { InsufficientAllowanceError } from "../errors/wallet.js";
import type { PreparedCall } from "./preparedCall.js";
import type { AnyClient } from "./sendPreparedCall.js";

/**
 * `error`, or, when it is a token's revert (not a protocol error) on a call that pulls ERC-20s and
 * `owner`'s allowance for one of them is short, an {@link InsufficientAllowanceError} naming the
 * token and the amount to approve, with `error` as cause. Reads only on this failing path.
 */
export async function explainAllowanceShortfall(
  client: AnyClient,
  owner: Address,
  prepared: PreparedCall,
  error: RemixError,
): Promise<RemixError> {
  if (!prepared.pulls?.length || !isTokenRevert(error)) return error;
  // OpenZeppelin tokens say exactly what is needed; others only that the transfer failed.
  const needed =
    error instanceof ContractRevertError && error.is("ERC20InsufficientAllowance")
      ? error.args[2]
      : undefined;
  for (const { token, spender, amount } of prepared.pulls) {
    const allowance = await readContract(client, {
      address: token,
      abi: erc20Abi,
      functionName: "allowance",
      args: [owner, spender],
    }).catch(() => undefined);
    const required = needed ?? amount;
    if (allowance !== undefined && allowance < required) {
      return new InsufficientAllowanceError(
        { token, owner, spender, allowance, needed: required },
        { cause: error },
      );
    }
  }
  return error;
}

function isTokenRevert(error: RemixError): boolean {
  if (error instanceof UnknownRevertError) return true;
  return (
    error instanceof ContractRevertError &&
    (error.is("ERC20InsufficientAllowance") || error.is("SafeERC20FailedOperation"))
  );
}
