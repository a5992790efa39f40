import { licensingAbi } from "../abis/licensingAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import type { UseKind } from "./constants.js";
import { fromTermsStruct, type LicenceTerms } from "./licenceTerms.js";
import { type BatchReadParameters, readContracts } from "./readContracts.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** One version of an asset's terms for a kind; version 0 (none published) allows nothing. */
export type VersionedTerms = LicenceTerms & { version: number };

/**
 * Reads the `kind` terms of each query's asset, at the query's version or else the latest: one
 * batched read for the latest versions, one for the terms. Published versions never change, so
 * the two reads agree even if new terms land in between.
 */
export async function readTerms(
  client: AnyClient,
  deployment: Deployment,
  queries: readonly { assetId: bigint; version?: number | undefined }[],
  kind: UseKind,
  options: BatchReadParameters = {},
): Promise<VersionedTerms[]> {
  const unversioned = queries.filter((query) => query.version === undefined);
  const latest = await readContracts(
    client,
    deployment,
    unversioned.map(
      ({ assetId }) =>
        ({
          address: deployment.licensing,
          abi: licensingAbi,
          functionName: "latestTermsVersion",
          args: [assetId, kind],
        }) as const,
    ),
    options,
  );
  let next = 0;
  const versions = queries.map((query) => query.version ?? (latest[next++] as number));
  const terms = await readContracts(
    client,
    deployment,
    queries.map(
      ({ assetId }, index) =>
        ({
          address: deployment.licensing,
          abi: licensingAbi,
          functionName: "getTerms",
          args: [assetId, kind, versions[index] as number],
        }) as const,
    ),
    options,
  );
  return terms.map((struct, index) => ({
    ...fromTermsStruct(struct),
    version: versions[index] as number,
  }));
}
