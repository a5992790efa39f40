import type { LicenceManifest } from "../actions/public/getLicenceManifest.js";

/**
 * A licence manifest as indented JSON, with every bigint (ids, timestamps, the block number) as a
 * decimal string, since JSON numbers lose precision above 2^53; a perpetual licence's
 * `expiresAt` stays `null`. Terms versions and the chain id are plain numbers.
 *
 * @example
 * const json = formatLicenceManifest(await getLicenceManifest(publicClient, { licenceIds }));
 * // {
 * //   "chainId": 31337,
 * //   ...
 * //   "licences": [{ "licenceId": "1", "assetId": "7", "kind": "AITraining", ... }]
 * // }
 */
export function formatLicenceManifest(manifest: LicenceManifest): string {
  return JSON.stringify(
    manifest,
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    2,
  );
}
