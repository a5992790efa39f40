import type { Address, Hex } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { pinBlock, scanProtocolLogs } from "../../utils/protocolLogs.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getAsset}. */
export type GetAssetParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters & {
    assetId: bigint;
  };

/** One registered asset, as its id's storage records it. */
export type Asset = {
  assetId: bigint;
  /** The current owner, who claims its revenue and sets its terms. */
  owner: Address;
  /** Registration time, in seconds since the epoch. */
  createdAt: bigint;
  metadataUri: string;
  parentCount: number;
  childCount: number;
};

/** One registered asset with what its registration recorded in the logs. */
export type AssetDetails = Asset & {
  /** The registered content hash (the registry stores it once, as the key of the asset). */
  contentHash: Hex;
  /** Who registered it, which the current `owner` may no longer be. */
  creator: Address;
};

/** What {@link getAsset} resolves to. */
export type GetAssetReturnType = AssetDetails;

/** What {@link getAsset} rejects with: always a {@link RemixError} subclass. */
export type GetAssetErrorType = RemixError;

/**
 * Reads one asset, with its content hash and creator from its `AssetRegistered` log (one
 * `eth_getLogs` filtered by the asset's id, or one per `maxBlockRange` blocks). An unknown id
 * fails with `ContractRevertError` `AssetNotFound`. To check that some content is this asset,
 * `getAssetIdOf` its hash is one call.
 *
 * @example
 * const asset = await getAsset(publicClient, { assetId: 1n });
 * console.log(asset.owner, asset.contentHash, asset.metadataUri);
 */
export async function getAsset(
  client: AnyClient,
  parameters: GetAssetParameters,
): Promise<GetAssetReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId } = parameters;
  const blockNumber = await pinBlock(client, parameters.blockNumber);
  const [[asset], [registered]] = await Promise.all([
    getAssets(client, { ...parameters, assetIds: [assetId], blockNumber }),
    scanProtocolLogs(client, deployment, {
      eventName: "AssetRegistered",
      args: { assetId },
      toBlock: blockNumber,
      ...scanOptions(parameters),
    }),
  ]);
  // The view reverted AssetNotFound already if the asset does not exist; a node that pruned or
  // hides the log is named rather than answered with a wrong hash.
  if (!registered) {
    throw new InvalidParameterError({
      parameter: "assetId",
      reason: `asset ${assetId} exists, but the node returned no AssetRegistered log for it (from block ${deployment.fromBlock})`,
    });
  }
  return {
    ...(asset as Asset),
    contentHash: registered.args.contentHash,
    creator: registered.args.creator,
  };
}

/** Parameters of {@link getAssets}. */
export type GetAssetsParameters = DeploymentParameters &
  BatchReadParameters & {
    assetIds: readonly bigint[];
  };

/**
 * Reads many assets in as few requests as the chain allows (Multicall3 where available), from
 * storage alone: no content hashes (see {@link getAsset}).
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
    metadataUri: view.metadataURI,
    parentCount: Number(view.parentCount),
    childCount: Number(view.childCount),
  }));
}
