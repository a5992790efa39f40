// Chain state for the indexer tests, and the indexer's view of it compared with the contract's.
import { expect } from "chai";
import { type Address, type Hash, parseEventLogs, zeroAddress } from "viem";
import { ETH, remixProtocolAbi } from "../../../sdk/index.js";
import type { SdkEnv, Wallet } from "../sdk/helpers/env.js";
import { buildTree, confirm, pay, transferAsset } from "../sdk/helpers/tree.js";

/** A GraphQL list answer. */
export type Page<T> = { items: T[]; totalCount: number };
/** An `asset` row with its parents. */
export type IndexedAsset = {
  id: string;
  creator: Address;
  owner: Address;
  contentHash: Hash;
  metadataURI: string;
  parentCount: number;
  childCount: number;
  depth: number;
  parents: Page<{ position: number; parentId: string; shareBps: number }>;
};
/** An `assetTokenTotal` row (amounts as decimal strings). */
export type IndexedTotals = {
  assetId: string;
  token: Address;
  paidGross: string;
  fees: string;
  receivedDirect: string;
  receivedFromSplits: string;
  forwardedToParents: string;
  splitGross: string;
  claimed: string;
  held: string;
  pendingGross: string;
  splitRemainder: string;
};
/** A `tokenFeeTotal` row. */
export type IndexedFees = {
  token: Address;
  accrued: string;
  withdrawn: string;
  outstanding: string;
};
/** The answer to `QUERY`. */
export type Indexed = {
  assets: Page<IndexedAsset>;
  assetTokenTotals: Page<IndexedTotals>;
  tokenFeeTotals: Page<IndexedFees>;
  payments: Page<unknown>;
  splits: Page<unknown>;
  claims: Page<unknown>;
  feeWithdrawals: Page<unknown>;
};

/** Every asset with its parents, every total and the number of rows of each event table. */
export const QUERY = `{
  assets(limit: 1000, orderBy: "id") {
    totalCount
    items {
      id creator owner contentHash metadataURI parentCount childCount depth
      parents(limit: 100, orderBy: "position") { totalCount items { position parentId shareBps } }
    }
  }
  assetTokenTotals(limit: 1000) {
    totalCount
    items {
      assetId token paidGross fees receivedDirect receivedFromSplits forwardedToParents
      splitGross claimed held pendingGross splitRemainder
    }
  }
  tokenFeeTotals { totalCount items { token accrued withdrawn outstanding } }
  payments { totalCount }
  splits { totalCount }
  claims { totalCount }
  feeWithdrawals { totalCount }
}`;

/** `from` calls one of the protocol's permissionless money functions and waits for success. */
export async function send(
  e: SdkEnv,
  from: Wallet,
  call:
    | { functionName: "split"; args: readonly [bigint, Address] }
    | { functionName: "claim"; args: readonly [bigint, Address, Address] }
    | { functionName: "claimMany"; args: readonly [readonly bigint[], readonly Address[], Address] }
    | { functionName: "withdrawFees"; args: readonly [Address] },
): Promise<Hash> {
  const hash = await from.writeContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    ...call,
  } as Parameters<Wallet["writeContract"]>[0]);
  await confirm(e, hash);
  return hash;
}

/**
 * Originals A, B; remixes R1 of A, R2 of A and B, and D of R1 and R2 (a diamond over A), paid in
 * ETH and dUSD, split, claimed (directly and through a claim's own split), an NFT transferred and
 * ETH fees withdrawn. Returns the asset ids [A, B, R1, R2, D]; A ends up owned by carol, R1 by
 * stranger, D by alice.
 */
export async function buildState(e: SdkEnv): Promise<bigint[]> {
  const { alice, bob, carol, payer, stranger, usd } = e;
  const ids = await buildTree(e, [
    { by: alice },
    { by: bob },
    { by: bob, parents: [{ index: 0, shareBps: 3_000 }] },
    {
      by: carol,
      parents: [
        { index: 0, shareBps: 2_000 },
        { index: 1, shareBps: 1_500 },
      ],
    },
    {
      by: alice,
      parents: [
        { index: 2, shareBps: 2_500 },
        { index: 3, shareBps: 3_500 },
      ],
    },
  ]);
  const [a, b, r1, r2, d] = ids as [bigint, bigint, bigint, bigint, bigint];
  await pay(e, payer, d, ETH, 10n ** 18n + 7n);
  await pay(e, payer, d, usd, 1_000_003n);
  await pay(e, payer, r2, ETH, 333_333n);
  await pay(e, payer, a, usd, 500_000n);
  await send(e, stranger, { functionName: "split", args: [d, ETH] });
  await send(e, stranger, { functionName: "split", args: [d, usd] });
  await send(e, stranger, { functionName: "split", args: [r1, usd] });
  // Splits R2's ETH (D's share and its own payment) to A and B first, then pays carol.
  await send(e, carol, { functionName: "claim", args: [r2, ETH, carol.account.address] });
  await send(e, alice, {
    functionName: "claimMany",
    args: [[a], [ETH, usd], alice.account.address],
  });
  await transferAsset(e, bob, stranger.account.address, r1);
  await transferAsset(e, alice, carol.account.address, a);
  await pay(e, payer, a, ETH, 12_345n);
  await pay(e, payer, b, usd, 99n);
  await send(e, stranger, { functionName: "withdrawFees", args: [ETH] });
  return ids;
}

/**
 * Mines `count` empty blocks, one call per block: blocks that hardhat_mine reserves in bulk on a
 * hardhat node are seen by Ponder as a reorg below its finalized block once a real block follows.
 */
export async function mineBlocks(e: SdkEnv, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await e.testClient.mine({ blocks: 1 });
}

/**
 * Asserts that, for every asset the contract knows and every token of `tokens` (default ETH and
 * dUSD), the indexed
 * `held`, `pendingGross` and `splitRemainder` equal `royaltyBalance` to the wei and the running
 * totals add up to `held`; and that every token's indexed `outstanding` fees equal `accruedFees`.
 * Returns the number of asset and token rows compared and the rows by `<assetId>:<token>`.
 */
export async function expectTotalsEqualViews(
  e: SdkEnv,
  indexed: Pick<Indexed, "assetTokenTotals" | "tokenFeeTotals">,
  tokens: readonly Address[] = [zeroAddress, e.usd],
): Promise<{ compared: number; totals: Map<string, IndexedTotals> }> {
  const { publicClient, deployment } = e;
  const read = { address: deployment.protocol, abi: remixProtocolAbi } as const;
  const total = await publicClient.readContract({ ...read, functionName: "totalAssets" });
  const totals = new Map(
    indexed.assetTokenTotals.items.map((row) => [`${row.assetId}:${row.token.toLowerCase()}`, row]),
  );
  let compared = 0;
  for (let id = 1n; id <= total; id++) {
    for (const token of tokens) {
      const [held, pendingGross, remainder] = await publicClient.readContract({
        ...read,
        functionName: "royaltyBalance",
        args: [id, token],
      });
      const row = totals.get(`${id}:${token.toLowerCase()}`);
      const label = `asset ${id} in ${token === zeroAddress ? "ETH" : token}`;
      expect(BigInt(row?.held ?? 0), `held by ${label}`).to.equal(held);
      expect(BigInt(row?.pendingGross ?? 0), `pending gross of ${label}`).to.equal(pendingGross);
      expect(BigInt(row?.splitRemainder ?? 0), `split remainder of ${label}`).to.equal(remainder);
      if (row) {
        // The running totals add up to the balance.
        const inflow = BigInt(row.receivedDirect) + BigInt(row.receivedFromSplits);
        const outflow = BigInt(row.forwardedToParents) + BigInt(row.claimed);
        expect(inflow - outflow, `totals of ${label}`).to.equal(held);
        expect(BigInt(row.paidGross) - BigInt(row.fees)).to.equal(BigInt(row.receivedDirect));
        compared++;
      }
    }
  }
  for (const token of tokens) {
    const [fees] = await publicClient.readContract({
      ...read,
      functionName: "accruedFees",
      args: [token],
    });
    const row = indexed.tokenFeeTotals.items.find(
      (t) => t.token.toLowerCase() === token.toLowerCase(),
    );
    expect(BigInt(row?.outstanding ?? 0), `fees in ${token}`).to.equal(fees);
  }
  return { compared, totals };
}

/**
 * Asserts one indexed row per money event of the protocol on the node's chain (payments, splits,
 * claims, fee withdrawals), and returns the decoded logs.
 */
export async function expectRowPerEvent(
  e: SdkEnv,
  indexed: Pick<Indexed, "payments" | "splits" | "claims" | "feeWithdrawals">,
) {
  const { publicClient, deployment } = e;
  const logs = parseEventLogs({
    abi: remixProtocolAbi,
    logs: await publicClient.getLogs({
      address: deployment.protocol,
      fromBlock: deployment.fromBlock,
    }),
  });
  const count = (name: string) => logs.filter((log) => log.eventName === name).length;
  expect(indexed.payments.totalCount, "payments").to.equal(count("Paid"));
  expect(indexed.splits.totalCount, "splits").to.equal(count("Split"));
  expect(indexed.claims.totalCount, "claims").to.equal(count("Claimed"));
  expect(indexed.feeWithdrawals.totalCount, "fee withdrawals").to.equal(count("FeesWithdrawn"));
  return { logs, count };
}
