import { type Address, erc20Abi } from "viem";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import type { PreparedCall, TokenPull } from "../../utils/preparedCall.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getAllowanceShortfalls}. */
export type GetAllowanceShortfallsParameters = DeploymentParameters &
  BatchReadParameters & {
    /** Who will send the call. */
    owner: Address;
    /** A prepared write (any `prepare...` action's result): its `pulls` are checked. */
    call: Pick<PreparedCall, "pulls">;
  };

/** A token the call may pull more of than `owner` allows: approve `amount` (at least) first. */
export type AllowanceShortfall = TokenPull & {
  /** What `spender` may take from `owner` now. */
  allowance: bigint;
};

/** What {@link getAllowanceShortfalls} resolves to: empty when the call can pull all it needs. */
export type GetAllowanceShortfallsReturnType = AllowanceShortfall[];

/** What {@link getAllowanceShortfalls} rejects with: always a {@link RemixError} subclass. */
export type GetAllowanceShortfallsErrorType = RemixError;

/**
 * The approvals a prepared call needs before it is sent: each ERC-20 it may pull from `owner`
 * whose allowance is short, in one batched read. A dapp asks for these approvals first, so the
 * call itself never fails on an allowance.
 *
 * @example
 * const call = await prepareBuyLicences(walletClient, { assetIds, kind: UseKind.AITraining });
 * for (const { token, amount } of await getAllowanceShortfalls(publicClient, { owner, call })) {
 *   await approveToken(walletClient, { token, amount });
 * }
 */
export async function getAllowanceShortfalls(
  client: AnyClient,
  parameters: GetAllowanceShortfallsParameters,
): Promise<GetAllowanceShortfallsReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { owner, call } = parameters;
  requireAddress("owner", owner);
  const pulls = call.pulls ?? [];
  const allowances = await readContracts(
    client,
    deployment,
    pulls.map(
      ({ token, spender }) =>
        ({
          address: token,
          abi: erc20Abi,
          functionName: "allowance",
          args: [owner, spender],
        }) as const,
    ),
    parameters,
  );
  return pulls.flatMap((pull, index) => {
    const allowance = allowances[index] as bigint;
    return allowance < pull.amount ? [{ ...pull, allowance }] : [];
  });
}
