// Indexing functions of the licensing contract: terms, licence tokens, paid views, bulk purchases
// and the remix licences bought at registration, each tied to the payment it made (see
// lib/paymentPurpose.ts).
import { ponder } from "ponder:registry";
import {
  bulkPurchase,
  currentTerm,
  licence,
  remixLicence,
  termsVersion,
  useKind,
  viewPayment,
} from "ponder:schema";
import { zeroAddress } from "viem";
import { awaitPayment, claimPayment } from "../lib/paymentPurpose.js";
import { where } from "../lib/rows.js";

/** `expiresAt` of a perpetual licence (`type(uint40).max`). */
const PERPETUAL = 2n ** 40n - 1n;

/** The name of an on-chain `UseKind`. */
function kindName(kind: number) {
  const name = useKind.enumValues[kind];
  if (name === undefined) throw new Error(`unknown use kind ${kind}`);
  return name;
}

ponder.on("Licensing:TermsPublished", async ({ event, context }) => {
  const { assetId, version } = event.args;
  const kind = kindName(event.args.kind);
  const { allowed, currency, price, duration, minShareBps, documentHash, documentURI } =
    event.args.terms;
  const row = {
    allowed,
    currency,
    price,
    duration: BigInt(duration),
    minShareBps,
    documentHash,
    documentURI,
    ...where(event),
  };
  await context.db.insert(termsVersion).values({ assetId, kind, version, ...row });
  // Versions only grow: the one just published is the one in force.
  await context.db
    .insert(currentTerm)
    .values({ assetId, kind, version, ...row })
    .onConflictDoUpdate({ version, ...row });
});

ponder.on("Licensing:LicenceIssued", async ({ event, context }) => {
  const {
    licenceId,
    assetId,
    holder,
    termsVersion: version,
    expiresAt,
    currency,
    price,
  } = event.args;
  const kind = kindName(event.args.kind);
  const terms = await context.db.find(termsVersion, { assetId, kind, version });
  if (!terms) throw new Error(`licence ${licenceId}: terms ${version} of ${assetId} not indexed`);
  await context.db.insert(licence).values({
    id: licenceId,
    assetId,
    holder,
    kind,
    termsVersion: version,
    expiresAt: BigInt(expiresAt) === PERPETUAL ? null : BigInt(expiresAt),
    currency,
    price,
    minShareBps: terms.minShareBps,
    paymentId: null,
    bulkPurchaseId: null,
    consumedBy: null,
    consumedBlock: null,
    consumedTx: null,
    issuedBlock: event.block.number,
    issuedAt: event.block.timestamp,
    issuedTx: event.transaction.hash,
  });
  // Issued first, paid next: a free licence makes no payment.
  if (price > 0n) {
    await awaitPayment(context.db, event.transaction.hash, assetId, currency, licenceId);
  }
});

ponder.on("Licensing:BulkLicensed", async ({ event, context }) => {
  const { buyer, recipient, firstLicenceId, count, currencies, totals } = event.args;
  const kind = kindName(event.args.kind);
  await context.db.insert(bulkPurchase).values({
    id: event.id,
    buyer,
    recipient,
    kind,
    firstLicenceId,
    count,
    currencies: [...currencies],
    totals: [...totals],
    ...where(event),
  });
  // Its licences were issued just before, in this transaction; their payments follow.
  for (let id = firstLicenceId; id < firstLicenceId + count; id++) {
    const issued = await context.db.find(licence, { id });
    if (issued?.issuedTx !== event.transaction.hash || issued.kind !== kind) {
      throw new Error(`BulkLicensed ${event.id}: licence ${id} not issued by it`);
    }
    await context.db.update(licence, { id }).set({ bulkPurchaseId: event.id });
  }
});

ponder.on("Licensing:UsesPaid", async ({ event, context }) => {
  const { assetId, payer, termsVersion: version, count, currency, total } = event.args;
  const paymentId =
    total > 0n
      ? await claimPayment(context.db, event.transaction.hash, assetId, currency, total, {
          use: "views",
          kind: "View",
          licenceId: null,
        })
      : null;
  await context.db.insert(viewPayment).values({
    id: event.id,
    assetId,
    payer,
    termsVersion: version,
    count,
    currency,
    total,
    paymentId,
    ...where(event),
  });
});

ponder.on("Licensing:RemixLicensed", async ({ event, context }) => {
  const { remixId, parentId, termsVersion: version, currency, price } = event.args;
  const paymentId =
    price > 0n
      ? await claimPayment(context.db, event.transaction.hash, parentId, currency, price, {
          use: "remixLicence",
          kind: "Remix",
          licenceId: null,
        })
      : null;
  await context.db.insert(remixLicence).values({
    remixId,
    parentId,
    termsVersion: version,
    currency,
    price,
    paymentId,
    ...where(event),
  });
});

ponder.on("Licensing:LicenceConsumed", async ({ event, context }) => {
  const { licenceId, remixId } = event.args;
  await context.db.update(licence, { id: licenceId }).set({
    consumedBy: remixId,
    consumedBlock: event.block.number,
    consumedTx: event.transaction.hash,
  });
});

ponder.on("Licensing:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  // Mints precede `LicenceIssued`, which records the holder; licences cannot be transferred, so
  // no other transfer is expected, but one would move the licence.
  if (from === zeroAddress) return;
  await context.db.update(licence, { id: tokenId }).set({ holder: to });
});
