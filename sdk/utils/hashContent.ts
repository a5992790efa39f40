import { type Hex, sha256 } from "viem";

/**
 * The content hash the protocol records for a work: the SHA-256 of its bytes. Equal to
 * `sha256sum <file>` and to `createHash("sha256")` in Node.
 *
 * @example
 * const contentHash = hashContent(await readFile("demo.mp4"));
 */
export function hashContent(content: Uint8Array): Hex {
  return sha256(content);
}
