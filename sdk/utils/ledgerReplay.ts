import { type Address, getAddress, type Hash } from "viem";
import {
  advanceRemainder,
  balanceAfterClaim,
  balanceAfterCredit,
  balanceAfterSplit,
  claimable,
  EMPTY_BALANCE,
  protocolFee,
  type RoyaltyBalance,
  splitBalance,
} from "./splitMath.js";

// The royalty engine's books rebuilt from its events alone: every payment, split, claim and fee
// withdrawal, applied in chain order with the contract's own rules. An auditor compares
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
      eventName: "Split";
      args: { assetId: bigint; token: Address; gross: bigint; amounts: readonly bigint[] };
    }
  | {
      eventName: "Claimed";
      args: { token: Address; assetIds: readonly bigint[]; amounts: readonly bigint[] };
    }
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
  /** The gross ever paid in the token, modulo 10,000 (it fixes the next fee's rounding). */
  grossRemainder: bigint;
  /** Per asset, what the engine keeps for it (as `royaltyBalance` reads it). */
  balances: Map<bigint, RoyaltyBalance>;
};

/** An event that contradicts the books built from the events before it. */
export type LedgerInconsistency = {
  eventName: "Paid" | "Split" | "Claimed" | "FeesWithdrawn";
  token: Address;
  /** The asset concerned: the paid, splitting or claiming one, the parent a split's amount is for
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
 * a payment's fee is the increment of the fee in force on the token's lifetime gross, a split
 * credits each parent the increment of its share of the asset's lifetime split gross (only the
 * part of the pending gross that what is held covers), a claim takes everything held once the
 * claim's own split is done (nothing while gross stays unsplit), a fee withdrawal takes every accrued fee. The books then follow
 * what the events say the contract did.
 */
export function replayLedger(events: readonly LedgerEvent[]): LedgerReplay {
  const replay = ledgerReplay();
  for (const event of events) replay.apply(event);
  return replay.result();
}

/**
 * {@link replayLedger} one event at a time, for a caller that streams the events (an audit of
 * every log ever emitted need not hold them all): `apply` each in chain order, then `result`.
 */
export function ledgerReplay(): { apply(event: LedgerEvent): void; result(): LedgerReplay } {
  const links = new Map<bigint, { parentId: bigint; shareBps: number }[]>();
  let feeBps = 0;
  const ledgers = new Map<Address, TokenLedger>();
  const inconsistencies: LedgerInconsistency[] = [];

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
        grossRemainder: 0n,
        balances: new Map(),
      };
      ledgers.set(key, ledger);
    }
    return ledger;
  };
  const balanceOf = (ledger: TokenLedger, assetId: bigint) =>
    ledger.balances.get(assetId) ?? EMPTY_BALANCE;
  const credit = (ledger: TokenLedger, assetId: bigint, gross: bigint, net: bigint) =>
    ledger.balances.set(
      assetId,
      balanceAfterCredit(balanceOf(ledger, assetId), gross, net, links.has(assetId)),
    );
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

  const apply = (event: LedgerEvent): void => {
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
        check(event, token, assetId, protocolFee(amount, feeBps, ledger.grossRemainder), fee);
        ledger.paidIn += amount;
        ledger.feesCharged += fee;
        ledger.grossRemainder = advanceRemainder(ledger.grossRemainder, amount);
        credit(ledger, assetId, amount, amount - fee);
        break;
      }
      case "Split": {
        const { assetId, token, gross, amounts } = event.args;
        const ledger = ledgerOf(token);
        const balance = balanceOf(ledger, assetId);
        const parents = links.get(assetId) ?? [];
        const expected = splitBalance(
          balance,
          parents.map(({ shareBps }) => shareBps),
        );
        check(event, token, assetId, expected.gross, gross);
        // One amount per parent, in registration order (zeros included).
        for (let i = 0; i < Math.max(parents.length, amounts.length); i++) {
          const parentId = parents[i]?.parentId ?? null;
          check(event, token, parentId, expected.amounts[i] ?? 0n, amounts[i] ?? 0n);
          if (parentId !== null && (amounts[i] ?? 0n) !== 0n) {
            credit(ledger, parentId, amounts[i] ?? 0n, amounts[i] ?? 0n);
          }
        }
        const sent = amounts.reduce((sum, amount) => sum + amount, 0n);
        ledger.balances.set(assetId, balanceAfterSplit(balanceOf(ledger, assetId), gross, sent));
        break;
      }
      case "Claimed": {
        const { token, assetIds, amounts } = event.args;
        const ledger = ledgerOf(token);
        assetIds.forEach((assetId, index) => {
          const amount = amounts[index] ?? 0n;
          const balance = balanceOf(ledger, assetId);
          // A repeated asset was taken by its first entry: the books already hold its zero.
          check(event, token, assetId, claimable(balance), amount);
          ledger.balances.set(assetId, balanceAfterClaim(balance, amount));
          ledger.claimed += amount;
        });
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
  };
  return { apply, result: () => ({ ledgers, inconsistencies }) };
}
