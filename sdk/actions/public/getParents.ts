import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";

import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import type { RemixParent } from "../../utils/validateParents.js";
import { requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link getParents}. */
export type GetParentsParameters = DeploymentParameters &
  BatchReadParameters & {
    assetId: bigint;
  };

/** The parents in registration order, each with its share; empty for an original. */
export type GetParentsReturnType = RemixParent[];

/** What {@link getParents} rejects with: always a {@link RemixError} subclass. */
export type GetParentsErrorType = RemixError;

/**
 * Reads the direct parents of an asset and their shares, fixed at registration. An unknown id
 * reads as an original (no parents); use `getAsset` to check existence.
 *
 * @example
 * const parents = await getParents(publicClient, { assetId: 3n });
 * // [{ assetId: 1n, shareBps: 3_000 }, { assetId: 2n, shareBps: 2_000 }]
 */
export async function getParents(
  client: AnyClient,
  parameters: GetParentsParameters,
): Promise<GetParentsReturnType> {
  const deployment = resolveDeployment(client, parameters);
  requireUint256("assetId", parameters.assetId);
  const [parents] = await readContracts(
    client,
    deployment,
    [
      {
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "parentsOf",
        args: [parameters.assetId],
      },
    ] as const,
    parameters,
  );
  return parents.map(({ parentId, shareBps }) => ({ assetId: parentId, shareBps }));
}
