import { type Address, getAbiItem, isAddressEqual } from "viem";
import { getBlock, getLogs } from "viem/actions";
import { licensingAbi } from "../../abis/licensingAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { UseKind } from "../../utils/constants.js";
import { licencesFromIndexer } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import { toExpiry } from "../../utils/licenceExpiry.js";
import { requireAddress, requireUint256 } from "../../utils/inputChecks.js";
import { assertUseKind } from "../../utils/licensingChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanBlocks, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getLicences}. */
export type GetLicencesParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters &
  IndexerParameters & {
    holder: Address;
    /** Only licences for this use kind. */
    kind?: UseKind | undefined;
    /** Only licences of this asset. */
    assetId?: bigint | undefined;
  };

/** One licence token, as issued and (for `Remix`) consumed. */
export type Licence = {
  licenceId: bigint;
  holder: Address;
  assetId: bigint;
  kind: UseKind;
  /** The terms version it was bought under (see `getTerms`). */
  termsVersion: number;
  /** Purchase time, in seconds since the epoch. */
  issuedAt: bigint;
  /** End of validity in seconds since the epoch; `null` when perpetual (always for `Remix`). */
  expiresAt: bigint | null;
  /** The remix that used this `Remix` licence; `null` while unused (and for other kinds). */
  consumedBy: bigint | null;
  /** For `Remix`: the least share a remix must give the asset under this licence. */
  minShareBps: number;
  /** Whether it can be relied on at the block read: not expired and, for `Remix`, unused. */
  usable: boolean;
};

/** What {@link getLicences} resolves to. */
export type GetLicencesReturnType = Licence[];

/** What {@link getLicences} rejects with: always a {@link RemixError} subclass. */
export type GetLicencesErrorType = RemixError;

const licenceIssued = getAbiItem({ abi: licensingAbi, name: "LicenceIssued" });

/**
 * Every licence issued to `holder` (licences cannot be transferred), oldest first: a scan of
 * `LicenceIssued` logs by holder from the deployment block (one request unless `maxBlockRange`
 * is set), then one batched read of the licences' current state. With `indexer`, the licence ids
 * come from the indexer instead of the scan (as of its latest indexed block), and the same
 * batched read gives their state on chain.
 *
 * @example
 * const usable = (await getLicences(publicClient, { holder: "0x...", kind: UseKind.Remix }))
 *   .filter((licence) => licence.usable);
 */
export async function getLicences(
  client: AnyClient,
  parameters: GetLicencesParameters,
): Promise<GetLicencesReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { holder, kind, assetId, blockNumber } = parameters;
  requireAddress("holder", holder);
  if (kind !== undefined) assertUseKind(kind);
  if (assetId !== undefined) requireUint256("assetId", assetId);
  const block = await getBlock(
    client,
    blockNumber === undefined ? { blockTag: "latest" } : { blockNumber },
  ).catch((error: unknown) => {
    throw toRemixError(error);
  });
  const ids =
    parameters.indexer === undefined
      ? (
          await scanBlocks(
            { fromBlock: deployment.fromBlock, toBlock: block.number, ...scanOptions(parameters) },
            (range) =>
              getLogs(client, {
                address: deployment.licensing,
                event: licenceIssued,
                args: assetId === undefined ? { holder } : { holder, assetId },
                strict: true,
                ...range,
              }).catch((error: unknown) => {
                throw toRemixError(error);
              }),
          )
        )
          .filter((log) => kind === undefined || log.args.kind === kind)
          .map((log) => log.args.licenceId)
      : await licencesFromIndexer(parameters.indexer, deployment, { holder, kind, assetId });
  const licences = await readContracts(
    client,
    deployment,
    ids.map(
      (licenceId) =>
        ({
          address: deployment.licensing,
          abi: licensingAbi,
          functionName: "getLicence",
          args: [licenceId],
        }) as const,
    ),
    { blockNumber: block.number },
  );
  return (
    licences
      .map((licence, index) => {
        const expiresAt = toExpiry(licence.expiresAt);
        const consumedBy = licence.consumedBy === 0n ? null : licence.consumedBy;
        return {
          licenceId: ids[index] as bigint,
          holder: licence.holder,
          assetId: BigInt(licence.assetId),
          kind: licence.kind as UseKind,
          termsVersion: licence.termsVersion,
          issuedAt: BigInt(licence.issuedAt),
          expiresAt,
          consumedBy,
          minShareBps: licence.minShareBps,
          // As `hasValidLicence`: valid while the expiry lies after the block's timestamp.
          usable:
            (expiresAt === null || expiresAt > block.timestamp) &&
            (licence.kind !== UseKind.Remix || consumedBy === null),
        };
      })
      // The chain has the last word on a list an indexer gave.
      .filter(
        (licence) =>
          isAddressEqual(licence.holder, holder) &&
          (kind === undefined || licence.kind === kind) &&
          (assetId === undefined || licence.assetId === assetId),
      )
  );
}
