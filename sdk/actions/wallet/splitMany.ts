import { type Address, encodeFunctionData } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAssetsAndTokens } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { matchSplits, receiptSplits, type SplitResult } from "../../utils/receiptSplits.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";

/** Parameters of {@link splitMany}. */
export type SplitManyParameters = {
  /**
   * The assets to split, in order. List children before their parents to move money several hops
   * in one call: a parent listed first is split before its children credit it.
   */
  assetIds: readonly bigint[];
  /** The tokens to split for every asset. */
  tokens: readonly Address[];
};

/** What {@link splitMany} resolves to. */
export type SplitManyReturnType = WriteReturnType & {
  /** One entry per (asset, token), assets outer, in call order; zeros where nothing was split. */
  splits: SplitResult[];
};

/** What {@link splitMany} rejects with: always a {@link RemixError} subclass. */
export type SplitManyErrorType = RemixError;

/**
 * The transaction that splits many assets in many tokens, without sending it.
 *
 * @example
 * const prepared = await prepareSplitMany(client, { assetIds: [3n, 2n], tokens: [ETH, usd] });
 */
export async function prepareSplitMany(
  client: AnyClient,
  parameters: SplitManyParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  requireAssetsAndTokens(parameters.assetIds, parameters.tokens);
  return {
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "splitMany",
      args: [parameters.assetIds, parameters.tokens],
    }),
    value: 0n,
  };
}

/**
 * Splits every asset in `assetIds` for every token in `tokens` in one transaction, in order. To
 * move money from a remix of a remix up to the original, list the deepest remix first: with
 * C (remix of B, remix of A), `assetIds: [C, B]` takes C's revenue to A, while `[B, C]` leaves
 * C's forward to B pending in B's balance.
 *
 * @example
 * const { splits } = await splitMany(walletClient, { assetIds: [3n, 2n], tokens: [ETH] });
 */
export async function splitMany(
  client: AnyClient,
  parameters: SplitManyParameters & WriteParameters,
): Promise<SplitManyReturnType> {
  const prepared = await prepareSplitMany(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const pairs = parameters.assetIds.flatMap((assetId) =>
    parameters.tokens.map((token) => ({ assetId, token })),
  );
  const splits = await receiptSplits(client, resolveDeployment(client, parameters), receipt);
  return { receipt, splits: matchSplits(splits, pairs) };
}

/** The gas these splits would use now. */
export async function estimateSplitManyGas(
  client: AnyClient,
  parameters: SplitManyParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSplitMany(client, parameters), parameters);
}
