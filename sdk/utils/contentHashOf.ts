import type { Hex } from "viem";
import { hashContent } from "./hashContent.js";

/** A work named by its bytes or by its content hash. */
export type ContentParameters =
  | { /** The work's bytes: hashed with {@link hashContent}. */ content: Uint8Array }
  | { /** The work's SHA-256 (see {@link hashContent}). */ contentHash: Hex };

/** The content hash a registration records for `parameters`. */
export function contentHashOf(parameters: ContentParameters): Hex {
  return "content" in parameters ? hashContent(parameters.content) : parameters.contentHash;
}
