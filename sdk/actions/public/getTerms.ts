import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { InvalidParameterError } from "../../errors/parameters.js";
import type { UseKind } from "../../utils/constants.js";
import { assertUseKind } from "../../utils/licensingChecks.js";
import type { BatchReadParameters } from "../../utils/readContracts.js";
import { readTerms, type VersionedTerms } from "../../utils/readTerms.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link getTerms}. */
export type GetTermsParameters = DeploymentParameters &
  BatchReadParameters & {
    assetId: bigint;
    kind: UseKind;
    /** The version to read (from 1); default the latest. */
    version?: number | undefined;
  };

/** The terms with their version. Version 0, or a version never published, reads as empty terms
 * (`allowed: false`, zero price, ETH). */
export type GetTermsReturnType = VersionedTerms;

/** What {@link getTerms} rejects with: always a {@link RemixError} subclass. */
export type GetTermsErrorType = RemixError;

/**
 * Reads one version of an asset's terms for a use kind: licences keep the version they were
 * bought under, so older versions stay readable.
 *
 * @example
 * const latest = await getTerms(publicClient, { assetId: 1n, kind: UseKind.Remix });
 * const first = await getTerms(publicClient, { assetId: 1n, kind: UseKind.Remix, version: 1 });
 */
export async function getTerms(
  client: AnyClient,
  parameters: GetTermsParameters,
): Promise<GetTermsReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, kind, version } = parameters;
  assertUseKind(kind);
  requireUint256("assetId", assetId);
  if (version !== undefined && (!Number.isInteger(version) || version < 0 || version >= 2 ** 32)) {
    throw new InvalidParameterError({ parameter: "version", reason: "not a uint32 integer" });
  }
  const [terms] = await readTerms(client, deployment, [{ assetId, version }], kind, parameters);
  return terms as VersionedTerms;
}
