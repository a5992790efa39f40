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
  const inconsistency = (
    event: Extract<LedgerEvent, { eventName: LedgerInconsistency["eventName"] }>,
    token: Address,
    assetId: bigint | null,
    expected: bigint,
    actual: bigint,
  ): LedgerInconsistency | undefined => {
    if (expected === actual) return undefined;
    const { eventName, transactionHash, blockNumber } = event;
    return {
      eventName,
      token: getAddress(token),
      assetId,
      expected,
      actual,
      transactionHash,
      blockNumber,
    };
  };
  const check = (...found: Parameters<typeof inconsistency>) => {
    const result = inconsistency(...found);
    if (result) inconsistencies.push(result);
  };

  // One token's balances as a split or a claim reads and writes them: the ledger itself, or a
  // draft over it that a claim commits once it knows the order its splits happened in.
  type Books = {
    get(assetId: bigint): RoyaltyBalance;
    set(assetId: bigint, balance: RoyaltyBalance): void;
    check(...found: Parameters<typeof inconsistency>): void;
  };
  const booksOf = (ledger: TokenLedger): Books => ({
    get: (assetId) => ledger.balances.get(assetId) ?? EMPTY_BALANCE,
    set: (assetId, balance) => void ledger.balances.set(assetId, balance),
    check,
  });
  const draftOf = (ledger: TokenLedger) => {
    const changes = new Map<bigint, RoyaltyBalance>();
    const found: LedgerInconsistency[] = [];
    const books: Books = {
      get: (assetId) => changes.get(assetId) ?? ledger.balances.get(assetId) ?? EMPTY_BALANCE,
      set: (assetId, balance) => void changes.set(assetId, balance),
      check: (...args) => {
        const result = inconsistency(...args);
        if (result) found.push(result);
      },
    };
    const commit = () => {
      for (const [assetId, balance] of changes) ledger.balances.set(assetId, balance);
      inconsistencies.push(...found);
    };
    return { books, found, commit };
  };
  const credit = (books: Books, assetId: bigint, gross: bigint, net: bigint) =>
    books.set(assetId, balanceAfterCredit(books.get(assetId), gross, net, links.has(assetId)));

  const split = (books: Books, event: SplitEvent) => {
    const { assetId, token, gross, amounts } = event.args;
    const parents = links.get(assetId) ?? [];
    const expected = splitBalance(
      books.get(assetId),
      parents.map(({ shareBps }) => shareBps),
    );
    books.check(event, token, assetId, expected.gross, gross);
    // One amount per parent, in registration order (zeros included).
    for (let i = 0; i < Math.max(parents.length, amounts.length); i++) {
      const parentId = parents[i]?.parentId ?? null;
      books.check(event, token, parentId, expected.amounts[i] ?? 0n, amounts[i] ?? 0n);
      if (parentId !== null && (amounts[i] ?? 0n) !== 0n) {
        credit(books, parentId, amounts[i] ?? 0n, amounts[i] ?? 0n);
      }
    }
    const sent = amounts.reduce((sum, amount) => sum + amount, 0n);
    books.set(assetId, balanceAfterSplit(books.get(assetId), gross, sent));
  };

  // A claim splits each asset as it takes it, in the claim's order, but logs all of its amounts
  // in one `Claimed` after its splits. So the splits logged just before a claim in its transaction
  // are held back: the last of them may be the claim's own (of its token, in the order of its
  // assets), taken in turn with the assets; the others came before the claim (a `splitMany` in
  // the same transaction). The claim is replayed with the most splits of its own that agree with
  // every amount it logged (each reading is exact; only which one happened is not in the logs).
  let heldBack: SplitEvent[] = [];
  const release = () => {
    for (const event of heldBack) split(booksOf(ledgerOf(event.args.token)), event);
    heldBack = [];
  };
  const claim = (event: ClaimedEvent) => {
    const { token, assetIds, amounts } = event.args;
    const ledger = ledgerOf(token);
    const position = new Map<bigint, number>();
    assetIds.forEach((assetId, index) => {
      if (!position.has(assetId)) position.set(assetId, index);
    });
    // The claim's own splits can only be a suffix of its token's, in the order of its assets.
    let own = 0;
    for (let i = heldBack.length - 1; i >= 0; i--) {
      const held = heldBack[i] as SplitEvent;
      const at = position.get(held.args.assetId);
      if (getAddress(held.args.token) !== ledger.token || at === undefined) break;
      const later = heldBack[i + 1];
      if (later && at >= (position.get(later.args.assetId) as number)) break;
      own++;
    }
    const replay = (count: number) => {
      const draft = draftOf(ledger);
      const before = heldBack.length - count;
      for (const held of heldBack.slice(0, before)) {
        if (getAddress(held.args.token) === ledger.token) split(draft.books, held);
      }
      const mine = heldBack.slice(before);
      assetIds.forEach((assetId, index) => {
        if (mine[0]?.args.assetId === assetId && position.get(assetId) === index) {
          split(draft.books, mine.shift() as SplitEvent);
        }
        const amount = amounts[index] ?? 0n;
        const balance = draft.books.get(assetId);
        // A repeated asset was taken by its first entry: the books already hold its zero.
        draft.books.check(event, token, assetId, claimable(balance), amount);
        draft.books.set(assetId, balanceAfterClaim(balance, amount));
      });
      return draft;
    };
    let chosen = replay(own);
    for (let count = own - 1; chosen.found.length > 0 && count >= 0; count--) {
      const other = replay(count);
      if (other.found.length === 0) chosen = other;
    }
    // Splits of other tokens are independent of this claim.
    for (const held of heldBack) {
      if (getAddress(held.args.token) !== ledger.token)
        split(booksOf(ledgerOf(held.args.token)), held);
    }
    heldBack = [];
    chosen.commit();
    ledger.claimed += amounts.reduce((sum, amount) => sum + amount, 0n);
  };
  const sameTransaction = (event: LedgerEvent) =>
    event.transactionHash !== null &&
    heldBack.length > 0 &&
    heldBack[0]?.transactionHash === event.transactionHash;

  const apply = (event: LedgerEvent): void => {
    if (event.eventName === "Split") {
      if (!sameTransaction(event)) release();
      heldBack.push(event);
      return;
    }
    if (event.eventName === "Claimed") {
      if (!sameTransaction(event)) release();
      claim(event);
      return;
    }
    release();
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
        credit(booksOf(ledger), assetId, amount, amount - fee);
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
  return {
    apply,
    result: () => {
      release();
      return { ledgers, inconsistencies };
    },
  };
}

type SplitEvent = Extract<LedgerEvent, { eventName: "Split" }>;
type ClaimedEvent = Extract<LedgerEvent, { eventName: "Claimed" }>;
