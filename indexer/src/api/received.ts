// One asset's all-time totals per token (what `getReceived` reads from the chain's logs), with
// the block they are at, in one statement.
import { db } from "ponder:api";
import { assetTokenTotal } from "ponder:schema";
import { sql } from "ponder";
import { blockOfCheckpoint, latestCheckpoint } from "./indexedAt.js";
import { rowsOf } from "./rowsOf.js";

/** The running totals of `assetId` in every token it has seen, by token address. */
export async function receivedOf(assetId: bigint) {
  const t = assetTokenTotal;
  const result = await db.execute(sql`
    SELECT ${latestCheckpoint} AS checkpoint, ${t.token} AS token, ${t.paidGross} AS paid,
      ${t.fees} AS fees, ${t.receivedFromSplits} AS from_remixes,
      ${t.forwardedToParents} AS to_parents, ${t.claimed} AS claimed
    FROM (SELECT 1) AS one LEFT JOIN ${t} ON ${t.assetId} = ${assetId}
    ORDER BY ${t.token}`);
  const rows = rowsOf(result);
  return {
    blockNumber: blockOfCheckpoint(rows[0]?.checkpoint),
    totals: rows
      .filter((row) => row.token !== null && row.token !== undefined)
      .map((row) => ({
        token: String(row.token),
        paid: String(row.paid),
        fees: String(row.fees),
        fromRemixes: String(row.from_remixes),
        toParents: String(row.to_parents),
        claimed: String(row.claimed),
      })),
  };
}
