// The registration nobody can front-run, in its two steps: commit (the content stays hidden),
// then, a minute and a block later, reveal (register) with the salt kept in this browser.
import type { Address } from "viem";
import {
  commitRegistration,
  registrationCommitment,
  prepareRegisterRemix,
  registerOriginal,
  registerRemix,
  type RegisterRemixParameters,
} from "../../../sdk/index.js";
import { type ApprovalContext, approveShortfalls } from "./approvals.ts";
import type { FileDigest } from "./fileDigest.ts";
import { type PendingRegistration, removePending, savePending } from "./pendingRegistrations.ts";
import type { WriteProgress } from "./useWrite.ts";

/** What a registration records besides its content: read from the page at each step. */
export type RegistrationDetails = Pick<PendingRegistration, "metadataUri" | "remix">;

/**
 * Step 1: commits to `file`. The salt is kept before the transaction is sent, so a receipt never
 * seen (a closed tab, a timeout) cannot lose it; it is dropped again if nothing was sent.
 */
export async function commitToRegister(
  context: ApprovalContext,
  account: Address,
  file: FileDigest,
  details: RegistrationDetails,
  progress: WriteProgress,
): Promise<PendingRegistration> {
  const { chainId } = context.deployment;
  const { salt } = registrationCommitment({ creator: account, contentHash: file.contentHash });
  const pending: PendingRegistration = {
    contentHash: file.contentHash,
    salt,
    metadataUri: details.metadataUri,
    fileName: file.name,
    ...(details.remix && { remix: details.remix }),
  };
  savePending(chainId, account, pending);
  let sent = false;
  progress.step("Step 1 of 2: commit to the work");
  try {
    const { revealableAt, expiresAt } = await commitRegistration(context.walletClient, {
      deployment: context.deployment,
      contentHash: file.contentHash,
      salt,
      onSent: (hash) => {
        sent = true;
        progress.onSent(hash);
      },
    });
    const committed = {
      ...pending,
      revealableAt: String(revealableAt),
      expiresAt: String(expiresAt),
    };
    savePending(chainId, account, committed);
    return committed;
  } catch (error) {
    if (!sent) removePending(chainId, account, file.contentHash);
    throw error;
  }
}

/**
 * Step 2: registers the committed work with `details` as the page shows them now (the
 * commitment binds only the creator, the content and the salt): a remix held to the quote on the
 * page, after approving exactly what its licences pull. Then forgets the commitment.
 */
export async function revealRegistration(
  context: ApprovalContext,
  account: Address,
  pending: PendingRegistration,
  details: RegistrationDetails,
  progress: WriteProgress,
): Promise<bigint> {
  const { deployment, walletClient } = context;
  const common = {
    deployment,
    contentHash: pending.contentHash,
    metadataUri: details.metadataUri,
    salt: pending.salt,
  };
  let assetId: bigint;
  if (details.remix) {
    const { parents, licenceIds, termsVersions, maxPrices } = details.remix;
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
