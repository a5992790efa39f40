import { RemixError, type RemixErrorOptions } from "./base.js";

/**
 * The indexer at `url` could not answer: unreachable, an HTTP error (`status`), an answer that is
 * not what the SDK expects, or an indexer of another deployment than the client's.
 */
export class IndexerError extends RemixError {
  override name = "IndexerError";
  /** The indexer's base URL, as given. */
  readonly url: string;
  /** The HTTP status of its answer, when it answered. */
  readonly status: number | undefined;

  constructor(
    { url, reason, status }: { url: string; reason: string; status?: number | undefined },
    options: RemixErrorOptions = {},
  ) {
    super(`The indexer ${url} ${reason}.`, options);
    this.url = url;
    this.status = status;
  }
}
