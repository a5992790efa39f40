import { type Address, erc20Abi, getAddress } from "viem";
import { getBalance, readContract } from "viem/actions";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { ETH } from "../../utils/constants.js";
import { type IndexedTotals, indexedTotals } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import {
  type LedgerEvent,
  type LedgerInconsistency,
  ledgerReplay,
} from "../../utils/ledgerReplay.js";
import { pinBlock, scanProtocolLogPages } from "../../utils/protocolLogs.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import type { RoyaltyBalance } from "../../utils/splitMath.js";
import { uniqueTokens } from "../../utils/tokenAmounts.js";
import { getBalances } from "./getBalances.js";

/** Parameters of {@link auditProtocol}. */
export type AuditProtocolParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters &
  IndexerParameters;

/**
 * One token's reconciliation. Flows come from the events, what is owed from the contract's state:
 * `paidIn = claimed + feesWithdrawn + claimable + inTransit + feesAccrued` (conservation) and the
 * contract's balance covers `claimable + inTransit + feesAccrued` (solvency).
 */
export type TokenReconciliation = {
  token: Address;
  /** Every payment ever made, fees included. */
  paidIn: bigint;
  /** Paid out to creators. */
  claimed: bigint;
  /** Fees paid out to the treasury. */
  feesWithdrawn: bigint;
  /** Claimable now by asset owners (what a claim of every asset would pay). */
  claimable: bigint;
  /** Still on its way up the remix tree: held for parents, waiting for a split. */
  inTransit: bigint;
  /** Fees charged and not yet withdrawn. */
  feesAccrued: bigint;
  /** `claimable + inTransit + feesAccrued`: what the contract owes. */
  owed: bigint;
  /** What the contract holds. */
  balance: bigint;
  /** `balance - owed`: zero when everything is accounted for, negative when insolvent. */
  surplus: bigint;
  /** Whether every unit paid in is claimed, withdrawn or still owed. */
  conserved: boolean;
  /** Whether the balance covers everything owed. */
  solvent: boolean;
};

/** Where the contract's books, its events and (with `indexer`) the indexer's totals disagree. */
export type AuditDiscrepancy =
  | ({ kind: "event" } & LedgerInconsistency)
  | {
      kind: "state";
      token: Address;
      /** `null` for the protocol's accrued fees. */
      assetId: bigint | null;
      field: "held" | "pendingGross" | "remainder" | "accruedFees" | "feeGrossRemainder";
      /** What the events add up to. */
      expected: bigint;
      /** What the contract's state says. */
      actual: bigint;
    }
  | {
      kind: "indexer";
      token: Address;
      /** `null` for the protocol's accrued fees. */
      assetId: bigint | null;
      field: "held" | "pendingGross" | "remainder" | "accruedFees";
      /** What the contract's state says. */
      expected: bigint;
      /** What the indexer says. */
      actual: bigint;
    };

/** What {@link auditProtocol} resolves to. */
export type AuditProtocolReturnType = {
  /** The block everything was read at. */
  blockNumber: bigint;
  /** Assets registered. */
  assetCount: number;
  /** Money events replayed (payments, splits, claims, fee withdrawals). */
  eventCount: number;
  /** Per token: ETH first, then every token ever allowlisted or paid in. */
  tokens: TokenReconciliation[];
  /** With `indexer`: how many indexed balances and fee totals were compared with the contract. */
  indexerCompared?: number;
  /** Every disagreement found, in chain order for events, then by token and asset. */
  discrepancies: AuditDiscrepancy[];
  /** True when every token is conserved and solvent and nothing disagrees. */
  ok: boolean;
};

/** The events the books are rebuilt from. */
const LEDGER_EVENTS = [
  "ParentLinked",
  "FeeUpdated",
  "Paid",
  "Split",
  "Claimed",
  "FeesWithdrawn",
] as const satisfies readonly LedgerEvent["eventName"][];

/** What {@link auditProtocol} rejects with: always a {@link RemixError} subclass. */
export type AuditProtocolErrorType = RemixError;

/**
 * Audits the whole protocol at one block: rebuilds every flow of money from the events (each
 * payment, split, claim and fee withdrawal, with the contract's rules), checks each
 * event against the books so far, compares the rebuilt balance of every asset in every token
 * with the contract's state, and reconciles each token: conservation (paid in = claimed + fees
 * withdrawn + owed) and solvency (the contract's balance covers what it owes). The money events
 * are streamed (adaptive log pages, only those events asked for) and folded as they come, then
 * batched reads: a handful of requests on a small protocol, memory bounded by the books rather
 * than the logs on a large one. With `indexer`, the audit is read at the block the indexer's
 * totals are at and is three-way: every indexed balance and fee total is also compared with the
 * contract's, and each that differs is an `indexer` discrepancy.
 *
 * @example
 * const audit = await auditProtocol(publicClient);
 * if (!audit.ok) console.error(audit.discrepancies);
 */
export async function auditProtocol(
  client: AnyClient,
  parameters: AuditProtocolParameters = {},
): Promise<AuditProtocolReturnType> {
  const deployment = resolveDeployment(client, parameters);
  // With an indexer, everything is read at the block its totals are at: a three-way comparison.
  const indexed =
    parameters.indexer === undefined
      ? undefined
      : await indexedTotals(parameters.indexer, deployment, parameters.blockNumber);
  const blockNumber = indexed?.blockNumber ?? (await pinBlock(client, parameters.blockNumber));
  const replay = ledgerReplay();
  const allowlisted: Address[] = [];
  let eventCount = 0;
  // Only the events the books need (not registrations or NFT transfers), folded page by page.
  const [[totalAssets]] = await Promise.all([
    readContracts(
      client,
      deployment,
      [{ address: deployment.protocol, abi: remixProtocolAbi, functionName: "totalAssets" }],
      { blockNumber },
    ),
    (async () => {
      for await (const page of scanProtocolLogPages(client, deployment, {
        eventName: [...LEDGER_EVENTS, "TokenAllowlistUpdated"],
        toBlock: blockNumber,
        ...scanOptions(parameters),
      })) {
        for (const log of page) {
          if (log.eventName === "TokenAllowlistUpdated") {
            allowlisted.push(getAddress(log.args.token));
            continue;
          }
          replay.apply(log as LedgerEvent);
          if (log.eventName !== "ParentLinked" && log.eventName !== "FeeUpdated") eventCount++;
        }
      }
    })(),
  ]);
  const { ledgers, inconsistencies } = replay.result();
  const assetCount = Number(totalAssets);
  const tokens = uniqueTokens([ETH, ...allowlisted, ...ledgers.keys()]);

  const assetIds = Array.from({ length: assetCount }, (_, index) => BigInt(index + 1));
  const [balances, fees, holdings] = await Promise.all([
    getBalances(client, { deployment, assetIds, tokens, blockNumber }),
    readContracts(
      client,
      deployment,
      tokens.map(
        (token) =>
          ({
            address: deployment.protocol,
            abi: remixProtocolAbi,
            functionName: "accruedFees",
            args: [token],
          }) as const,
      ),
      { blockNumber },
    ),
    tokenHoldings(client, deployment.protocol, tokens, blockNumber),
  ]);

  const discrepancies: AuditDiscrepancy[] = inconsistencies.map((found) => ({
    kind: "event",
    ...found,
  }));
  const reconciliations = tokens.map((token, t): TokenReconciliation => {
    const ledger = ledgers.get(token);
    const state = (
      assetId: bigint | null,
      field: Extract<AuditDiscrepancy, { kind: "state" }>["field"],
      expected: bigint,
      actual: bigint,
    ) => {
      if (expected !== actual) {
        discrepancies.push({ kind: "state", token, assetId, field, expected, actual });
      }
    };
    let claimable = 0n;
    let inTransit = 0n;
    for (const [a, assetId] of assetIds.entries()) {
      const read = balances[a * tokens.length + t];
      if (!read) continue;
      const rebuilt = ledger?.balances.get(assetId);
      state(assetId, "held", rebuilt?.held ?? 0n, read.held);
      state(assetId, "pendingGross", rebuilt?.pendingGross ?? 0n, read.pendingGross);
      state(assetId, "remainder", rebuilt?.remainder ?? 0n, read.remainder);
      claimable += read.collectable;
      inTransit += read.held - read.collectable;
    }
    const [feesAccrued, feeGrossRemainder] = (fees[t] ?? [0n, 0n]) as readonly [bigint, bigint];
    state(null, "feeGrossRemainder", ledger?.grossRemainder ?? 0n, feeGrossRemainder);
    const feesWithdrawn = ledger?.feesWithdrawn ?? 0n;
    state(null, "accruedFees", (ledger?.feesCharged ?? 0n) - feesWithdrawn, feesAccrued);
    const paidIn = ledger?.paidIn ?? 0n;
    const claimed = ledger?.claimed ?? 0n;
    const owed = claimable + inTransit + feesAccrued;
    const balance = holdings[t] ?? 0n;
    return {
      token,
      paidIn,
      claimed,
      feesWithdrawn,
      claimable,
      inTransit,
      feesAccrued,
      owed,
      balance,
      surplus: balance - owed,
      conserved: paidIn === claimed + feesWithdrawn + owed,
      solvent: balance >= owed,
    };
  });
  const indexerCompared = indexed
    ? compareIndexed(indexed, assetIds, tokens, balances, fees, discrepancies)
    : undefined;
  return {
    blockNumber,
    assetCount,
    eventCount,
    tokens: reconciliations,
    ...(indexerCompared === undefined ? {} : { indexerCompared }),
    discrepancies,
    ok:
      discrepancies.length === 0 &&
      reconciliations.every(({ conserved, solvent }) => conserved && solvent),
  };
}

/** The protocol's balance of each token (ETH first) at `blockNumber`. */
async function tokenHoldings(
  client: AnyClient,
  holder: Address,
  tokens: readonly Address[],
  blockNumber: bigint,
): Promise<bigint[]> {
  return Promise.all(
    tokens.map((token) =>
      (token === ETH
        ? getBalance(client, { address: holder, blockNumber })
        : readContract(client, {
            address: token,
            abi: erc20Abi,
            functionName: "balanceOf",
            args: [holder],
            blockNumber,
          })
      ).catch((error: unknown) => {
        throw toRemixError(error);
      }),
    ),
  );
}

/**
 * Compares every indexed balance and fee total with the contract's (`balances` by asset then
 * token, `fees` by token), adding an `indexer` discrepancy for each that differs, including a row
 * for an asset or token the contract does not know; returns how many values were compared.
 */
function compareIndexed(
  indexed: IndexedTotals,
  assetIds: readonly bigint[],
  tokens: readonly Address[],
  balances: readonly RoyaltyBalance[],
  fees: readonly unknown[],
  discrepancies: AuditDiscrepancy[],
): number {
  const rows = new Map(
    indexed.balances.map((row) => [`${row.assetId}:${row.token.toLowerCase()}`, row]),
  );
  let compared = 0;
  const compare = (
    token: Address,
    assetId: bigint | null,
    field: Extract<AuditDiscrepancy, { kind: "indexer" }>["field"],
    expected: bigint,
    actual: bigint,
  ) => {
    compared++;
    if (expected !== actual) {
      discrepancies.push({ kind: "indexer", token, assetId, field, expected, actual });
    }
  };
  for (const [a, assetId] of assetIds.entries()) {
    for (const [t, token] of tokens.entries()) {
      const read = balances[a * tokens.length + t];
      if (!read) continue;
      const key = `${assetId}:${token.toLowerCase()}`;
      const row = rows.get(key);
      rows.delete(key);
      compare(token, assetId, "held", read.held, row?.held ?? 0n);
      compare(token, assetId, "pendingGross", read.pendingGross, row?.pendingGross ?? 0n);
      compare(token, assetId, "remainder", read.remainder, row?.remainder ?? 0n);
    }
  }
  // What is left is indexed for an asset or token the contract's state has no balance of.
  for (const row of rows.values()) {
    const token = getAddress(row.token);
    compare(token, row.assetId, "held", 0n, row.held);
    compare(token, row.assetId, "pendingGross", 0n, row.pendingGross);
  }
  const indexedFees = new Map(
    indexed.fees.map((fee) => [fee.token.toLowerCase(), fee.outstanding]),
  );
  for (const [t, token] of tokens.entries()) {
    const [accrued] = (fees[t] ?? [0n]) as readonly [bigint];
    compare(token, null, "accruedFees", accrued, indexedFees.get(token.toLowerCase()) ?? 0n);
    indexedFees.delete(token.toLowerCase());
  }
  for (const [token, outstanding] of indexedFees) {
    compare(getAddress(token), null, "accruedFees", 0n, outstanding);
  }
  return compared;
}
