// Indexing functions of the protocol's administration and access: fee, treasury, pause, owner,
// token allowlist, revenue managers and registration commitments.
import { type Context, ponder } from "ponder:registry";
import {
  feeChange,
  ownerRevenueManager,
  paymentToken,
  protocolConfig,
  registrationCommitment,
  revenueManager,
} from "ponder:schema";
import { zeroAddress, zeroHash } from "viem";
import { where } from "../lib/rows.js";

type Config = typeof protocolConfig.$inferSelect;

/**
 * Applies `change` to the protocol's configuration row, created by its first event (the
 * constructor's logs set every field before anything else reads them).
 */
async function updateConfig(
  db: Context["db"],
  protocol: `0x${string}`,
  change: (config: Config) => Partial<Omit<Config, "id">>,
): Promise<void> {
  const initial: Config = {
    id: protocol,
    feeBps: 0,
    pendingFeeBps: null,
    pendingFeeEffectiveAt: null,
    treasury: zeroAddress,
    paused: false,
    pauseUpdatedBy: null,
    owner: zeroAddress,
    pendingOwner: null,
  };
  await db
    .insert(protocolConfig)
    .values({ ...initial, ...change(initial) })
    .onConflictDoUpdate(change);
}

ponder.on("RemixProtocol:FeeChangeScheduled", async ({ event, context }) => {
  const { currentFeeBps, newFeeBps } = event.args;
  const effectiveAt = BigInt(event.args.effectiveAt);
  // Announcing the fee in force cancels the change not yet in force.
  const cancelled = newFeeBps === currentFeeBps;
  await updateConfig(context.db, event.log.address, () => ({
    feeBps: currentFeeBps,
    pendingFeeBps: cancelled ? null : newFeeBps,
    pendingFeeEffectiveAt: cancelled ? null : effectiveAt,
  }));
  await context.db.insert(feeChange).values({
    id: event.id,
    kind: cancelled ? "cancelled" : "scheduled",
    fromBps: currentFeeBps,
    toBps: newFeeBps,
    effectiveAt,
    ...where(event),
  });
});

ponder.on("RemixProtocol:FeeUpdated", async ({ event, context }) => {
  const { previousFeeBps, newFeeBps } = event.args;
  const config = await context.db.find(protocolConfig, { id: event.log.address });
  // Logged by the first payment or fee change at or after the announced time (the initial fee: by
  // the constructor). Read before the update, which changes the row `find` returned in place.
  const effectiveAt = config?.pendingFeeEffectiveAt ?? event.block.timestamp;
  await updateConfig(context.db, event.log.address, () => ({
    feeBps: newFeeBps,
    pendingFeeBps: null,
    pendingFeeEffectiveAt: null,
  }));
  await context.db.insert(feeChange).values({
    id: event.id,
    kind: "applied",
    fromBps: previousFeeBps,
    toBps: newFeeBps,
    effectiveAt,
    ...where(event),
  });
});

ponder.on("RemixProtocol:TreasuryUpdated", async ({ event, context }) => {
  const { newTreasury } = event.args;
  await updateConfig(context.db, event.log.address, () => ({ treasury: newTreasury }));
});

ponder.on("RemixProtocol:PauseUpdated", async ({ event, context }) => {
  // The pause is protocol-wide; `account` is the admin who changed it.
  const { account, paused } = event.args;
  await updateConfig(context.db, event.log.address, () => ({ paused, pauseUpdatedBy: account }));
});

ponder.on("RemixProtocol:OwnershipTransferStarted", async ({ event, context }) => {
  const { newOwner } = event.args;
  await updateConfig(context.db, event.log.address, () => ({ pendingOwner: newOwner }));
});

ponder.on("RemixProtocol:OwnershipTransferred", async ({ event, context }) => {
  // Ownable2Step clears the pending owner whenever ownership moves.
  const { newOwner } = event.args;
  await updateConfig(context.db, event.log.address, () => ({
    owner: newOwner,
    pendingOwner: null,
  }));
});

ponder.on("RemixProtocol:TokenAllowlistUpdated", async ({ event, context }) => {
  const { token, allowed } = event.args;
  const row = {
    allowed,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
    updatedTx: event.transaction.hash,
  };
  await context.db
    .insert(paymentToken)
    .values({ token, ...row })
    .onConflictDoUpdate(row);
});

ponder.on("RemixProtocol:RevenueManagerSet", async ({ event, context }) => {
  const { assetId, owner, manager } = event.args;
  // The zero manager revokes, as does a transfer of the asset (which logs it so).
  if (manager === zeroAddress) {
    await context.db.delete(revenueManager, { assetId });
    return;
  }
  const row = { owner, manager, ...where(event) };
  await context.db
    .insert(revenueManager)
    .values({ assetId, ...row })
    .onConflictDoUpdate(row);
});

ponder.on("RemixProtocol:RevenueManagerForAllSet", async ({ event, context }) => {
  const { owner, manager, approved } = event.args;
  if (!approved) {
    await context.db.delete(ownerRevenueManager, { owner, manager });
    return;
  }
  await context.db
    .insert(ownerRevenueManager)
    .values({ owner, manager, ...where(event) })
    .onConflictDoUpdate(where(event));
});

ponder.on("RemixProtocol:RegistrationCommitted", async ({ event, context }) => {
  const { committer, commitment, contentKey, expiresAt } = event.args;
  await context.db.insert(registrationCommitment).values({
    id: event.id,
    committer,
    commitment,
    contentKey: contentKey === zeroHash ? null : contentKey,
    expiresAt: BigInt(expiresAt),
    ...where(event),
  });
});
