// What the licensing indexer test reads from the indexer, and its checks of every row against the
// contracts' views and logs.
import { expect } from "chai";
import {
  type Address,
  encodeAbiParameters,
  type Hash,
  type Hex,
  keccak256,
  parseEther,
  parseEventLogs,
  zeroAddress,
} from "viem";
import { licensingAbi, remixProtocolAbi } from "../../../sdk/index.js";
import type { SdkEnv } from "../sdk/helpers/env.js";
import * as f from "../sdk/licensing/fixtures.js";
import { lower, type Sent, type Use } from "./licensingState.js";
import type { RunningIndexer } from "./run.js";

/** `UseKind` names, as the indexer stores them, by their on-chain number. */
const KIND_NAMES = ["View", "Commercial", "Remix", "AITraining", "AIInference"] as const;
/** `expiresAt` of a perpetual licence (`type(uint40).max`). */
const PERPETUAL = 2n ** 40n - 1n;

type Page<T> = { totalCount: number; items: T[] };
type Terms = {
  assetId: string;
  kind: string;
  version: number;
  allowed: boolean;
  currency: Address;
  price: string;
  duration: string;
  minShareBps: number;
  documentHash: Hex;
  documentURI: string;
};
type IndexedLicence = {
  id: string;
  assetId: string;
  holder: Address;
  kind: string;
  termsVersion: number;
  expiresAt: string | null;
  currency: Address;
  price: string;
  minShareBps: number;
  paymentId: string | null;
  bulkPurchaseId: string | null;
  consumedBy: string | null;
  issuedAt: string;
  payment: { licenceId: string | null; amount: string; use: Use } | null;
};
type IndexedPayment = {
  id: string;
  assetId: string;
  amount: string;
  use: Use;
  kind: string | null;
  licenceId: string | null;
  transactionHash: Hash;
};
export type Indexed = {
  termsVersions: Page<Terms>;
  currentTerms: Page<Terms>;
  licences: Page<IndexedLicence>;
  remixLicences: Page<{
    remixId: string;
    parentId: string;
    termsVersion: number;
    currency: Address;
    price: string;
    paymentId: string | null;
    transactionHash: Hash;
  }>;
  viewPayments: Page<{
    assetId: string;
    payer: Address;
    termsVersion: number;
    count: string;
    currency: Address;
    total: string;
    paymentId: string | null;
    transactionHash: Hash;
  }>;
  bulkPurchases: Page<{
    id: string;
    buyer: Address;
    recipient: Address;
    kind: string;
    firstLicenceId: string;
    count: string;
    currencies: Address[];
    totals: string[];
    transactionHash: Hash;
  }>;
  payments: Page<IndexedPayment>;
  protocolConfigs: Page<{
    id: Address;
    feeBps: number;
    pendingFeeBps: number | null;
    pendingFeeEffectiveAt: string | null;
    treasury: Address;
    paused: boolean;
    pauseUpdatedBy: Address | null;
    owner: Address;
    pendingOwner: Address | null;
  }>;
  feeChanges: Page<{ kind: string; fromBps: number; toBps: number; effectiveAt: string }>;
  paymentTokens: Page<{ token: Address; allowed: boolean }>;
  revenueManagers: Page<{ assetId: string; owner: Address; manager: Address }>;
  ownerRevenueManagers: Page<{ owner: Address; manager: Address }>;
  registrationCommitments: Page<{
    committer: Address;
    commitment: Hex;
    contentKey: Hex | null;
    expiresAt: string;
    blockNumber: string;
  }>;
};

const TERMS =
  "assetId kind version allowed currency price duration minShareBps documentHash documentURI";
export const QUERY = `{
  termsVersions(limit: 1000) { totalCount items { ${TERMS} } }
  currentTerms(limit: 1000) { totalCount items { ${TERMS} } }
  licences(limit: 1000, orderBy: "id") {
    totalCount
    items {
      id assetId holder kind termsVersion expiresAt currency price minShareBps paymentId
      bulkPurchaseId consumedBy issuedAt payment { licenceId amount use }
    }
  }
  remixLicences(limit: 1000) {
    totalCount items { remixId parentId termsVersion currency price paymentId transactionHash }
  }
  viewPayments(limit: 1000) {
    totalCount items { assetId payer termsVersion count currency total paymentId transactionHash }
  }
  bulkPurchases(limit: 1000) {
    totalCount
    items { id buyer recipient kind firstLicenceId count currencies totals transactionHash }
  }
  payments(limit: 1000, orderBy: "id") {
    totalCount items { id assetId amount use kind licenceId transactionHash }
  }
  protocolConfigs {
    totalCount
    items { id feeBps pendingFeeBps pendingFeeEffectiveAt treasury paused pauseUpdatedBy owner pendingOwner }
  }
  feeChanges(limit: 1000, orderBy: "id") { totalCount items { kind fromBps toBps effectiveAt } }
  paymentTokens(limit: 1000) { totalCount items { token allowed } }
  revenueManagers(limit: 1000) { totalCount items { assetId owner manager } }
  ownerRevenueManagers(limit: 1000) { totalCount items { owner manager } }
  registrationCommitments(limit: 1000) {
    totalCount items { committer commitment contentKey expiresAt blockNumber }
  }
}`;

/** Every event of both contracts since the deployment, decoded. */
export async function chainLogs(e: SdkEnv) {
  const { publicClient, deployment } = e;
  const fromBlock = deployment.fromBlock;
  const licensing = await publicClient.getLogs({ address: deployment.licensing, fromBlock });
  const protocol = await publicClient.getLogs({ address: deployment.protocol, fromBlock });
  return {
    termsPublished: parseEventLogs({
      abi: licensingAbi,
      eventName: "TermsPublished",
      logs: licensing,
    }),
    licenceIssued: parseEventLogs({
      abi: licensingAbi,
      eventName: "LicenceIssued",
      logs: licensing,
    }),
    remixLicensed: parseEventLogs({
      abi: licensingAbi,
      eventName: "RemixLicensed",
      logs: licensing,
    }),
    usesPaid: parseEventLogs({ abi: licensingAbi, eventName: "UsesPaid", logs: licensing }),
    bulkLicensed: parseEventLogs({ abi: licensingAbi, eventName: "BulkLicensed", logs: licensing }),
    paid: parseEventLogs({ abi: remixProtocolAbi, eventName: "Paid", logs: protocol }),
    fee: parseEventLogs({
      abi: remixProtocolAbi,
      eventName: ["FeeChangeScheduled", "FeeUpdated"],
      logs: protocol,
    }),
    allowlist: parseEventLogs({
      abi: remixProtocolAbi,
      eventName: "TokenAllowlistUpdated",
      logs: protocol,
    }),
    managersForAll: parseEventLogs({
      abi: remixProtocolAbi,
      eventName: "RevenueManagerForAllSet",
      logs: protocol,
    }),
    commitments: parseEventLogs({
      abi: remixProtocolAbi,
      eventName: "RegistrationCommitted",
      logs: protocol,
    }),
  };
}
type Logs = Awaited<ReturnType<typeof chainLogs>>;

/** Terms as `getTerms` returns them, in the indexer's units. */
function termsFields(terms: {
  allowed: boolean;
  currency: Address;
  price: bigint;
  duration: number;
  minShareBps: number;
  documentHash: Hex;
  documentURI: string;
}) {
  return {
    allowed: terms.allowed,
    currency: lower(terms.currency),
    price: terms.price,
    duration: BigInt(terms.duration),
    minShareBps: terms.minShareBps,
    documentHash: terms.documentHash,
    documentURI: terms.documentURI,
  };
}

function indexedTermsFields(row: Terms) {
  return termsFields({ ...row, price: BigInt(row.price), duration: Number(row.duration) });
}

export async function checkTerms(e: SdkEnv, indexed: Indexed, logs: Logs): Promise<void> {
  const read = { address: e.deployment.licensing, abi: licensingAbi } as const;
  expect(indexed.termsVersions.totalCount).to.equal(logs.termsPublished.length);
  for (const row of indexed.termsVersions.items) {
    const kind = KIND_NAMES.indexOf(row.kind as (typeof KIND_NAMES)[number]);
    const terms = await e.publicClient.readContract({
      ...read,
      functionName: "getTerms",
      args: [BigInt(row.assetId), kind, row.version],
    });
    const label = `terms ${row.version} of asset ${row.assetId} for ${row.kind}`;
    expect(indexedTermsFields(row), label).to.deep.equal(termsFields(terms));
  }
  const pairs = new Set(logs.termsPublished.map(({ args }) => `${args.assetId}:${args.kind}`));
  expect(indexed.currentTerms.totalCount).to.equal(pairs.size);
  for (const row of indexed.currentTerms.items) {
    const kind = KIND_NAMES.indexOf(row.kind as (typeof KIND_NAMES)[number]);
    const latest = await e.publicClient.readContract({
      ...read,
      functionName: "latestTermsVersion",
      args: [BigInt(row.assetId), kind],
    });
    const terms = await e.publicClient.readContract({
      ...read,
      functionName: "getTerms",
      args: [BigInt(row.assetId), kind, latest],
    });
    const label = `current ${row.kind} terms of asset ${row.assetId}`;
    expect(row.version, label).to.equal(latest);
    expect(indexedTermsFields(row), label).to.deep.equal(termsFields(terms));
  }
  // The update and the refusal, as published.
  const current = (kind: string, price: string) =>
    indexed.currentTerms.items.filter((row) => row.kind === kind && row.price === price);
  expect(current("Commercial", parseEther("0.02").toString())[0]?.version).to.equal(2);
  expect(
    indexed.currentTerms.items.some((row) => row.kind === "AITraining" && !row.allowed),
  ).to.equal(true);
}

export async function checkLicences(
  e: SdkEnv,
  sent: Sent,
  indexed: Indexed,
  logs: Logs,
): Promise<void> {
  const read = { address: e.deployment.licensing, abi: licensingAbi } as const;
  const total = await f.totalLicences(e);
  expect(indexed.licences.totalCount).to.equal(Number(total));
  expect(logs.licenceIssued.length).to.equal(Number(total));
  const byId = new Map(indexed.licences.items.map((row) => [BigInt(row.id), row]));
  for (const { args } of logs.licenceIssued) {
    const row = byId.get(args.licenceId);
    const label = `licence ${args.licenceId}`;
    expect(row, label).to.not.equal(undefined);
    const view = await e.publicClient.readContract({
      ...read,
      functionName: "getLicence",
      args: [args.licenceId],
    });
    const holder = await e.publicClient.readContract({
      ...read,
      functionName: "ownerOf",
      args: [args.licenceId],
    });
    expect(
      {
        holder: lower(row!.holder),
        assetId: BigInt(row!.assetId),
        kind: row!.kind,
        termsVersion: row!.termsVersion,
        expiresAt: row!.expiresAt === null ? PERPETUAL : BigInt(row!.expiresAt),
        issuedAt: BigInt(row!.issuedAt),
        consumedBy: BigInt(row!.consumedBy ?? 0),
        minShareBps: row!.minShareBps,
        currency: lower(row!.currency),
        price: BigInt(row!.price),
      },
      label,
    ).to.deep.equal({
      holder: lower(holder),
      assetId: BigInt(view.assetId),
      kind: KIND_NAMES[view.kind],
      termsVersion: view.termsVersion,
      expiresAt: BigInt(view.expiresAt),
      issuedAt: BigInt(view.issuedAt),
      consumedBy: view.consumedBy,
      minShareBps: view.minShareBps,
      currency: lower(args.currency),
      price: args.price,
    });
    expect(lower(view.holder), label).to.equal(lower(holder));
    // A priced licence names its payment, which names it back; a free one has none.
    if (args.price > 0n) {
      expect(row!.payment, `payment of ${label}`).to.deep.include({
        licenceId: String(args.licenceId),
        amount: String(args.price),
      });
    } else {
      expect(row!.paymentId, `payment of ${label}`).to.equal(null);
    }
  }
  const held = byId.get(sent.heldLicence);
  expect(held?.consumedBy).to.equal(String(sent.remixWithHeld));
  expect(held?.expiresAt).to.equal(null);
  expect(indexed.licences.items.filter((row) => row.consumedBy !== null)).to.have.length(1);
  expect(
    indexed.licences.items.some((row) => row.expiresAt !== null && row.termsVersion === 2),
  ).to.equal(true);
}

/** Remix licences, paid views and bulk purchases: one row per event, as logged. */
export function checkPurchases(sent: Sent, indexed: Indexed, logs: Logs): void {
  const key = (...parts: unknown[]) => parts.map(String).join("|").toLowerCase();
  expect(
    indexed.remixLicences.items
      .map((row) =>
        key(
          row.remixId,
          row.parentId,
          row.termsVersion,
          row.currency,
          row.price,
          row.transactionHash,
        ),
      )
      .sort(),
  ).to.deep.equal(
    logs.remixLicensed
      .map(({ args, transactionHash }) =>
        key(
          args.remixId,
          args.parentId,
          args.termsVersion,
          args.currency,
          args.price,
          transactionHash,
        ),
      )
      .sort(),
  );
  expect(
    indexed.remixLicences.items.filter((row) => row.remixId === String(sent.remixWithBought)),
  ).to.have.length(2);
  expect(
    indexed.viewPayments.items
      .map((row) =>
        key(
          row.assetId,
          row.payer,
          row.termsVersion,
          row.count,
          row.currency,
          row.total,
          row.transactionHash,
        ),
      )
      .sort(),
  ).to.deep.equal(
    logs.usesPaid
      .map(({ args, transactionHash }) =>
        key(
          args.assetId,
          args.payer,
          args.termsVersion,
          args.count,
          args.currency,
          args.total,
          transactionHash,
        ),
      )
      .sort(),
  );
  expect(
    indexed.bulkPurchases.items
      .map((row) =>
        key(
          row.buyer,
          row.recipient,
          row.kind,
          row.firstLicenceId,
          row.count,
          row.currencies,
          row.totals,
          row.transactionHash,
        ),
      )
      .sort(),
  ).to.deep.equal(
    logs.bulkLicensed
      .map(({ args, transactionHash }) =>
        key(
          args.buyer,
          args.recipient,
          KIND_NAMES[args.kind],
          args.firstLicenceId,
          args.count,
          args.currencies,
          args.totals,
          transactionHash,
        ),
      )
      .sort(),
  );
  // Each bulk purchase's licences, and only those, name it.
  for (const bulk of indexed.bulkPurchases.items) {
    const first = BigInt(bulk.firstLicenceId);
    const ids = indexed.licences.items
      .filter((row) => row.bulkPurchaseId === bulk.id)
      .map((row) => BigInt(row.id));
    expect(ids, `licences of bulk purchase ${bulk.id}`).to.deep.equal(
      Array.from({ length: Number(bulk.count) }, (_, i) => first + BigInt(i)),
    );
  }
  const inBulk = indexed.bulkPurchases.items.reduce((sum, bulk) => sum + Number(bulk.count), 0);
  expect(indexed.licences.items.filter((row) => row.bulkPurchaseId !== null)).to.have.length(
    inBulk,
  );
  expect(inBulk).to.equal(5);
}

/** Every payment's purpose: as expected in each transaction sent, else direct. */
export function checkPayments(sent: Sent, indexed: Indexed, logs: Logs): void {
  expect(indexed.payments.totalCount).to.equal(logs.paid.length);
  const byTx = new Map<string, IndexedPayment[]>();
  for (const row of indexed.payments.items) {
    const hash = lower(row.transactionHash);
    byTx.set(hash, [...(byTx.get(hash) ?? []), row]);
  }
  for (const [hash, { label, purposes }] of sent.payments) {
    const rows = (byTx.get(lower(hash)) ?? []).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(
      rows.map((row) => ({
        assetId: BigInt(row.assetId),
        use: row.use,
        kind: row.kind,
        licenceId: row.licenceId === null ? null : BigInt(row.licenceId),
      })),
      `payments of ${label}`,
    ).to.deep.equal(purposes);
    byTx.delete(lower(hash));
  }
  for (const row of [...byTx.values()].flat()) {
    expect(row, `payment ${row.id}`).to.deep.include({
      use: "direct",
      kind: null,
      licenceId: null,
    });
  }
  // Views and bought remix licences point at the payments that claimed them.
  const ids = new Map(indexed.payments.items.map((row) => [row.id, row]));
  for (const row of [...indexed.viewPayments.items, ...indexed.remixLicences.items]) {
    const amount = "total" in row ? row.total : row.price;
    if (amount === "0") expect(row.paymentId).to.equal(null);
    else expect(ids.get(row.paymentId ?? "")?.amount).to.equal(amount);
  }
}

export async function checkProtocol(
  e: SdkEnv,
  sent: Sent,
  indexed: Indexed,
  logs: Logs,
): Promise<void> {
  const { publicClient, deployment } = e;
  const read = { address: deployment.protocol, abi: remixProtocolAbi } as const;
  expect(indexed.protocolConfigs.totalCount).to.equal(1);
  const config = indexed.protocolConfigs.items[0]!;
  const [pendingFeeBps, pendingEffectiveAt] = await publicClient.readContract({
    ...read,
    functionName: "pendingFee",
  });
  expect({
    id: lower(config.id),
    feeBps: config.feeBps,
    pendingFeeBps: config.pendingFeeBps ?? 0,
    pendingFeeEffectiveAt: BigInt(config.pendingFeeEffectiveAt ?? 0),
    treasury: lower(config.treasury),
    paused: config.paused,
    owner: lower(config.owner),
    pendingOwner: lower(config.pendingOwner ?? zeroAddress),
  }).to.deep.equal({
    id: lower(deployment.protocol),
    feeBps: await publicClient.readContract({ ...read, functionName: "feeBps" }),
    pendingFeeBps,
    pendingFeeEffectiveAt: BigInt(pendingEffectiveAt),
    treasury: lower(await publicClient.readContract({ ...read, functionName: "treasury" })),
    paused: await publicClient.readContract({ ...read, functionName: "paused" }),
    owner: lower(await publicClient.readContract({ ...read, functionName: "owner" })),
    pendingOwner: lower(await publicClient.readContract({ ...read, functionName: "pendingOwner" })),
  });
  expect(config).to.deep.include({ feeBps: 1_500, pendingFeeBps: 500, paused: false });
  expect(lower(config.pauseUpdatedBy ?? "")).to.equal(lower(e.admin.account.address));
  expect(lower(config.pendingOwner ?? "")).to.equal(lower(e.stranger.account.address));

  expect(indexed.feeChanges.totalCount).to.equal(logs.fee.length);
  expect(
    indexed.feeChanges.items.map((row) => ({ ...row, effectiveAt: BigInt(row.effectiveAt) })),
  ).to.deep.equal(sent.feeEvents);

  const tokens = new Set(logs.allowlist.map(({ args }) => lower(args.token)));
  expect(new Set(indexed.paymentTokens.items.map((row) => lower(row.token)))).to.deep.equal(tokens);
  for (const row of indexed.paymentTokens.items) {
    const allowed = await publicClient.readContract({
      ...read,
      functionName: "isTokenAllowed",
      args: [row.token],
    });
    expect(row.allowed, `allowlist of ${row.token}`).to.equal(allowed);
  }
  const allowed = (token: Address) =>
    indexed.paymentTokens.items.find((row) => lower(row.token) === lower(token))?.allowed;
  expect([allowed(e.usd), allowed(sent.otherToken)]).to.deep.equal([true, false]);

  const totalAssets = await publicClient.readContract({ ...read, functionName: "totalAssets" });
  const managers = new Map(indexed.revenueManagers.items.map((row) => [BigInt(row.assetId), row]));
  for (let id = 1n; id <= totalAssets; id++) {
    const manager = await publicClient.readContract({
      ...read,
      functionName: "revenueManagerOf",
      args: [id],
    });
    const row = managers.get(id);
    expect(lower(row?.manager ?? zeroAddress), `manager of asset ${id}`).to.equal(lower(manager));
    if (row) {
      const owner = await publicClient.readContract({
        ...read,
        functionName: "ownerOf",
        args: [id],
      });
      expect(lower(row.owner), `owner naming the manager of ${id}`).to.equal(lower(owner));
    }
  }
  expect([...managers.keys()]).to.deep.equal([sent.a]);

  const pairs = new Set(
    logs.managersForAll.map(({ args }) => `${lower(args.owner)}|${lower(args.manager)}`),
  );
  const rows = new Set(
    indexed.ownerRevenueManagers.items.map((row) => `${lower(row.owner)}|${lower(row.manager)}`),
  );
  for (const pair of pairs) {
    const [owner, manager] = pair.split("|") as [Address, Address];
    const approved = await publicClient.readContract({
      ...read,
      functionName: "isRevenueManagerForAll",
      args: [owner, manager],
    });
    expect(rows.has(pair), `manager ${manager} for all of ${owner}`).to.equal(approved);
  }
  expect([...rows]).to.deep.equal([
    `${lower(e.bob.account.address)}|${lower(e.stranger.account.address)}`,
  ]);

  expect(indexed.registrationCommitments.totalCount).to.equal(logs.commitments.length);
  for (const row of indexed.registrationCommitments.items) {
    const [committedAt, expiresAt] = await publicClient.readContract({
      ...read,
      functionName: "commitmentOf",
      args: [row.committer, row.commitment],
    });
    expect([BigInt(row.blockNumber), BigInt(row.expiresAt)]).to.deep.equal([
      committedAt,
      expiresAt,
    ]);
  }
  const ours = indexed.registrationCommitments.items.find(
    (row) => row.commitment === sent.commitment.commitment,
  );
  expect(ours?.contentKey).to.equal(
    keccak256(encodeAbiParameters([{ type: "bytes32" }], [sent.commitment.contentHash])),
  );
  expect(lower(ours?.committer ?? "")).to.equal(lower(e.alice.account.address));
}

/** The new relations resolve over GraphQL. */
export async function checkRelations(
  e: SdkEnv,
  sent: Sent,
  indexer: RunningIndexer,
): Promise<void> {
  const { asset } = await indexer.query<{
    asset: {
      terms: { totalCount: number };
      licences: { items: { id: string; bulkPurchase: { id: string } | null }[] };
      remixLicencesSold: { items: { remixId: string; payment: { use: Use } | null }[] };
      viewPayments: { totalCount: number };
      revenueManager: { manager: Address } | null;
    };
  }>(`{
    asset(id: "${sent.a}") {
      terms { totalCount }
      licences(orderBy: "id") { items { id bulkPurchase { id } } }
      remixLicencesSold { items { remixId payment { use } } }
      viewPayments { totalCount }
      revenueManager { manager }
    }
  }`);
  expect(asset.terms.totalCount).to.equal(4);
  // Commercial (bought twice, once live) and AI training in the bulk purchase.
  expect(asset.licences.items.map((row) => row.bulkPurchase !== null)).to.deep.equal([
    false,
    true,
    false,
  ]);
  expect(asset.remixLicencesSold.items).to.deep.equal([
    { remixId: String(sent.remixWithBought), payment: { use: "remixLicence" } },
  ]);
  expect(asset.viewPayments.totalCount).to.equal(2);
  expect(lower(asset.revenueManager?.manager ?? "")).to.equal(lower(e.stranger.account.address));
}
