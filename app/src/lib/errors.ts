// Errors as people read them: the SDK's sentence for a revert, nothing for a declined prompt.
import { ContractRevertError, toRemixError, UserRejectedError } from "../../../sdk/index.js";

/**
 * The sentence to show for `error`, or `null` when the user declined the wallet's prompt (a
 * quiet cancel, not a failure). Reverts are decoded by the SDK, never shown as hex.
 */
export function errorSentence(error: unknown): string | null {
  const remix = toRemixError(error);
  if (remix instanceof UserRejectedError) return null;
  if (remix instanceof ContractRevertError) return remix.describe();
  return remix.shortMessage;
}
