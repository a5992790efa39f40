import type { Address } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { UseKind } from "../../utils/constants.js";
import { toExpiry } from "../../utils/licenceExpiry.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import { assertUseKind } from "../../utils/licensingChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link hasValidLicence}. */
export type HasValidLicenceParameters = DeploymentParameters &
  BatchReadParameters & {
    holder: Address;
    assetId: bigint;
    kind: UseKind;
  };

/** What {@link hasValidLicence} resolves to. */
export type HasValidLicenceReturnType = {
  /** Whether `holder` may make `kind` uses of the asset now (`Remix`: holds an unused licence;
   * `View`: always false, views are paid per use). */
  valid: boolean;
  /** When the holder's latest licence ends: `null` if it never does, `0n` if none was bought
   * (or `kind` is `View`). May lie in the past when `valid` is false. */
  validUntil: bigint | null;
};

/** What {@link hasValidLicence} rejects with: always a {@link RemixError} subclass. */
export type HasValidLicenceErrorType = RemixError;

/**
 * Whether an address holds a licence for `kind` uses of an asset, and until when.
 *
 * @example
 * const { valid, validUntil } = await hasValidLicence(publicClient, {
 *   holder: "0x...", assetId: 1n, kind: UseKind.AITraining,
 * });
 */
export async function hasValidLicence(
  client: AnyClient,
  parameters: HasValidLicenceParameters,
): Promise<HasValidLicenceReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { holder, assetId, kind } = parameters;
  requireAddress("holder", holder);
  assertUseKind(kind);
  requireUint256("assetId", assetId);
  const [[valid, validUntil]] = await readContracts(
    client,
    deployment,
    [
      {
        address: deployment.licensing,
        abi: licensingAbi,
        functionName: "hasValidLicence",
        args: [holder, assetId, kind],
      },
    ] as const,
    parameters,
  );
  return { valid, validUntil: toExpiry(validUntil) };
}
