import { type Address, encodeFunctionData, isAddressEqual } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress, requireAssetsAndTokens } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { type AssetClaim, receiptClaims } from "../../utils/receiptClaims.js";
import { senderAddress } from "../../utils/senderAddress.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link claimMany}. */
export type ClaimManyParameters = {
  /** The assets to claim for; the sender must own, or be approved for, every one. */
  assetIds: readonly bigint[];
  /** The tokens to claim for every asset. */
  tokens: readonly Address[];
  /** Who receives the money (default: the sender). */
  recipient?: Address | undefined;
};

/** What {@link claimMany} resolves to. */
export type ClaimManyReturnType = WriteReturnType & {
  /** What was paid out per token, in the order of `tokens` (a repeated token gets 0). */
  amounts: { token: Address; amount: bigint }[];
  /** Each non-zero balance claimed, per asset and token. */
  claims: AssetClaim[];
};

/** What {@link claimMany} rejects with: always a {@link RemixError} subclass. */
export type ClaimManyErrorType = RemixError;

/**
 * The transaction that claims many assets in many tokens, without sending it.
 *
 * @example
 * const prepared = await prepareClaimMany(client, { assetIds: [1n, 2n], tokens: [ETH, usd] });
 */
export async function prepareClaimMany(
  client: AnyClient,
  parameters: ClaimManyParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const recipient = parameters.recipient ?? senderAddress(client, parameters.account);
  requireAssetsAndTokens(parameters.assetIds, parameters.tokens);
  requireAddress("recipient", recipient);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "claimMany",
      args: [parameters.assetIds, parameters.tokens, recipient],
    }),
    value: 0n,
  };
}

/**
 * Claims every token in `tokens` for every asset in `assetIds` to `recipient`, with one transfer
 * per token. Fails as a whole with `ContractRevertError` `NotAssetOwnerOrManager` if the sender
 * may not claim one of the assets. Works while paused.
 *
 * @example
 * const { amounts } = await claimMany(walletClient, {
 *   assetIds: [1n, 2n],
 *   tokens: [ETH, usd],
 *   recipient: "0x...",
 * });
 */
export async function claimMany(
  client: AnyClient,
  parameters: ClaimManyParameters & WriteParameters,
): Promise<ClaimManyReturnType> {
  const prepared = await prepareClaimMany(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const claims = receiptClaims(receipt, prepared.to);
  // The contract claims token by token, in the order of `tokens`: a token's entries are
  // consecutive, and a repeated token finds its balances already taken.
  let next = 0;
  const amounts = parameters.tokens.map((token) => {
    let amount = 0n;
    for (let event = claims[next]; event && isAddressEqual(event.token, token);) {
      amount += event.amount;
      event = claims[++next];
    }
    return { token, amount };
  });
  return { receipt, amounts, claims };
}

/** The gas these claims would use now. */
export async function estimateClaimManyGas(
  client: AnyClient,
  parameters: ClaimManyParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareClaimMany(client, parameters), parameters);
}
