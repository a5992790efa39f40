import { type Address, getAddress, type Hash } from "viem";
import { parentParts, protocolFee, type SplittableBalance } from "./splitMath.js";

// The royalty engine's books rebuilt from its events alone: every payment, forward, split, claim
// and fee withdrawal, applied in chain order with the contract's own rules. An auditor compares
// the result with the contract's state; nothing here trusts that state.

/** A money event of the protocol, decoded (only the fields the replay uses). */
export type LedgerEvent = {
  transactionHash: Hash | null;
  blockNumber: bigint | null;
} & (
  | { eventName: "ParentLinked"; args: { childId: bigint; parentId: bigint; shareBps: number } }
  | { eventName: "FeeUpdated"; args: { newFeeBps: number } }
  | { eventName: "Paid"; args: { assetId: bigint; token: Address; amount: bigint; fee: bigint } }
  | {
      eventName: "RoyaltyForwarded";
      args: { childId: bigint; parentId: bigint; token: Address; amount: bigint };
    }
  | {
      eventName: "Split";
      args: { assetId: bigint; token: Address; gross: bigint; net: bigint; kept: bigint };
    }
  | { eventName: "Claimed"; args: { assetId: bigint; token: Address; amount: bigint } }
  | { eventName: "FeesWithdrawn"; args: { token: Address; amount: bigint } }
);

/** One token's books, as the events tell them. */
export type TokenLedger = {
  token: Address;
  /** Every payment, fees included (`Paid.amount`). */
  paidIn: bigint;
  /** Fees charged on payments (`Paid.fee`). */
  feesCharged: bigint;
  /** Fees paid out to the treasury (`FeesWithdrawn`). */
  feesWithdrawn: bigint;
  /** Paid out to creators (`Claimed`). */
  claimed: bigint;
  /** Per remix, what waits to be split. */
  splittable: Map<bigint, SplittableBalance>;
  /** Per asset, what its owner can claim. */
  collectable: Map<bigint, bigint>;
};

/** An event that contradicts the books built from the events before it. */
export type LedgerInconsistency = {
  eventName: "Paid" | "RoyaltyForwarded" | "Split" | "Claimed" | "FeesWithdrawn";
  token: Address;
  /** The asset concerned: the paid, splitting or claiming one, the parent a forward is for
   * (`null` for fee withdrawals). */
  assetId: bigint | null;
  /** What the books say the event should carry. */
  expected: bigint;
  /** What it carries. */
  actual: bigint;
  transactionHash: Hash | null;
  blockNumber: bigint | null;
};

/** The books of every token the events touch, and every event that contradicts them. */
export type LedgerReplay = {
  ledgers: Map<Address, TokenLedger>;
  inconsistencies: LedgerInconsistency[];
};

/**
 * Applies `events` (in chain order) to empty books, checking each against the protocol's rules:
 * a payment's fee is the fee in force, a split forwards to each parent its cumulative share of the
 * gross balance and keeps the rest of the net, a claim takes the whole collectable balance, a fee
 * withdrawal takes every accrued fee.
 */
export function replayLedger(events: readonly LedgerEvent[]): LedgerReplay {
  const links = new Map<bigint, { parentId: bigint; shareBps: number }[]>();
  let feeBps = 0;
  const ledgers = new Map<Address, TokenLedger>();
  const inconsistencies: LedgerInconsistency[] = [];
  // Forwards of the split in progress: a split emits them before its `Split` event.
  let forwarded: {
    event: Extract<LedgerEvent, { eventName: "RoyaltyForwarded" }>;
    parentId: bigint;
    amount: bigint;
  }[] = [];

  const ledgerOf = (token: Address): TokenLedger => {
    const key = getAddress(token);
    let ledger = ledgers.get(key);
    if (!ledger) {
      ledger = {
        token: key,
        paidIn: 0n,
        feesCharged: 0n,
        feesWithdrawn: 0n,
        claimed: 0n,
        splittable: new Map(),
        collectable: new Map(),
      };
      ledgers.set(key, ledger);
    }
    return ledger;
  };
  // An original's money is its own at once; a remix's waits to be split.
  const credit = (ledger: TokenLedger, assetId: bigint, gross: bigint, net: bigint) => {
    if (links.has(assetId)) {
      const held = ledger.splittable.get(assetId) ?? { gross: 0n, net: 0n };
      ledger.splittable.set(assetId, { gross: held.gross + gross, net: held.net + net });
    } else {
      ledger.collectable.set(assetId, (ledger.collectable.get(assetId) ?? 0n) + net);
    }
  };
  const check = (
    event: Extract<LedgerEvent, { eventName: LedgerInconsistency["eventName"] }>,
    token: Address,
    assetId: bigint | null,
    expected: bigint,
    actual: bigint,
  ) => {
    if (expected === actual) return;
    const { eventName, transactionHash, blockNumber } = event;
    inconsistencies.push({
      eventName,
      token: getAddress(token),
      assetId,
      expected,
      actual,
      transactionHash,
      blockNumber,
    });
  };

  for (const event of events) {
    switch (event.eventName) {
      case "ParentLinked": {
        const { childId, parentId, shareBps } = event.args;
        links.set(childId, [...(links.get(childId) ?? []), { parentId, shareBps }]);
        break;
      }
      case "FeeUpdated":
        feeBps = event.args.newFeeBps;
        break;
      case "Paid": {
        const { assetId, token, amount, fee } = event.args;
        const ledger = ledgerOf(token);
        check(event, token, assetId, protocolFee(amount, feeBps), fee);
        ledger.paidIn += amount;
        ledger.feesCharged += fee;
        credit(ledger, assetId, amount, amount - fee);
        break;
      }
      case "RoyaltyForwarded": {
        const { parentId, token, amount } = event.args;
        credit(ledgerOf(token), parentId, amount, amount);
        forwarded.push({ event, parentId, amount });
        break;
      }
      case "Split": {
        const { assetId, token, gross, net, kept } = event.args;
        const ledger = ledgerOf(token);
        const held = ledger.splittable.get(assetId) ?? { gross: 0n, net: 0n };
        check(event, token, assetId, held.gross, gross);
        check(event, token, assetId, held.net, net);
        // Each parent, in registration order, gets its cumulative share of the gross; a zero part
        // is skipped (no event).
        const parents = links.get(assetId) ?? [];
        const parts = parentParts(
          gross,
          parents.map(({ shareBps }) => shareBps),
        );
        const expected = parents
          .map(({ parentId }, i) => ({ parentId, amount: parts[i] ?? 0n }))
          .filter(({ amount }) => amount !== 0n);
        for (let i = 0; i < Math.max(expected.length, forwarded.length); i++) {
          const want = expected[i];
          const got = forwarded[i];
          if (want && got && want.parentId === got.parentId) {
            check(got.event, token, got.parentId, want.amount, got.amount);
          } else {
            // A forward to the wrong parent, or a missing or extra one.
            if (want) check(event, token, want.parentId, want.amount, 0n);
            if (got) check(got.event, token, got.parentId, 0n, got.amount);
          }
        }
        const sent = forwarded.reduce((sum, { amount }) => sum + amount, 0n);
        check(event, token, assetId, held.net - sent, kept);
        ledger.splittable.delete(assetId);
        ledger.collectable.set(assetId, (ledger.collectable.get(assetId) ?? 0n) + kept);
        forwarded = [];
        break;
      }
      case "Claimed": {
        const { assetId, token, amount } = event.args;
        const ledger = ledgerOf(token);
        check(event, token, assetId, ledger.collectable.get(assetId) ?? 0n, amount);
        ledger.collectable.delete(assetId);
        ledger.claimed += amount;
        break;
      }
      case "FeesWithdrawn": {
        const { token, amount } = event.args;
        const ledger = ledgerOf(token);
        check(event, token, null, ledger.feesCharged - ledger.feesWithdrawn, amount);
        ledger.feesWithdrawn += amount;
        break;
      }
    }
  }
  return { ledgers, inconsistencies };
}
