// Every indexed balance and fee total with the block they are at, read in one SQL statement (one
// snapshot), so an auditor can compare them with the contract's state at exactly that block.
import { db } from "ponder:api";
import { assetTokenTotal, tokenFeeTotal } from "ponder:schema";
import { sql } from "ponder";
import { blockOfCheckpoint } from "./indexedAt.js";
import { rowsOf } from "./rowsOf.js";

/** The indexed balances and fee totals, and the block they were indexed to. */
export async function auditBalances() {
  const t = assetTokenTotal;
  const f = tokenFeeTotal;
  const result = await db.execute(sql`
    SELECT c.latest_checkpoint AS checkpoint, ${t.assetId} AS asset_id, ${t.token} AS token,
      ${t.held} AS held, ${t.pendingGross} AS pending_gross, ${t.splitRemainder} AS remainder,
      NULL AS outstanding
    FROM _ponder_checkpoint c LEFT JOIN ${t} ON true
    UNION ALL
    SELECT c.latest_checkpoint, NULL, ${f.token}, NULL, NULL, NULL, ${f.outstanding}
    FROM _ponder_checkpoint c JOIN ${f} ON true`);
  const rows = rowsOf(result);
  const blockNumber = blockOfCheckpoint(rows[0]?.checkpoint);
  const balances = rows
    .filter((row) => row.asset_id !== null && row.asset_id !== undefined)
    .map((row) => ({
      assetId: String(row.asset_id),
      token: String(row.token),
      held: String(row.held),
      pendingGross: String(row.pending_gross),
      remainder: String(row.remainder),
    }));
  const fees = rows
    .filter((row) => row.outstanding !== null && row.outstanding !== undefined)
    .map((row) => ({ token: String(row.token), outstanding: String(row.outstanding) }));
  return { blockNumber, balances, fees };
}
