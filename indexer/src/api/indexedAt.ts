// The block the indexer has reached, read inside the same SQL statement as an answer, so that
// the answer says which block it is at without a second request.
import { db } from "ponder:api";
import { sql } from "ponder";
import { rowsOf } from "./rowsOf.js";

// Ponder 0.16 keeps each chain's progress in `_ponder_checkpoint.latest_checkpoint`, a string of
// fixed-width decimals: block timestamp (10 digits), chain id (16), block number (16), ...
const BLOCK_NUMBER_AT = 26;
const BLOCK_NUMBER_DIGITS = 16;

/** A scalar subquery: the latest checkpoint (one chain is indexed). */
export const latestCheckpoint = sql`(SELECT latest_checkpoint FROM _ponder_checkpoint LIMIT 1)`;

/** The block number in a checkpoint string (0 before the first block is indexed). */
export function blockOfCheckpoint(checkpoint: unknown): bigint {
  const text = typeof checkpoint === "string" ? checkpoint : "";
  return BigInt(text.slice(BLOCK_NUMBER_AT, BLOCK_NUMBER_AT + BLOCK_NUMBER_DIGITS) || "0");
}

/** The block the indexer has reached now (a statement of its own: read it before an answer that
 * takes several, which is then at least that fresh). */
export async function indexedBlockNumber(): Promise<bigint> {
  const result = await db.execute(sql`SELECT ${latestCheckpoint} AS checkpoint`);
  const [row] = rowsOf(result);
  return blockOfCheckpoint(row?.checkpoint);
}
