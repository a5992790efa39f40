import { type Address, isAddressEqual } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { Deployment } from "../../deployments/deployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { ownedFromIndexer } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import { ascending } from "../../utils/lineageGraph.js";
import { pinBlock, scanProtocolLogs } from "../../utils/protocolLogs.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getOwnedAssets}. */
export type GetOwnedAssetsParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters &
  IndexerParameters & {
    owner: Address;
  };

/** The ids of the assets `owner` holds at the block read, ascending. */
export type GetOwnedAssetsReturnType = bigint[];

/** What {@link getOwnedAssets} rejects with: always a {@link RemixError} subclass. */
export type GetOwnedAssetsErrorType = RemixError;

/**
 * The assets (protocol ERC-721 tokens) `owner` holds, in about three requests whatever their
 * number: the block, every `Transfer` to `owner` from the deployment on (one `eth_getLogs`, or one
 * per `maxBlockRange` blocks), then one batched `ownerOf` of those ids, which drops the assets
 * transferred away since. With `indexer`, the candidates are the assets the indexer says
 * `owner` holds (so an asset received after its latest indexed block is missed), and the same
 * batch of `ownerOf` confirms them.
 *
 * @example
 * const assetIds = await getOwnedAssets(publicClient, { owner: "0xA11ce..." });
 */
export async function getOwnedAssets(
  client: AnyClient,
  parameters: GetOwnedAssetsParameters,
): Promise<GetOwnedAssetsReturnType> {
  const { owner } = parameters;
  requireAddress("owner", owner);
  const deployment = resolveDeployment(client, parameters);
  const blockNumber = await pinBlock(client, parameters.blockNumber);
  if (parameters.indexer !== undefined) {
    const candidates = await ownedFromIndexer(parameters.indexer, deployment, owner);
    return heldBy(client, deployment, owner, candidates, blockNumber);
  }
  const transfers = await scanProtocolLogs(client, deployment, {
    eventName: "Transfer",
    args: { to: owner },
    toBlock: blockNumber,
    ...scanOptions(parameters),
  });
  return heldBy(
    client,
    deployment,
    owner,
    ascending(transfers.map(({ args }) => args.tokenId)),
    blockNumber,
  );
}

/**
 * Of `candidates` (ascending), the assets `owner` holds at `blockNumber`, by one batch of
 * `ownerOf`: what a list from logs or an indexer becomes once the chain confirms it.
 */
export async function heldBy(
  client: AnyClient,
  deployment: Deployment,
  owner: Address,
  candidates: readonly bigint[],
  blockNumber: bigint,
): Promise<bigint[]> {
  const owners = await readContracts(
    client,
    deployment,
    candidates.map(
      (assetId) =>
        ({
          address: deployment.protocol,
          abi: remixProtocolAbi,
          functionName: "ownerOf",
          args: [assetId],
        }) as const,
    ),
    { blockNumber },
  );
  return candidates.filter((_, index) => isAddressEqual(owners[index] as Address, owner));
}
