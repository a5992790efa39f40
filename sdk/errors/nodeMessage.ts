/**
 * The node's own words for a failed request: the deepest `details` in the cause chain, which viem
 * sets to the JSON-RPC error's `message` (or to the transport's failure).
 */
export function nodeMessageOf(error: unknown): string | undefined {
  let message: string | undefined;
  for (let current = error; current instanceof Error; current = current.cause) {
    const details = (current as { details?: unknown }).details;
    if (typeof details === "string" && details.trim() !== "") message = details.trim();
  }
  return message;
}
