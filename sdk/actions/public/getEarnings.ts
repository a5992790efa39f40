import type { Address } from "viem";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { earningsFromIndexer } from "../../utils/indexedReads.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getEarnings}. */
export type GetEarningsParameters = DeploymentParameters & {
  /** Whose earnings: the assets this address holds now. */
  owner: Address;
  /** The base URL of an indexer of this deployment (`npm run indexer` prints it): required. */
  indexer: string;
};

/** One token's earnings of an owner. */
export type TokenEarnings = {
  /** {@link ETH} (the zero address) or an ERC-20. */
  token: Address;
  /** What claiming every owned asset pays now (each claim splits its own asset first). */
  claimableNow: bigint;
  /** What splitting every descendant below the owned assets first would add (money in transit). */
  inTransit: bigint;
  /** Paid to the owner's address by claims so far, plus `claimableNow`. */
  lifetimeEarned: bigint;
  /** The assets whose split moves money to the owner (what a claim-all splits), children first. */
  splitAssetIds: bigint[];
};

/** What {@link getEarnings} resolves to. */
export type GetEarningsReturnType = {
  owner: Address;
  /** The assets the owner holds, ascending, as the indexer sees them. */
  assetIds: bigint[];
  /** The indexer's block the answer is at (at least that fresh). */
  blockNumber: bigint;
  /** Per token the owner has any balance or claim in, ordered by token address. */
  earnings: TokenEarnings[];
};

/** What {@link getEarnings} rejects with: always a {@link RemixError} subclass. */
export type GetEarningsErrorType = RemixError;

/**
 * An owner's earnings per token, from the indexer's balances and the SDK's model of the engine:
 * claimable now, in transit from remixes below, lifetime earned. A dashboard's figures in one
 * request; nothing here moves money, and {@link previewClaimAll} / {@link claimAll} check the
 * chain before anything is sent.
 *
 * @example
 * const { earnings } = await getEarnings(publicClient, { owner, indexer: "http://127.0.0.1:42069" });
 */
export async function getEarnings(
  client: AnyClient,
  parameters: GetEarningsParameters,
): Promise<GetEarningsReturnType> {
  requireAddress("owner", parameters.owner);
  const deployment = resolveDeployment(client, parameters);
  return earningsFromIndexer(parameters.indexer, deployment, parameters.owner);
}
