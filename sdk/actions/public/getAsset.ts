import type { Address, Hex } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getAsset}. */
export type GetAssetParameters = DeploymentParameters &
  BatchReadParameters & {
    assetId: bigint;
  };

/** One registered asset. */
export type Asset = {
  assetId: bigint;
  /** The current owner, who claims its revenue and sets its terms. */
  owner: Address;
  /** Registration time, in seconds since the epoch. */
  createdAt: bigint;
  contentHash: Hex;
  metadataUri: string;
  parentCount: number;
  childCount: number;
};

/** What {@link getAsset} resolves to. */
export type GetAssetReturnType = Asset;

/** What {@link getAsset} rejects with: always a {@link RemixError} subclass. */
export type GetAssetErrorType = RemixError;

/**
 * Reads one asset. An unknown id fails with `ContractRevertError` `AssetNotFound`.
 *
 * @example
 * const asset = await getAsset(publicClient, { assetId: 1n });
 * console.log(asset.owner, asset.metadataUri);
 */
export async function getAsset(
  client: AnyClient,
  parameters: GetAssetParameters,
): Promise<GetAssetReturnType> {
  const [asset] = await getAssets(client, { ...parameters, assetIds: [parameters.assetId] });
  return asset as Asset;
}

/** Parameters of {@link getAssets}. */
export type GetAssetsParameters = DeploymentParameters &
  BatchReadParameters & {
    assetIds: readonly bigint[];
  };

/**
 * Reads many assets in as few requests as the chain allows (Multicall3 where available).
 *
 * @example
 * const assets = await getAssets(publicClient, { assetIds: [1n, 2n, 3n] });
 */
export async function getAssets(
  client: AnyClient,
  parameters: GetAssetsParameters,
): Promise<Asset[]> {
  const deployment = resolveDeployment(client, parameters);
  const views = await readContracts(
    client,
    deployment,
    parameters.assetIds.map(
      (assetId) =>
        ({
          address: deployment.protocol,
          abi: remixProtocolAbi,
          functionName: "getAsset",
          args: [assetId],
        }) as const,
    ),
    parameters,
  );
  return views.map((view, index) => ({
    assetId: parameters.assetIds[index] as bigint,
    owner: view.owner,
    createdAt: view.createdAt,
    contentHash: view.contentHash,
    metadataUri: view.metadataURI,
    parentCount: Number(view.parentCount),
    childCount: Number(view.childCount),
  }));
}
