// A dropped file's content hash, computed in the browser: the file is never uploaded.
import { bytesToHex, type Hex } from "viem";

/** A file as a registration names it: its name, size and SHA-256 (the protocol's content hash). */
export type FileDigest = { name: string; size: number; contentHash: Hex };

/**
 * The SHA-256 of `file`'s bytes, by the browser's native Web Crypto (fast for large media), equal
 * to the SDK's `hashContent` of the same bytes.
 */
export async function digestFile(file: Blob & { name?: string }): Promise<FileDigest> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return {
    name: file.name ?? "",
    size: file.size,
    contentHash: bytesToHex(new Uint8Array(digest)),
  };
}
