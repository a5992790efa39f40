import { beforeEach, describe, expect, it } from "vitest";
import {
  loadPending,
  type PendingRegistration,
  removePending,
  savePending,
} from "./pendingRegistrations.ts";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
/** A 32-byte content hash numbered `n`. */
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;
const entry = (n: number): PendingRegistration => ({
  contentHash: hash(n),
  salt: `0x${"11".repeat(32)}`,
  metadataUri: "ipfs://m",
  fileName: "a.mp4",
  revealableAt: "100",
  expiresAt: "86500",
});
const storageKey = `remix-royalties:pending-registrations:31337:${alice.toLowerCase()}`;

describe("pending registrations", () => {
  beforeEach(() => localStorage.clear());

  it("keeps each account's commitments apart, per chain, and replaces by content hash", () => {
    savePending(31337, alice, entry(1));
    savePending(31337, alice, { ...entry(1), metadataUri: "ipfs://new" });
    savePending(31337, alice, entry(2));
    savePending(1, alice, entry(3));
    savePending(31337, bob, entry(4));
    expect(loadPending(31337, alice).map((p) => [p.contentHash, p.metadataUri])).toEqual([
      [hash(1), "ipfs://new"],
      [hash(2), "ipfs://m"],
    ]);
    // Addresses match whatever their case.
    expect(loadPending(31337, alice.toLowerCase() as `0x${string}`)).toHaveLength(2);
    expect(loadPending(1, alice).map((p) => p.contentHash)).toEqual([hash(3)]);
    removePending(31337, alice, hash(1));
    expect(loadPending(31337, alice).map((p) => p.contentHash)).toEqual([hash(2)]);
    expect(loadPending(31337, bob)).toHaveLength(1);
  });

  it("keeps a commitment sent before its receipt was seen (no times yet)", () => {
    const { revealableAt: _, expiresAt: __, ...sent } = entry(5);
    savePending(31337, alice, sent);
    expect(loadPending(31337, alice)).toEqual([sent]);
  });

  it("leaves out damaged entries and keeps the others", () => {
    const stored = [
      entry(1),
      { ...entry(2), salt: 5 },
      null,
      { contentHash: "0x03" },
      { ...entry(6), expiresAt: "soon" },
    ];
    localStorage.setItem(storageKey, JSON.stringify(stored));
    expect(loadPending(31337, alice).map((p) => p.contentHash)).toEqual([hash(1)]);
  });

  it("reads damaged storage as nothing pending", () => {
    localStorage.setItem(storageKey, "{oops");
    expect(loadPending(31337, alice)).toEqual([]);
  });
});
