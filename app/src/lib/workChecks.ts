// Checks on a work before its commitment: registered already, metadata present and short enough.
import { useQuery } from "@tanstack/react-query";
import { getAssetIdOf } from "../../../sdk/index.js";
import { useRemix } from "../context.ts";
import { errorSentence } from "./errors.ts";
import type { FileDigest } from "./fileDigest.ts";

/** The asset already registered with `file`'s content, if any (`undefined` while unknown). */
export function useRegisteredAs(file: FileDigest | null) {
  const { deployment, publicClient } = useRemix();
  return useQuery({
    queryKey: ["assetIdOf", file?.contentHash],
    enabled: file !== null,
    queryFn: () => getAssetIdOf(publicClient, { deployment, contentHash: file!.contentHash }),
  });
}

/** Why the commitment cannot be made yet, or `null`. */
export function registrationBlock(
  file: FileDigest | null,
  metadataUri: string,
  duplicate: ReturnType<typeof useRegisteredAs>,
): string | null {
  if (!file) return "Choose the file first.";
  if (duplicate.error) return errorSentence(duplicate.error);
  if (duplicate.data === undefined) return "Checking whether it is registered…";
  if (duplicate.data !== null) return "This work is already registered.";
  return metadataBlock(metadataUri);
}

/** Why `metadataUri` cannot be recorded, or `null`. */
export function metadataBlock(metadataUri: string): string | null {
  if (metadataUri.trim() === "") return "Enter its metadata URI.";
  if (new TextEncoder().encode(metadataUri).length > 512) {
    return "The metadata URI is longer than 512 bytes.";
  }
  return null;
}

/**
 * Whether to offer the registration steps: not while the duplicate check runs (a commitment
 * kept for the content would resume), and never for content already registered.
 */
export function showSteps(
  file: FileDigest | null,
  duplicate: ReturnType<typeof useRegisteredAs>,
): boolean {
  if (file === null) return true;
  if (duplicate.error) return true;
  return duplicate.data === null;
}
