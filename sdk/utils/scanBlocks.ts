import { InvalidParameterError } from "../errors/parameters.js";
import { LogRangeTooLargeError } from "../errors/rpc.js";
import { toLogScanError } from "../errors/toRemixError.js";

/** How far a log scan has got, after each page (in block order). */
export type LogScanProgress = {
  /** The scan's first block. */
  fromBlock: bigint;
  /** The scan's last block. */
  toBlock: bigint;
  /** Every block up to this one has been read. */
  scannedTo: bigint;
  /** `eth_getLogs` requests sent so far, refused ones included. */
  requests: number;
  /** Items (logs) read so far. */
  items: number;
};

/** Options of log scans. */
export type LogScanParameters = {
  /**
   * The most blocks one `eth_getLogs` request may span (a provider's documented cap). Scans also
   * adapt on their own: they halve the span when a node refuses a request as too large (too many
   * blocks or results, or an answer over the client's size limit) and double it while pages are
   * small, so this is only needed to avoid the first refusals.
   */
  maxBlockRange?: bigint | undefined;
  /** Requests in flight at once (default 4). */
  concurrency?: number | undefined;
  /** Called after each page, in block order. */
  onProgress?: ((progress: LogScanProgress) => void) | undefined;
};

type BlockRange = { fromBlock: bigint; toBlock: bigint };

/** The span the first request asks for (alone: the others wait for the density it finds): a
 * test node's whole chain, a day and a half of Ethereum's. Where that holds too many logs, the
 * node's refusal halves it. */
const INITIAL_SPAN = 10_000n;
/** The logs a page aims at: a few MB of JSON, far below viem's 10 MiB response limit and the
 * 10,000 results providers cap answers at. */
const TARGET_ITEMS = 4_000n;
/** A span grows at most eightfold from one page to the next. */
const MAX_GROWTH = 8n;
const DEFAULT_CONCURRENCY = 4;
/** Pages answered at the ceiling before a span above it is tried again. */
const PROBE_AFTER = 16;

/** A page's logs, or why the node refused them. */
type Answer<item> = item[] | { refused: unknown };
type Page<item> = { range: BlockRange; result?: Promise<Answer<item>>; refused?: boolean };

/**
 * Runs `fetch` over `[fromBlock, toBlock]` in consecutive block ranges and yields each range's
 * items in block order, so that a caller can fold them without holding them all. The span adapts
 * (see {@link LogScanParameters}): each page sizes the next for about 4,000 logs at the density
 * it found; up to `concurrency` ranges are fetched at once. A single block
 * still refused fails with `LogRangeTooLargeError` naming it.
 */
export async function* scanBlockPages<item>(
  { fromBlock, toBlock, ...options }: BlockRange & LogScanParameters,
  fetch: (range: BlockRange) => Promise<item[]>,
): AsyncGenerator<item[], void, undefined> {
  const { maxBlockRange, concurrency = DEFAULT_CONCURRENCY, onProgress } = options;
  if (maxBlockRange !== undefined && maxBlockRange < 1n) {
    throw new InvalidParameterError({ parameter: "maxBlockRange", reason: "must be at least 1" });
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidParameterError({ parameter: "concurrency", reason: "must be at least 1" });
  }
  if (toBlock < fromBlock) return;
  const cap = maxBlockRange ?? toBlock - fromBlock + 1n;
  let span = cap < INITIAL_SPAN ? cap : INITIAL_SPAN;
  // Spans grow up to `ceiling`, just below the last span refused: halfway steps towards it search
  // for the widest span the node answers. It is probed upwards again after PROBE_AFTER pages,
  // since a refusal for the size of an answer holds only where the logs are dense.
  let ceiling = cap;
  // The widest span answered since the last refusal, and the pages answered at the ceiling.
  let answered = 0n;
  let calm = 0;
  let requests = 0;
  let items = 0;
  let answeredPages = 0;
  const started = (range: BlockRange): Promise<Answer<item>> => {
    requests++;
    // Settles either way: a refusal is handled when the page's turn comes, never unhandled.
    return fetch(range).then(
      (found) => found,
      (error: unknown) => ({ refused: toLogScanError(error, range) }),
    );
  };
  // Ranges in block order. Only the first `concurrency` are in flight; the others are cut to
  // the span in force when their turn comes, so that it applies to all that is left.
  const queue: Page<item>[] = [{ range: { fromBlock, toBlock } }];
  while (queue.length > 0) {
    // One request until one is answered: its density sizes the others.
    const inFlight = answeredPages > 0 ? concurrency : 1;
    for (let i = 0; i < inFlight && i < queue.length; i++) {
      const waiting = queue[i] as Page<item>;
      if (waiting.result) continue;
      const { fromBlock: from, toBlock: to } = waiting.range;
      const width = to - from + 1n;
      if (width > span) {
        // A refused range is asked again in equal pieces, not a span and a sliver.
        const pieces = (width + span - 1n) / span;
        const cut = waiting.refused ? (width + pieces - 1n) / pieces : span;
        queue.splice(i + 1, 0, { range: { fromBlock: from + cut, toBlock: to } });
        waiting.range = { fromBlock: from, toBlock: from + cut - 1n };
      }
      waiting.result = started(waiting.range);
    }
    const page = queue.shift() as Page<item>;
    const result = await (page.result as Promise<Answer<item>>);
    if (!Array.isArray(result)) {
      const blocks = page.range.toBlock - page.range.fromBlock + 1n;
      if (!(result.refused instanceof LogRangeTooLargeError) || blocks === 1n) {
        throw result.refused;
      }
      // A range asked before the ceiling came down below it tells nothing new.
      if (blocks - 1n < ceiling) {
        ceiling = blocks - 1n;
        // The widest span answered since the last refusal, if below this one, else half of it.
        const good = answered > 0n && answered < blocks ? answered : blocks / 2n;
        if (good < span) span = good;
        answered = 0n;
        calm = 0;
      }
      // Asked again first, cut to the span now in force.
      queue.unshift({ range: page.range, refused: true });
      continue;
    }
    items += result.length;
    answeredPages++;
    const blocks = page.range.toBlock - page.range.fromBlock + 1n;
    if (blocks > answered) answered = blocks;
    if (blocks >= span || BigInt(result.length) > TARGET_ITEMS) {
      // The span that would bring TARGET_ITEMS logs at this page's density, within MAX_GROWTH.
      const aimed =
        result.length === 0 ? span * MAX_GROWTH : (blocks * TARGET_ITEMS) / BigInt(result.length);
      let wanted = aimed < span * MAX_GROWTH ? aimed : span * MAX_GROWTH;
      if (wanted < 1n) wanted = 1n;
      if (wanted > ceiling) {
        if (span >= ceiling && ceiling < cap && ++calm >= PROBE_AFTER) {
          ceiling = ceiling * 2n < cap ? ceiling * 2n : cap;
          calm = 0;
        }
        // Only halfway to the ceiling (near a refused span, a binary search), and not at all
        // within an eighth of it: the last steps would cost more refusals than they save.
        const halfway = span + (ceiling - span + 1n) / 2n;
        wanted = (ceiling - span) * 8n < span ? span : wanted < halfway ? wanted : halfway;
      }
      span = wanted;
    }
    onProgress?.({ fromBlock, toBlock, scannedTo: page.range.toBlock, requests, items });
    yield result;
  }
}

/** Every item {@link scanBlockPages} yields, concatenated in block order. */
export async function scanBlocks<item>(
  range: BlockRange & LogScanParameters,
  fetch: (range: BlockRange) => Promise<item[]>,
): Promise<item[]> {
  const items: item[] = [];
  for await (const page of scanBlockPages(range, fetch)) items.push(...page);
  return items;
}

/** The log scan options among a read's parameters, to pass on to its scans. */
export function scanOptions({
  maxBlockRange,
  concurrency,
  onProgress,
}: LogScanParameters): LogScanParameters {
  return { maxBlockRange, concurrency, onProgress };
}
