// The licence manifest of a purchase, built by the SDK from the chain and saved as a JSON file.
import type { PublicClient } from "viem";
import { type Deployment, formatLicenceManifest, getLicenceManifest } from "../../../sdk/index.js";

/** The file name of the manifest of `licenceIds`: `licence-manifest-<first id>.json`. */
export const manifestFileName = (licenceIds: readonly bigint[]) =>
  `licence-manifest-${licenceIds[0]}.json`;

/** Reads the manifest of `licenceIds` on chain and has the browser download it as JSON. */
export async function downloadManifest(
  publicClient: PublicClient,
  deployment: Deployment,
  licenceIds: readonly bigint[],
): Promise<void> {
  const manifest = await getLicenceManifest(publicClient, { deployment, licenceIds });
  const url = URL.createObjectURL(
    new Blob([formatLicenceManifest(manifest)], { type: "application/json" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = manifestFileName(licenceIds);
  link.click();
  // Revoked once the click's download has taken the data, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
