import { encodeFunctionData } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { UseKind } from "../../utils/constants.js";
import { type LicenceTermsInput, toTermsStruct } from "../../utils/licenceTerms.js";
import { assertUseKind } from "../../utils/licensingChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import { requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link setTerms}. */
export type SetTermsParameters = {
  assetId: bigint;
  kind: UseKind;
  /** The new terms; unset fields default to free, perpetual, no minimum share, zero document
   * hash and empty document URI. A price requires its `currency`. */
  terms: LicenceTermsInput;
};

/** What {@link setTerms} resolves to. */
export type SetTermsReturnType = WriteReturnType & {
  /** The version just published (the first is 1). Licences already sold keep theirs. */
  version: number;
};

/** What {@link setTerms} rejects with: always a {@link RemixError} subclass. */
export type SetTermsErrorType = RemixError;

/**
 * The transaction that publishes new terms, without sending it.
 *
 * @example
 * const { to, data } = await prepareSetTerms(client, {
 *   assetId: 1n, kind: UseKind.Commercial, terms: { allowed: true, currency: ETH, price: parseEther("0.01") },
 * });
 */
export async function prepareSetTerms(
  client: AnyClient,
  parameters: SetTermsParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const { assetId, kind, terms } = parameters;
  requireUint256("assetId", assetId);
  assertUseKind(kind);
  return {
    to: deployment.licensing,
    data: encodeFunctionData({
      abi: licensingAbi,
      functionName: "setTerms",
      args: [assetId, kind, toTermsStruct(terms)],
    }),
    value: 0n,
  };
}

/**
 * Publishes new terms for one use kind of an asset the sender owns (or is approved for). Assets
 * start without terms, so every use is refused until its owner allows it.
 *
 * @example
 * const { version } = await setTerms(walletClient, {
 *   assetId: 1n,
 *   kind: UseKind.Remix,
 *   terms: { allowed: true, currency: ETH, price: parseEther("0.05"), minShareBps: 2_000 },
 * });
 */
export async function setTerms(
  client: AnyClient,
  parameters: SetTermsParameters & WriteParameters,
): Promise<SetTermsReturnType> {
  const prepared = await prepareSetTerms(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, licensingAbi, "TermsPublished");
  return { receipt, version: args.version };
}

/** The gas publishing these terms would use now. */
export async function estimateSetTermsGas(
  client: AnyClient,
  parameters: SetTermsParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(client, await prepareSetTerms(client, parameters), parameters);
}
