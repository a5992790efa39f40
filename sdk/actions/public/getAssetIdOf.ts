import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { type ContentParameters, contentHashOf } from "../../utils/contentHashOf.js";
import { requireBytes32 } from "../../utils/inputChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getAssetIdOf}. */
export type GetAssetIdOfParameters = DeploymentParameters & BatchReadParameters & ContentParameters;

/** What {@link getAssetIdOf} resolves to: the asset, or `null` when the content is not registered. */
export type GetAssetIdOfReturnType = bigint | null;

/** What {@link getAssetIdOf} rejects with: always a {@link RemixError} subclass. */
export type GetAssetIdOfErrorType = RemixError;

/**
 * The asset registered with some content (its bytes or its hash), in one call: the on-chain check
 * that content is a given asset, and the duplicate check before registering.
 *
 * @example
 * const assetId = await getAssetIdOf(publicClient, { content: await readFile("demo.mp4") });
 * if (assetId !== 1n) throw new Error("these bytes are not asset 1");
 */
export async function getAssetIdOf(
  client: AnyClient,
  parameters: GetAssetIdOfParameters,
): Promise<GetAssetIdOfReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const contentHash = contentHashOf(parameters);
  requireBytes32("contentHash", contentHash);
  const [assetId] = await readContracts(
    client,
    deployment,
    [
      {
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "assetIdOf",
        args: [contentHash],
      },
    ] as const,
    parameters,
  );
  return assetId === 0n ? null : assetId;
}
