import type { Address } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import type { RoyaltyBalance } from "../../utils/splitMath.js";

/** Parameters of {@link getBalances}. */
export type GetBalancesParameters = DeploymentParameters &
  BatchReadParameters & {
    assetIds: readonly bigint[];
    /** {@link ETH} (the zero address) and/or ERC-20s. */
    tokens: readonly Address[];
  };

/** What the engine holds for one asset in one token (see `royaltyBalance`). */
export type AssetBalance = RoyaltyBalance & {
  assetId: bigint;
  token: Address;
  /** What a claim pays now: `held` less what the asset's pending split owes its parents. */
  collectable: bigint;
};

/** What {@link getBalances} resolves to. */
export type GetBalancesReturnType = AssetBalance[];

/** What {@link getBalances} rejects with: always a {@link RemixError} subclass. */
export type GetBalancesErrorType = RemixError;

/**
 * Reads the balance and the collectable amount of every asset in every token, in one batched
 * read (Multicall3 where available). One entry per (asset, token), assets outer. Unknown assets
 * read as zero; empty lists give `[]` without a request.
 *
 * @example
 * const balances = await getBalances(publicClient, { assetIds: [1n, 2n], tokens: [ETH, usd] });
 * const claimable = balances.filter(({ collectable }) => collectable > 0n);
 */
export async function getBalances(
  client: AnyClient,
  parameters: GetBalancesParameters,
): Promise<GetBalancesReturnType> {
  const deployment = resolveDeployment(client, parameters);
  parameters.assetIds.forEach((assetId, index) => requireUint256(`assetIds[${index}]`, assetId));
  parameters.tokens.forEach((token, index) => requireAddress(`tokens[${index}]`, token));
  const pairs = parameters.assetIds.flatMap((assetId) =>
    parameters.tokens.map((token) => ({ assetId, token })),
  );
  const results = await readContracts(
    client,
    deployment,
    pairs.flatMap(({ assetId, token }) => [
      {
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "royaltyBalance",
        args: [assetId, token],
      } as const,
      {
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "collectableBalance",
        args: [assetId, token],
      } as const,
    ]),
    parameters,
  );
  // Two results per pair, in call order: the balance tuple, then the collectable amount.
  return pairs.map(({ assetId, token }, index) => {
    const [held, pendingGross, remainder] = results[2 * index] as readonly [bigint, bigint, bigint];
    return {
      assetId,
      token,
      held,
      pendingGross,
      remainder,
      collectable: results[2 * index + 1] as bigint,
    };
  });
}
