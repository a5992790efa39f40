// Commitments made and not yet revealed, kept in this browser (per chain and account): the salt
// is the only way to reveal, so it must survive a reload until the registration is done.
import type { Address, Hex } from "viem";

/** A committed registration waiting for its reveal; bigints as decimal strings. */
export type PendingRegistration = {
  contentHash: Hex;
  salt: Hex;
  metadataUri: string;
  fileName: string;
  /** Unknown when the commitment was sent but its receipt never seen (the tab closed). */
  revealableAt?: string | undefined;
  expiresAt?: string | undefined;
  /** For a remix: its parents and the licence quote the creator accepted before committing. */
  remix?: {
    parents: { assetId: string; shareBps: number }[];
    licenceIds: string[];
    termsVersions: number[];
    maxPrices: { currency: Address; amount: string }[];
  };
};

const key = (chainId: number, account: Address) =>
  `remix-royalties:pending-registrations:${chainId}:${account.toLowerCase()}`;

const HASH = /^0x[0-9a-fA-F]{64}$/;

/** Whether a stored value has the fields a reveal needs (storage is the user's to edit). */
function isPending(value: unknown): value is PendingRegistration {
  const entry = value as Partial<PendingRegistration> | null;
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.contentHash === "string" &&
    HASH.test(entry.contentHash) &&
    typeof entry.salt === "string" &&
    HASH.test(entry.salt) &&
    typeof entry.metadataUri === "string" &&
    typeof entry.fileName === "string" &&
    (entry.revealableAt === undefined || /^\d+$/.test(entry.revealableAt)) &&
    (entry.expiresAt === undefined || /^\d+$/.test(entry.expiresAt))
  );
}

/** The account's pending registrations on the chain, oldest first (damaged entries left out). */
export function loadPending(chainId: number, account: Address): PendingRegistration[] {
  try {
    const stored = JSON.parse(localStorage.getItem(key(chainId, account)) ?? "[]") as unknown;
    return Array.isArray(stored) ? stored.filter(isPending) : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by content hash) a pending registration. */
export function savePending(chainId: number, account: Address, entry: PendingRegistration): void {
  const others = loadPending(chainId, account).filter((p) => p.contentHash !== entry.contentHash);
  localStorage.setItem(key(chainId, account), JSON.stringify([...others, entry]));
}

/** Forgets the pending registration of `contentHash` (revealed, or expired). */
export function removePending(chainId: number, account: Address, contentHash: Hex): void {
  const rest = loadPending(chainId, account).filter((p) => p.contentHash !== contentHash);
  localStorage.setItem(key(chainId, account), JSON.stringify(rest));
}
