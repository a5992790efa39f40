import { beforeEach, describe, expect, it } from "vitest";
import {
  loadPending,
  type PendingRegistration,
  removePending,
  savePending,
} from "./pendingRegistrations.ts";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const entry = (contentHash: `0x${string}`): PendingRegistration => ({
  contentHash,
  salt: `0x${"11".repeat(32)}`,
  metadataUri: "ipfs://m",
  fileName: "a.mp4",
  revealableAt: "100",
  expiresAt: "86500",
});

describe("pending registrations", () => {
  beforeEach(() => localStorage.clear());

  it("keeps each account's commitments apart, per chain, and replaces by content hash", () => {
    savePending(31337, alice, entry("0x01"));
    savePending(31337, alice, { ...entry("0x01"), metadataUri: "ipfs://new" });
    savePending(31337, alice, entry("0x02"));
    savePending(1, alice, entry("0x03"));
    savePending(31337, bob, entry("0x04"));
    expect(loadPending(31337, alice).map((p) => [p.contentHash, p.metadataUri])).toEqual([
      ["0x01", "ipfs://new"],
      ["0x02", "ipfs://m"],
    ]);
    // Addresses match whatever their case.
    expect(loadPending(31337, alice.toLowerCase() as `0x${string}`)).toHaveLength(2);
    expect(loadPending(1, alice).map((p) => p.contentHash)).toEqual(["0x03"]);
    removePending(31337, alice, "0x01");
    expect(loadPending(31337, alice).map((p) => p.contentHash)).toEqual(["0x02"]);
    expect(loadPending(31337, bob)).toHaveLength(1);
  });

  it("reads damaged storage as nothing pending", () => {
    localStorage.setItem(
      `remix-royalties:pending-registrations:31337:${alice.toLowerCase()}`,
      "{oops",
    );
    expect(loadPending(31337, alice)).toEqual([]);
  });
});
