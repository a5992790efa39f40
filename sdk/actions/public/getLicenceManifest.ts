import { type Address, getAddress, type Hex } from "viem";
import { getBlock } from "viem/actions";
import { licensingAbi } from "../../abis/licensingAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { ContractRevertError } from "../../errors/contract.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { UseKind } from "../../utils/constants.js";
import { requireNonEmpty, requireUint } from "../../utils/inputChecks.js";
import { toExpiry } from "../../utils/licenceExpiry.js";
import { scanProtocolLogs } from "../../utils/protocolLogs.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getLicenceManifest}. */
export type GetLicenceManifestParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters & {
    /** The licences to list, each once (for example the `licenceIds` a `buyLicences` returned). */
    licenceIds: readonly bigint[];
  };

/** A use kind by its name in {@link UseKind} (`"AITraining"`). */
export type UseKindName = keyof typeof UseKind;

/** One licence as a manifest lists it, read on chain. */
export type LicenceManifestEntry = {
  licenceId: bigint;
  assetId: bigint;
  /** The content hash the asset was registered with (its `AssetRegistered` log). */
  contentHash: Hex;
  kind: UseKindName;
  /** The terms version the licence was bought under. */
  termsVersion: number;
  /** The document hash of that terms version: what the licence's text must hash to. */
  termsDocumentHash: Hex;
  /** Purchase time, in seconds since the epoch. */
  issuedAt: bigint;
  /** End of validity in seconds since the epoch; `null` when perpetual. */
  expiresAt: bigint | null;
  holder: Address;
  /**
   * Whether `holder` may make `kind` uses of the asset at the manifest's block, as the contract's
   * `hasValidLicence` answers: any licence of the holder for that asset and kind counts, so an
   * expired licence reads `true` once a later one was bought.
   */
  valid: boolean;
};

/** A licence manifest: where and when it was read, and each licence. */
export type LicenceManifest = {
  chainId: number;
  /** The licensing contract (checksummed). */
  licensing: Address;
  /** The protocol contract (checksummed). */
  protocol: Address;
  /** The timestamp of `blockNumber`. */
  generatedAt: bigint;
  /** The block every field was read at. */
  blockNumber: bigint;
  /** In the order of `licenceIds`. */
  licences: LicenceManifestEntry[];
};

/** What {@link getLicenceManifest} resolves to. */
export type GetLicenceManifestReturnType = LicenceManifest;

/** What {@link getLicenceManifest} rejects with: always a {@link RemixError} subclass. */
export type GetLicenceManifestErrorType = RemixError;

const KIND_NAMES = Object.keys(UseKind) as UseKindName[];

/**
 * The manifest of a set of licences, all read at one block: each licence, its asset's content
 * hash, its terms version's document hash and whether its holder may use the asset now. Four
 * requests for up to 125 licences: the block, one batched read of the licences, then at once one
 * batched read of the terms and `hasValidLicence` answers (two calls a licence; Multicall3 takes
 * 250 a request) and one `eth_getLogs` of the assets' registrations (one per `maxBlockRange`
 * blocks). An id never issued fails with `InvalidParameterError` naming it. Serialize it with
 * `formatLicenceManifest`.
 *
 * @example
 * const { licenceIds } = await buyLicences(walletClient, { assetIds, kind: UseKind.AITraining });
 * const manifest = await getLicenceManifest(publicClient, { licenceIds });
 * writeFileSync("licence-manifest.json", formatLicenceManifest(manifest));
 */
export async function getLicenceManifest(
  client: AnyClient,
  parameters: GetLicenceManifestParameters,
): Promise<GetLicenceManifestReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { licenceIds } = parameters;
  requireNonEmpty("licenceIds", licenceIds);
  const seen = new Set<bigint>();
  licenceIds.forEach((licenceId, index) => {
    requireUint(`licenceIds[${index}]`, licenceId, 256, 1n);
    if (seen.has(licenceId)) {
      throw new InvalidParameterError({
        parameter: `licenceIds[${index}]`,
        reason: `licence ${licenceId} is listed twice`,
      });
    }
    seen.add(licenceId);
  });
  const block = await getBlock(
    client,
    parameters.blockNumber === undefined
      ? { blockTag: "latest" }
      : { blockNumber: parameters.blockNumber },
  ).catch((error: unknown) => {
    throw toRemixError(error);
  });
  const at = { blockNumber: block.number };
  const licences = await readContracts(
    client,
    deployment,
    licenceIds.map(
      (licenceId) =>
        ({
          address: deployment.licensing,
          abi: licensingAbi,
          functionName: "getLicence",
          args: [licenceId],
        }) as const,
    ),
    at,
  ).catch((error: unknown) => {
    throw neverIssued(error, licenceIds);
  });
  const assetIds = [...new Set(licences.map((licence) => BigInt(licence.assetId)))];
  const [answers, registrations] = await Promise.all([
    readContracts(
      client,
      deployment,
      licences.flatMap(
        (licence) =>
          [
            {
              address: deployment.licensing,
              abi: licensingAbi,
              functionName: "getTerms",
              args: [BigInt(licence.assetId), licence.kind, licence.termsVersion],
            },
            {
              address: deployment.licensing,
              abi: licensingAbi,
              functionName: "hasValidLicence",
              args: [licence.holder, BigInt(licence.assetId), licence.kind],
            },
          ] as const,
      ),
      at,
    ),
    scanProtocolLogs(client, deployment, {
      eventName: "AssetRegistered",
      args: { assetId: assetIds },
      toBlock: block.number,
      ...scanOptions(parameters),
    }),
  ]);
  const contentHashes = new Map(
    registrations.map((log) => [log.args.assetId, log.args.contentHash]),
  );
  return {
    chainId: deployment.chainId,
    // Checksummed whatever the deployment's casing: manifests compare as text.
    licensing: getAddress(deployment.licensing),
    protocol: getAddress(deployment.protocol),
    generatedAt: block.timestamp,
    blockNumber: block.number,
    licences: licences.map((licence, index) => {
      const assetId = BigInt(licence.assetId);
      const contentHash = contentHashes.get(assetId);
      // As getAsset: a node that pruned or hides the log is named rather than answered wrongly.
      if (contentHash === undefined) {
        throw new InvalidParameterError({
          parameter: `licenceIds[${index}]`,
          reason: `asset ${assetId} exists, but the node returned no AssetRegistered log for it (from block ${deployment.fromBlock})`,
        });
      }
      const terms = answers[2 * index] as { documentHash: Hex };
      const [valid] = answers[2 * index + 1] as readonly [boolean, number];
      return {
        licenceId: licenceIds[index] as bigint,
        assetId,
        contentHash,
        kind: KIND_NAMES[licence.kind] as UseKindName,
        termsVersion: licence.termsVersion,
        termsDocumentHash: terms.documentHash,
        issuedAt: BigInt(licence.issuedAt),
        expiresAt: toExpiry(licence.expiresAt),
        holder: licence.holder,
        valid,
      };
    }),
  };
}

/** The licensing contract answers an id it never issued with `ERC721NonexistentToken(id)`. */
function neverIssued(error: unknown, licenceIds: readonly bigint[]): RemixError {
  const remix = toRemixError(error);
  if (!(remix instanceof ContractRevertError) || !remix.is("ERC721NonexistentToken")) return remix;
  const [licenceId] = remix.args;
  return new InvalidParameterError({
    parameter: `licenceIds[${licenceIds.indexOf(licenceId)}]`,
    reason: `licence ${licenceId} was never issued`,
  });
}
