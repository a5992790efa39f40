import { type Address, type Hex, isHex, size, zeroHash } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import { ETH } from "./constants.js";
import { requireAddress, requireBps, requireUint } from "./inputChecks.js";

/** An asset owner's terms for one use kind, as published (one version). */
export type LicenceTerms = {
  /** Whether the use may be licensed at all. */
  allowed: boolean;
  /** `ETH` (the zero address) or an allowlisted ERC-20. */
  currency: Address;
  /** Per licence, or per use for `View`, in the currency's smallest unit. */
  price: bigint;
  /** Seconds a licence lasts from purchase; `0n` means perpetual (always for `Remix`). */
  duration: bigint;
  /** For `Remix`: the least share (basis points) a remix must give this asset. */
  minShareBps: number;
  /** Hash of the terms document. */
  documentHash: Hex;
  /** Where the terms document lives. */
  documentUri: string;
};

/**
 * Terms to publish. Only `allowed` is required; unset fields default to free, perpetual terms. A
 * price needs its `currency` spelled out (`ETH` or a token), so that an amount is never read in
 * a unit its author did not mean.
 */
export type LicenceTermsInput = { allowed: boolean } & {
  [key in Exclude<keyof LicenceTerms, "allowed" | "currency" | "price">]?:
    LicenceTerms[key] | undefined;
} & (
    | { price?: 0n | undefined; currency?: Address | undefined }
    | { price: bigint; currency: Address }
  );

/** The `Terms` struct as the contracts encode and return it. */
type TermsStruct = {
  allowed: boolean;
  currency: Address;
  price: bigint;
  duration: number;
  minShareBps: number;
  documentHash: Hex;
  documentURI: string;
};

/**
 * `terms` with defaults filled in (free, in ETH, perpetual, no minimum share, zero document hash,
 * empty URI), as the contract takes them. Refuses values the struct cannot hold; rules that
 * depend on the kind or the protocol (allowlist, `Remix` durations, the share cap) are the
 * contract's.
 */
export function toTermsStruct(terms: LicenceTermsInput): TermsStruct {
  const {
    allowed,
    currency,
    price = 0n,
    duration = 0n,
    minShareBps = 0,
    documentHash = zeroHash,
    documentUri = "",
  } = terms;
  if (typeof allowed !== "boolean") {
    throw new InvalidParameterError({ parameter: "terms.allowed", reason: "must be a boolean" });
  }
  // The struct holds 128 bits, but the protocol takes at most 2^120 - 1 per payment, so the
  // contract refuses anything above (`PriceTooLarge`).
  requireUint("terms.price", price, 120);
  if (currency === undefined && price > 0n) {
    throw new InvalidParameterError({
      parameter: "terms.currency",
      reason: "is required with a price (ETH or a token address)",
    });
  }
  requireAddress("terms.currency", currency ?? ETH);
  requireUint("terms.duration", duration, 40);
  requireBps("terms.minShareBps", minShareBps);
  if (!isHex(documentHash, { strict: true }) || size(documentHash) !== 32) {
    throw new InvalidParameterError({
      parameter: "terms.documentHash",
      reason: "must be 32 bytes of hex",
    });
  }
  return {
    allowed,
    currency: currency ?? ETH,
    price,
    duration: Number(duration),
    minShareBps,
    documentHash,
    documentURI: documentUri,
  };
}

/** A `Terms` struct read from the contracts, as the SDK returns it. */
export function fromTermsStruct(terms: TermsStruct): LicenceTerms {
  return {
    allowed: terms.allowed,
    currency: terms.currency,
    price: terms.price,
    duration: BigInt(terms.duration),
    minShareBps: terms.minShareBps,
    documentHash: terms.documentHash,
    documentUri: terms.documentURI,
  };
}
