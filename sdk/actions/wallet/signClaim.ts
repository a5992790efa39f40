import type { Address, Hex } from "viem";
import { signTypedData } from "viem/actions";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { requireAddress, requireAssetsAndTokens } from "../../utils/inputChecks.js";
import { relayDomainAndNonce, relayTypes } from "../../utils/relay.js";
import type { AnyClient, EstimateParameters } from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";

/** Parameters of {@link signClaim}: what the claimer (the client's account) claims. */
export type SignClaimParameters = {
  /** Assets the claimer owns or manages. */
  assetIds: readonly bigint[];
  /** The tokens to claim for every asset. */
  tokens: readonly Address[];
  /** Who receives the money (default: the claimer). */
  recipient?: Address | undefined;
  /** The last second the signature may be used; default the latest block's time plus an hour. */
  deadline?: bigint | undefined;
};

/** A claim signed by its claimer, for anyone to send with `claimBySig`. */
export type SignedClaim = {
  request: { claimer: Address; assetIds: bigint[]; tokens: Address[]; recipient: Address };
  deadline: bigint;
  signature: Hex;
};

/** What {@link signClaim} rejects with: always a {@link RemixError} subclass. */
export type SignClaimErrorType = RemixError;

/**
 * Signs (EIP-712, no transaction, no gas) a claim by the client's account, the owner or revenue
 * manager of every asset, for a relayer to send with {@link claimBySig}: the money goes to the
 * signed recipient, whoever sends it. Works once (the claimer's nonce), before its deadline.
 *
 * @example
 * const signed = await signClaim(creatorWallet, { assetIds: [1n], tokens: [ETH] });
 * await claimBySig(relayerWallet, signed);
 */
export async function signClaim(
  client: AnyClient,
  parameters: SignClaimParameters & EstimateParameters,
): Promise<SignedClaim> {
  const deployment = resolveDeployment(client, parameters);
  const claimer = senderAddress(client, parameters.account);
  requireAssetsAndTokens(parameters.assetIds, parameters.tokens);
  const recipient = parameters.recipient ?? claimer;
  requireAddress("recipient", recipient);
  const request = {
    claimer,
    assetIds: [...parameters.assetIds],
    tokens: [...parameters.tokens],
    recipient,
  };
  const [{ domain, nonce }, deadline] = await Promise.all([
    relayDomainAndNonce(client, deployment, claimer),
    resolveDeadline(client, parameters.deadline),
  ]);
  try {
    const signature = await signTypedData(client, {
      account: parameters.account ?? client.account ?? claimer,
      domain,
      types: relayTypes,
      primaryType: "Claim",
      message: { ...request, nonce, deadline },
    });
    return { request, deadline, signature };
  } catch (error) {
    throw toRemixError(error);
  }
}
