// Indexing functions of the royalty engine's money (`Paid`, `Split`, `Claimed`, `FeesWithdrawn`),
// each stored as a row and applied to the running totals.
import { type Context, ponder } from "ponder:registry";
import {
  assetParent,
  assetTokenTotal,
  claim,
  feeWithdrawal,
  payment,
  split,
  tokenFeeTotal,
} from "ponder:schema";
import {
  afterClaim,
  afterPayment,
  afterSplit,
  afterSplitReceived,
  type Totals,
  ZERO_TOTALS,
} from "../lib/balances.js";
import { paymentPurpose } from "../lib/paymentPurpose.js";
import { requireAsset, where } from "../lib/rows.js";

type Db = Context["db"];

ponder.on("RemixProtocol:Paid", async ({ event, context }) => {
  const { assetId, token, payer, amount, fee } = event.args;
  await context.db.insert(payment).values({
    id: event.id,
    assetId,
    token,
    payer,
    amount,
    fee,
    // "direct", unless a licence issued earlier in the transaction awaits this payment.
    ...(await paymentPurpose(context.db, event)),
    ...where(event),
  });
  const { parentCount } = await requireAsset(context.db, assetId);
  await updateTotals(context.db, assetId, token, (totals) =>
    afterPayment(totals, amount, fee, parentCount > 0),
  );
  await updateFees(context.db, token, fee, 0n);
});

ponder.on("RemixProtocol:Split", async ({ event, context }) => {
  const { assetId, token, gross, amounts } = event.args;
  const forwarded = amounts.reduce((total, amount) => total + amount, 0n);
  await context.db.insert(split).values({
    id: event.id,
    assetId,
    token,
    gross,
    amounts: [...amounts],
    forwarded,
    ...where(event),
  });
  await updateTotals(context.db, assetId, token, (totals) => afterSplit(totals, gross, forwarded));
  // A parent credited nothing (rounding on a tiny split) still has a row in the token, as the
  // chain's totals list every token a remix's split reached it in.
  for (const [position, amount] of amounts.entries()) {
    const link = await context.db.find(assetParent, { childId: assetId, position });
    if (!link) throw new Error(`Split of asset ${assetId}: no parent at position ${position}`);
    const { parentCount } = await requireAsset(context.db, link.parentId);
    await updateTotals(context.db, link.parentId, token, (totals) =>
      afterSplitReceived(totals, amount, parentCount > 0),
    );
  }
});

ponder.on("RemixProtocol:Claimed", async ({ event, context }) => {
  const { token, recipient, claimer, assetIds, amounts } = event.args;
  await context.db.insert(claim).values({
    id: event.id,
    token,
    recipient,
    claimer,
    assetIds: [...assetIds],
    amounts: [...amounts],
    total: amounts.reduce((total, amount) => total + amount, 0n),
    ...where(event),
  });
  for (const [index, assetId] of assetIds.entries()) {
    const amount = amounts[index] ?? 0n;
    if (amount === 0n) continue;
    await updateTotals(context.db, assetId, token, (totals) => afterClaim(totals, amount));
  }
});

ponder.on("RemixProtocol:FeesWithdrawn", async ({ event, context }) => {
  const { token, treasury, amount } = event.args;
  await context.db
    .insert(feeWithdrawal)
    .values({ id: event.id, token, treasury, amount, ...where(event) });
  await updateFees(context.db, token, 0n, amount);
});

async function updateTotals(
  db: Db,
  assetId: bigint,
  token: `0x${string}`,
  change: (totals: Totals) => Totals,
): Promise<void> {
  const key = { assetId, token };
  const row = await db.find(assetTokenTotal, key);
  if (row) await db.update(assetTokenTotal, key).set(change(totalsOf(row)));
  else await db.insert(assetTokenTotal).values({ ...key, ...change({ ...ZERO_TOTALS }) });
}

/** The totals of a row, without its key. */
function totalsOf(row: Totals): Totals {
  return {
    paidGross: row.paidGross,
    fees: row.fees,
    receivedDirect: row.receivedDirect,
    receivedFromSplits: row.receivedFromSplits,
    forwardedToParents: row.forwardedToParents,
    splitGross: row.splitGross,
    claimed: row.claimed,
    held: row.held,
    pendingGross: row.pendingGross,
    splitRemainder: row.splitRemainder,
  };
}

async function updateFees(
  db: Db,
  token: `0x${string}`,
  accrued: bigint,
  withdrawn: bigint,
): Promise<void> {
  const row = (await db.find(tokenFeeTotal, { token })) ?? {
    token,
    accrued: 0n,
    withdrawn: 0n,
    outstanding: 0n,
  };
  const next = {
    accrued: row.accrued + accrued,
    withdrawn: row.withdrawn + withdrawn,
    outstanding: row.outstanding + accrued - withdrawn,
  };
  await db
    .insert(tokenFeeTotal)
    .values({ token, ...next })
    .onConflictDoUpdate(next);
}
