import { formatEther, formatUnits } from "viem";
import { BPS, UseKind } from "../utils/constants.js";
import { formatBps } from "../format/formatBps.js";
import type { ProtocolErrorName } from "./contract.js";

/** How amounts of the token a call moved are printed: its symbol and decimals. */
export type RevertCurrency = { symbol: string; decimals: number };

/** What {@link describeRevert} may know beyond the revert itself. */
export type DescribeRevertOptions = {
  /**
   * The token of the purchase or payment that reverted. Without it, token amounts (prices, caps,
   * allowances) are printed in the token's smallest unit.
   */
  currency?: RevertCurrency | undefined;
};

type Describe = (args: readonly unknown[], amount: (value: unknown) => string) => string;

const KIND_NAMES = Object.fromEntries(Object.entries(UseKind).map(([name, id]) => [id, name]));

/** A use kind by name (`View`, `AITraining`), as the SDK's `UseKind` spells it. */
export function useKindName(kind: unknown): string {
  return KIND_NAMES[Number(kind)] ?? `use kind ${String(kind)}`;
}

const eth = (value: unknown) => `${formatEther(value as bigint)} ETH`;
const bps = (value: unknown) => formatBps(Number(value));

/**
 * One sentence per protocol error that a user can cause, in the protocol's own terms: assets by
 * id, use kinds by name, ETH in ether, shares in percent. Errors a user cannot cause (access
 * control between the protocol's own contracts) keep the generic form.
 */
const SENTENCES: Partial<Record<ProtocolErrorName, Describe>> = {
  AssetNotFound: ([id]) => `asset ${id} does not exist`,
  UnknownAsset: ([id]) => `asset ${id} does not exist`,
  UseNotAllowed: ([id, kind]) => `asset ${id} does not allow ${useKindName(kind)} uses`,
  TermsVersionMismatch: ([id, kind, expected, current]) =>
    `the ${useKindName(kind)} terms of asset ${id} are at version ${current}, not the version ` +
    `${expected} quoted: quote again`,
  TermsVersionCountMismatch: ([expected, given]) =>
    `${given} terms versions given for ${expected} items`,
  ViewIsPayPerUse: () => "views are paid per use (payForUse), not licensed",
  RemixLicenceCannotExpire: ([duration]) =>
    `a Remix licence lasts until used, so it cannot have a duration (${duration} s given)`,
  InvalidMinShare: ([kind, share, limit]) =>
    Number(limit) === 0
      ? `only Remix terms take a minimum share (${bps(share)} given for ${useKindName(kind)})`
      : `a minimum share of ${bps(share)} is above the ${bps(limit)} a remix can give ` +
        `(100% less the protocol's ${bps(BPS - Number(limit))} fee cap)`,
  SharesExceedLimit: ([total, limit]) =>
    `the parents' shares total ${bps(total)}, above the ${bps(limit)} a remix can give ` +
    `(100% less the protocol's ${bps(BPS - Number(limit))} fee cap)`,
  ShareBelowLicenceMinimum: ([id, share, minimum]) =>
    `asset ${id} licenses remixes that give it at least ${bps(minimum)}, not ${bps(share)}`,
  InvalidParentCount: ([count, max]) => `a remix names 1 to ${max} parents, not ${count}`,
  DuplicateParent: ([id]) => `asset ${id} is named as a parent more than once`,
  ContentAlreadyRegistered: ([hash, id]) => `content ${hash} is already registered as asset ${id}`,
  ZeroContentHash: () => "the content hash is zero",
  InvalidMetadataURI: ([length, max]) =>
    `the metadata URI is ${length} bytes, ${Number(length) === 0 ? "empty" : `above the ${max}-byte limit`}`,
  NotAssetOwner: ([id, caller]) => `${caller} does not own asset ${id}`,
  NotAssetOwnerOrManager: ([id, caller]) =>
    `${caller} neither owns asset ${id} nor manages its revenue`,
  CurrencyNotAllowed: ([currency]) => `${currency} is not an allowlisted token`,
  TokenNotAllowed: ([token]) => `${token} is not an allowlisted token`,
  CurrencyMismatch: ([currency, capCurrency]) =>
    `the terms charge in ${currency}, but the maximum price is in ${capCurrency}`,
  MissingCurrencyCap: ([currency]) => `no maximum price was given in ${currency}`,
  PriceAboveMaximum: ([price, max], amount) =>
    `the price ${amount(price)} is above the maximum ${amount(max)}`,
  PriceTooLarge: ([price, max], amount) =>
    `a price of ${amount(price)} could never be paid: payments are at most ${amount(max)}`,
  AmountTooLarge: ([value, max], amount) =>
    `${amount(value)} is more than one payment can carry (${amount(max)})`,
  InsufficientPayment: ([required, sent]) =>
    `the purchase costs ${eth(required)} but ${eth(sent)} was sent`,
  UnexpectedPayment: ([sent]) => `${eth(sent)} was sent with a purchase that charges no ETH`,
  IncorrectPaymentValue: ([expected, sent]) =>
    `the payment needs exactly ${eth(expected)} of value, not ${eth(sent)}`,
  TransferAmountMismatch: ([expected, received], amount) =>
    `the token delivered ${amount(received)} of the ${amount(expected)} transferred ` +
    "(fee-on-transfer tokens are not supported)",
  ZeroAmount: () => "the amount is zero",
  ZeroCount: () => "the use count is zero",
  EmptyPurchase: () => "the purchase names no assets",
  LengthMismatch: ([length, other]) => `lists of ${length} and ${other} items must match`,
  LicenceCountMismatch: ([expected, given]) =>
    `${given} licence choices given for ${expected} parents`,
  LicenceNotUsable: ([licence, holder, parent]) =>
    `licence ${licence} is not an unused Remix licence of asset ${parent} held by ${holder}`,
  LicenceNonTransferable: () => "licences are bound to their holder and cannot be transferred",
  InvalidRecipient: ([recipient]) => `${recipient} cannot receive this`,
  DeadlinePassed: ([deadline, timestamp]) =>
    `the deadline ${isoTime(deadline)} passed before inclusion (${isoTime(timestamp)})`,
  SignatureExpired: ([deadline, timestamp]) =>
    `the signature expired at ${isoTime(deadline)} (block time ${isoTime(timestamp)})`,
  InvalidSignature: ([signer]) => `the signature is not ${signer}'s`,
  ProtocolPaused: () => "the protocol is paused for new payments and purchases (claims still work)",
  FeeAboveMaximum: ([fee, max]) => `a fee of ${bps(fee)} is above the ${bps(max)} cap`,
  UnknownCommitment: ([committer]) =>
    `${committer} made no such commitment (or it was already revealed)`,
  CommitmentTooRecent: ([, , revealableAt]) =>
    `the commitment can be revealed from ${isoTime(revealableAt)}`,
  CommitmentExpired: ([, expiresAt]) => `the commitment expired at ${isoTime(expiresAt)}`,
  ContentCommitted: ([hash, lockedUntil]) =>
    `content ${hash} is committed by someone else until ${isoTime(lockedUntil)}: register it ` +
    "through commit-reveal",
  ZeroCommitment: () => "the commitment is zero",
  ZeroSalt: () => "the salt is zero",
  ERC20InsufficientAllowance: ([spender, allowance, needed], amount) =>
    `${spender} may spend ${amount(allowance)} of the sender's tokens, but ${amount(needed)} ` +
    "is needed: approve it first",
  ERC20InsufficientBalance: ([sender, balance, needed], amount) =>
    `${sender} holds ${amount(balance)}, but ${amount(needed)} is needed`,
  InsufficientBalance: ([balance, needed]) =>
    `the contract holds ${eth(balance)}, but ${eth(needed)} is needed`,
};

/**
 * A protocol revert as a sentence, e.g. `asset 999 does not exist` or `asset 1 does not allow
 * AITraining uses`, or `undefined` for an error without one. With `currency`, token amounts are
 * printed in its units and symbol (`1.50 USDC`); without it, in the smallest unit.
 *
 * @example
 * describeRevert("PriceAboveMaximum", [1_500_000n, 1_000_000n], { currency: { symbol: "USDC", decimals: 6 } });
 * // "the price 1.5 USDC is above the maximum 1 USDC"
 */
export function describeRevert(
  errorName: string,
  args: readonly unknown[] | undefined,
  { currency }: DescribeRevertOptions = {},
): string | undefined {
  const sentence = SENTENCES[errorName as ProtocolErrorName];
  if (!sentence) return undefined;
  const amount = (value: unknown) =>
    currency
      ? `${formatUnits(value as bigint, currency.decimals)} ${currency.symbol}`
      : `${String(value)} (smallest unit)`;
  return sentence(args ?? [], amount);
}

function isoTime(seconds: unknown): string {
  const value = Number(seconds);
  return Number.isSafeInteger(value) && value * 1000 < 8.64e15
    ? new Date(value * 1000).toISOString().replace(".000Z", "Z")
    : String(seconds);
}
