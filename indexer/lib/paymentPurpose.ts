// Ties each `Paid` to what it paid for. The licensing contract pays through the protocol, which
// logs `Paid`; within one transaction a licence is logged before its `Paid` (`LicenceIssued`,
// `BulkLicensed`, then the payments), and views and bought remix licences after theirs
// (`Paid`, then `UsesPaid` or `RemixLicensed`). So, per transaction, asset and token,
// `transactionPayment` queues the licences awaiting a payment, first issued first paid, and
// remembers the latest payment for the events that follow it.
import type { Context } from "ponder:registry";
import { licence, payment, type paymentUse, transactionPayment, type useKind } from "ponder:schema";

type Db = Context["db"];

/** What one payment paid for: the `use`, `kind` and `licenceId` columns of `payment`. */
export type Purpose = {
  use: (typeof paymentUse.enumValues)[number];
  kind: (typeof useKind.enumValues)[number] | null;
  licenceId: bigint | null;
};

const DIRECT: Purpose = { use: "direct", kind: null, licenceId: null };

type PaidEvent = {
  id: string;
  args: { assetId: bigint; token: `0x${string}`; amount: bigint };
  transaction: { hash: `0x${string}` };
};

/**
 * The purpose of a `Paid` being indexed: the first licence of its asset and token still awaiting
 * payment in its transaction, else `direct` (a later `UsesPaid` or `RemixLicensed` may claim it,
 * see {@link claimPayment}).
 */
export async function paymentPurpose(db: Db, event: PaidEvent): Promise<Purpose> {
  const { assetId, token, amount } = event.args;
  const key = { transactionHash: event.transaction.hash, assetId, token };
  const row = await db.find(transactionPayment, key);
  const [licenceId, ...awaiting] = row?.awaitingLicenceIds ?? [];
  let purpose = DIRECT;
  if (licenceId !== undefined) {
    const issued = await db.find(licence, { id: licenceId });
    if (issued?.price !== amount) {
      throw new Error(`Paid ${event.id}: licence ${licenceId} does not cost ${amount}`);
    }
    purpose = {
      // Its `BulkLicensed` precedes the bulk's payments.
      use: issued.bulkPurchaseId === null ? "licence" : "bulkLicence",
      kind: issued.kind,
      licenceId,
    };
    await db.update(licence, { id: licenceId }).set({ paymentId: event.id });
  }
  const next = { awaitingLicenceIds: awaiting, lastPaymentId: event.id };
  if (row) await db.update(transactionPayment, key).set(next);
  else await db.insert(transactionPayment).values({ ...key, ...next });
  return purpose;
}

/** Licence `licenceId`, just issued for a price, awaits its `Paid` in the same transaction. */
export async function awaitPayment(
  db: Db,
  transactionHash: `0x${string}`,
  assetId: bigint,
  token: `0x${string}`,
  licenceId: bigint,
): Promise<void> {
  await db
    .insert(transactionPayment)
    .values({
      transactionHash,
      assetId,
      token,
      awaitingLicenceIds: [licenceId],
      lastPaymentId: null,
    })
    .onConflictDoUpdate((row) => ({
      awaitingLicenceIds: [...row.awaitingLicenceIds, licenceId],
    }));
}

/**
 * Gives `purpose` to the payment of `amount` that was logged just before, for this asset and
 * token, in the transaction (`Paid` precedes `UsesPaid` and `RemixLicensed`); returns its id.
 */
export async function claimPayment(
  db: Db,
  transactionHash: `0x${string}`,
  assetId: bigint,
  token: `0x${string}`,
  amount: bigint,
  purpose: Purpose,
): Promise<string> {
  const row = await db.find(transactionPayment, { transactionHash, assetId, token });
  const paid = row?.lastPaymentId ? await db.find(payment, { id: row.lastPaymentId }) : null;
  if (!paid || paid.use !== "direct" || paid.amount !== amount) {
    throw new Error(
      `${purpose.use} of asset ${assetId} in ${transactionHash}: no unclaimed payment of ${amount} before it`,
    );
  }
  const { id } = paid;
  await db.update(payment, { id }).set(purpose);
  return id;
}
