import { type Address, erc20Abi } from "viem";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { requireErc20 } from "../../utils/requireErc20.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getAllowance}. */
export type GetAllowanceParameters = DeploymentParameters &
  BatchReadParameters & {
    /** The ERC-20 (not ETH). */
    token: Address;
    owner: Address;
    /** Default: the protocol. */
    spender?: Address | undefined;
  };

/** What `spender` may still take from `owner`, in the token's smallest unit. */
export type GetAllowanceReturnType = bigint;

/** What {@link getAllowance} rejects with: always a {@link RemixError} subclass. */
export type GetAllowanceErrorType = RemixError;

/**
 * Reads an ERC-20 allowance, by default the one the protocol uses to pull payments.
 *
 * @example
 * const allowance = await getAllowance(publicClient, { token: usd, owner: "0x..." });
 * if (allowance < price) await approveToken(walletClient, { token: usd, amount: price });
 */
export async function getAllowance(
  client: AnyClient,
  parameters: GetAllowanceParameters,
): Promise<GetAllowanceReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const spender = parameters.spender ?? deployment.protocol;
  requireErc20("token", parameters.token);
  requireAddress("owner", parameters.owner);
  requireAddress("spender", spender);
  const [allowance] = await readContracts(
    client,
    deployment,
    [
      {
        address: parameters.token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [parameters.owner, spender],
      },
    ] as const,
    parameters,
  );
  return allowance;
}
