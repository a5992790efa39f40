/** Options shared by every SDK error. */
export type RemixErrorOptions = {
  /** The error that caused this one, kept unchanged (a viem error, an RPC error, ...). */
  cause?: unknown;
  /** Technical detail, such as the node's own message. */
  details?: string;
};

/**
 * Root of the SDK's error tree. Branch on the subclass (`instanceof`) and its typed fields, never
 * on `message`, which is for people.
 */
export class RemixError extends Error {
  override name = "RemixError";
  /** One-line summary, without details or causes. */
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: RemixErrorOptions = {}) {
    const details = options.details ?? detailsOf(options.cause);
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, {
      cause: options.cause,
    });
    this.shortMessage = shortMessage;
    this.details = details;
  }

  /**
   * The first error in the `cause` chain (this one included) that satisfies `predicate`, or the
   * deepest cause when no predicate is given.
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    while (current !== undefined) {
      if (predicate?.(current)) return current;
      const next: unknown = current instanceof Error ? current.cause : undefined;
      if (next === undefined) return predicate ? undefined : current;
      current = next;
    }
    return undefined;
  }
}

function detailsOf(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const short = (cause as { shortMessage?: unknown }).shortMessage;
  return typeof short === "string" ? short : cause.message.split("\n")[0];
}
