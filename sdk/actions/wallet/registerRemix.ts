import { type Address, encodeFunctionData, type Hex, zeroHash } from "viem";
import { licensingAbi } from "../../abis/licensingAbi.js";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { type ContentParameters, contentHashOf } from "../../utils/contentHashOf.js";
import { type CurrencyAmount, erc20Pulls, ethAmount } from "../../utils/currencyTotals.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { heldRemixLicences } from "../../utils/heldRemixLicences.js";
import {
  assertCurrencyAmount,
  assertLength,
  assertTermsVersion,
} from "../../utils/licensingChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { remixLicenceQuotes } from "../../utils/remixLicenceQuotes.js";
import { receiptEvent, receiptEvents } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";
import { type RemixParent, validateParents } from "../../utils/validateParents.js";
import { requireSalt, requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link registerRemix}. */
export type RegisterRemixParameters = ContentParameters & {
  /** The metadata URI (for example `ipfs://...`). */
  metadataUri: string;
  /** 1 to 16 distinct parents with their shares (integer basis points). */
  parents: readonly RemixParent[];
  /** Per parent, the sender's unused `Remix` licence to use, or `0n` to buy one in the same
   * transaction. Default: a held licence where there is one (see `getLicences`), else `0n`. */
  licenceIds?: readonly bigint[] | undefined;
  /** Per parent, the most the sender accepts to pay for the licence bought (ignored for held
   * ones). Default: each parent's `Remix` quote when the transaction is built, so a later price
   * rise or currency switch reverts; pass the prices the creator was shown to hold them to those.
   * The ETH caps of the licences bought are sent; the excess is refunded. */
  maxPrices?: readonly CurrencyAmount[] | undefined;
  /** Per parent, the `Remix` terms version the creator was shown (ignored for held licences).
   * Default: each parent's latest when the transaction is built. New terms published before
   * inclusion (say a higher minimum share at the same price) revert with `TermsVersionMismatch`. */
  termsVersions?: readonly number[] | undefined;
  /** The salt of the sender's commitment (see `commitRegistration`) to reveal it: a pending remix
   * then cannot be copied as an original. Without it, the direct path. */
  salt?: Hex | undefined;
  /** Default: the latest block's timestamp plus one hour. */
  deadline?: bigint | undefined;
};

/** A `Remix` licence bought for the registration (used at once, so recorded by the
 * `RemixLicensed` event and the parent link, not minted as a licence token). */
export type RemixLicencePurchase = {
  parentId: bigint;
  /** The parent's `Remix` terms version the licence was sold under. */
  termsVersion: number;
  currency: Address;
  price: bigint;
};

/** What {@link registerRemix} resolves to. */
export type RegisterRemixReturnType = WriteReturnType & {
  /** The new remix, minted to the sender. */
  assetId: bigint;
  contentHash: Hex;
  /** Per parent, in the order of `parents`: the held licence consumed, or `0n` where the licence
   * was bought in this transaction (see `purchases`). */
  licenceIds: bigint[];
  /** The licences bought in the transaction, with what each cost. */
  purchases: RemixLicencePurchase[];
};

/** What {@link registerRemix} rejects with: always a {@link RemixError} subclass. */
export type RegisterRemixErrorType = RemixError;

/**
 * The transaction that registers a remix, without sending it: it looks up held licences and
 * quotes the others unless `licenceIds`, `maxPrices` and `termsVersions` are given.
 *
 * @example
 * const { to, data, value } = await prepareRegisterRemix(client, {
 *   contentHash: "0x...", metadataUri: "ipfs://.../remix.json",
 *   parents: [{ assetId: 1n, shareBps: 3_000 }],
 * });
 */
export async function prepareRegisterRemix(
  client: AnyClient,
  parameters: RegisterRemixParameters & EstimateParameters,
): Promise<PreparedCall> {
  const deployment = resolveDeployment(client, parameters);
  const parents = validateParents(parameters.parents);
  const { licenceIds: givenIds, maxPrices: givenCaps, termsVersions: givenVersions } = parameters;
  if (parameters.salt !== undefined) requireSalt(parameters.salt);
  if (givenIds !== undefined) {
    assertLength(givenIds, parents.length, "licenceIds");
    givenIds.forEach((id, index) => requireUint256(`licenceIds[${index}]`, id));
  }
  if (givenCaps !== undefined) {
    assertLength(givenCaps, parents.length, "maxPrices");
    givenCaps.forEach((cap, index) => assertCurrencyAmount(cap, `maxPrices[${index}]`));
  }
  if (givenVersions !== undefined) {
    assertLength(givenVersions, parents.length, "termsVersions");
    givenVersions.forEach((version, index) =>
      assertTermsVersion(version, `termsVersions[${index}]`),
    );
  }
  const sender = senderAddress(client, parameters.account);
  const [licenceIds, deadline] = await Promise.all([
    givenIds ? [...givenIds] : heldRemixLicences(client, deployment, sender, parents),
    resolveDeadline(client, parameters.deadline),
  ]);
  const quotes =
    givenCaps && givenVersions
      ? undefined
      : await remixLicenceQuotes(client, deployment, parents, licenceIds);
  const licences = licenceIds.map((licenceId, index) => ({
    licenceId,
    termsVersion: givenVersions?.[index] ?? (quotes?.[index]?.termsVersion as number),
    maxPrice: givenCaps?.[index] ?? (quotes?.[index]?.maxPrice as CurrencyAmount),
  }));
  const bought = licences.filter((licence) => licence.licenceId === 0n);
  return {
    to: deployment.licensing,
    data: encodeFunctionData({
      abi: licensingAbi,
      functionName: "registerRemixWithLicences",
      // A zero salt is the direct path.
      args: [
        contentHashOf(parameters),
        parameters.metadataUri,
        parents,
        licences,
        parameters.salt ?? zeroHash,
        deadline,
      ],
    }),
    value: ethAmount(bought.map(({ maxPrice }) => maxPrice)),
    pulls: erc20Pulls(
      bought.map(({ maxPrice }) => maxPrice),
      deployment.protocol,
    ),
  };
}

/**
 * Registers a remix of existing assets, minted to the sender, with each parent's `Remix` licence:
 * held ones are used, missing ones bought in the same transaction (paid into each parent's tree;
 * ERC-20 prices need an allowance to the protocol contract). Lineage can never change afterwards.
 *
 * @example
 * const { assetId, licenceIds } = await registerRemix(walletClient, {
 *   content: await readFile("remix.mp4"),
 *   metadataUri: "ipfs://bafy.../remix.json",
 *   parents: [{ assetId: 1n, shareBps: 3_000 }, { assetId: 2n, shareBps: 2_000 }],
 * });
 */
export async function registerRemix(
  client: AnyClient,
  parameters: RegisterRemixParameters & WriteParameters,
): Promise<RegisterRemixReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const prepared = await prepareRegisterRemix(client, parameters);
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, deployment.protocol, remixProtocolAbi, "AssetRegistered");
  const consumed = receiptEvents(receipt, deployment.licensing, licensingAbi, "LicenceConsumed");
  const bought = receiptEvents(receipt, deployment.licensing, licensingAbi, "RemixLicensed");
  // The held licences are consumed in the order of `parents`; the bought ones are not tokens.
  const held = consumed.map((event) => event.args.licenceId);
  const boughtFrom = new Set(bought.map((event) => event.args.parentId));
  return {
    receipt,
    assetId: args.assetId,
    contentHash: args.contentHash,
    licenceIds: parameters.parents.map(({ assetId }) =>
      boughtFrom.has(assetId) ? 0n : (held.shift() as bigint),
    ),
    purchases: bought.map(({ args: { parentId, termsVersion, currency, price } }) => ({
      parentId,
      termsVersion,
      currency,
      price,
    })),
  };
}

/** The gas registering this remix would use now. */
export async function estimateRegisterRemixGas(
  client: AnyClient,
  parameters: RegisterRemixParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareRegisterRemix(client, parameters),
    parameters,
  );
}
