// The registration nobody can front-run, in its two steps: commit (the content stays hidden),
// then, a minute and a block later, reveal (register) with the salt kept in this browser.
import type { Address } from "viem";
import {
  commitRegistration,
  prepareRegisterRemix,
  registerOriginal,
  registerRemix,
  type RegisterRemixParameters,
} from "../../../sdk/index.js";
import { type ApprovalContext, approveShortfalls } from "./approvals.ts";
import type { FileDigest } from "./fileDigest.ts";
import { type PendingRegistration, removePending, savePending } from "./pendingRegistrations.ts";
import type { WriteProgress } from "./useWrite.ts";

/** Step 1: commits to `file` and keeps the commitment (with its salt) for the reveal. */
export async function commitToRegister(
  context: ApprovalContext,
  account: Address,
  file: FileDigest,
  metadataUri: string,
  remix: PendingRegistration["remix"],
  progress: WriteProgress,
): Promise<PendingRegistration> {
  progress.step("Step 1 of 2: commit to the work");
  const { salt, revealableAt, expiresAt } = await commitRegistration(context.walletClient, {
    deployment: context.deployment,
    contentHash: file.contentHash,
    onSent: progress.onSent,
  });
  const pending: PendingRegistration = {
    contentHash: file.contentHash,
    salt,
    metadataUri,
    fileName: file.name,
    revealableAt: String(revealableAt),
    expiresAt: String(expiresAt),
    ...(remix && { remix }),
  };
  savePending(context.deployment.chainId, account, pending);
  return pending;
}

/**
 * Step 2: registers the committed work (a remix held to the licence quote accepted before the
 * commitment, after approving exactly what its licences pull) and forgets the commitment.
 */
export async function revealRegistration(
  context: ApprovalContext,
  account: Address,
  pending: PendingRegistration,
  progress: WriteProgress,
): Promise<bigint> {
  const { deployment, walletClient } = context;
  const common = {
    deployment,
    contentHash: pending.contentHash,
    metadataUri: pending.metadataUri,
    salt: pending.salt,
  };
  let assetId: bigint;
  if (pending.remix) {
    const { parents, licenceIds, termsVersions, maxPrices } = pending.remix;
    const parameters: RegisterRemixParameters & { deployment: typeof deployment } = {
      ...common,
      parents: parents.map((p) => ({ assetId: BigInt(p.assetId), shareBps: p.shareBps })),
      licenceIds: licenceIds.map(BigInt),
      termsVersions,
      maxPrices: maxPrices.map((p) => ({ currency: p.currency, amount: BigInt(p.amount) })),
    };
    await approveShortfalls(
      context,
      account,
      await prepareRegisterRemix(walletClient, parameters),
      progress,
    );
    progress.step("Step 2 of 2: register the remix");
    ({ assetId } = await registerRemix(walletClient, { ...parameters, onSent: progress.onSent }));
  } else {
    progress.step("Step 2 of 2: register the work");
    ({ assetId } = await registerOriginal(walletClient, { ...common, onSent: progress.onSent }));
  }
  removePending(deployment.chainId, account, pending.contentHash);
  return assetId;
}
