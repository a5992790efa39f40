// The state the licensing indexer test builds: terms, purchases of every kind (one Multicall3
// transaction mixing them), remixes, fee changes, admin, managers and a commitment, with what the
// indexer should make of each transaction's payments.
import { expect } from "chai";
import {
  type Abi,
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hash,
  type Hex,
  keccak256,
  parseAbi,
  parseEther,
  parseEventLogs,
  toHex,
  type TransactionReceipt,
} from "viem";
import {
  buyLicence,
  buyLicences,
  commitRegistration,
  ETH,
  licensingAbi,
  pay,
  payForUse,
  prepareBuyLicence,
  prepareBuyLicences,
  preparePayForUse,
  registerRemix,
  remixProtocolAbi,
  setFee,
  setPaused,
  setRevenueManager,
  setRevenueManagerForAll,
  setTerms,
  setTokenAllowed,
  setTreasury,
  transferOwnership,
  UseKind,
} from "../../../sdk/index.js";
import { artifact, FEE_DELAY, type SdkEnv } from "../sdk/helpers/env.js";
import { confirm, transferAsset } from "../sdk/helpers/tree.js";
import * as f from "../sdk/licensing/fixtures.js";

export type Use = "direct" | "views" | "licence" | "bulkLicence" | "remixLicence";
/** What one `Paid` of a transaction paid for, in log order. */
export type Purpose = { assetId: bigint; use: Use; kind: string | null; licenceId: bigint | null };
export type FeeEvent = { kind: string; fromBps: number; toBps: number; effectiveAt: bigint };

/** What the test sent and expects the indexer to have made of it. */
export type Sent = {
  a: bigint;
  b: bigint;
  c: bigint;
  d: bigint;
  remixWithBought: bigint;
  remixWithHeld: bigint;
  heldLicence: bigint;
  /** Per transaction hash: a label and its payments' purposes, in log order. */
  payments: Map<Hash, { label: string; purposes: Purpose[] }>;
  feeEvents: FeeEvent[];
  otherToken: Address;
  commitment: { commitment: Hex; contentHash: Hex };
};

/** Addresses and hashes compare in lower case (the indexer stores them so). */
export const lower = (address: string) => address.toLowerCase();

/**
 * The names of the protocol's and the licensing contract's events in `receipt`, in log order
 * (the dUSD token's own `Transfer`s left out): the order the indexer's matching relies on.
 */
function eventOrder(e: SdkEnv, receipt: TransactionReceipt): string[] {
  return receipt.logs.flatMap((log) => {
    const abi =
      lower(log.address) === lower(e.deployment.licensing)
        ? licensingAbi
        : lower(log.address) === lower(e.deployment.protocol)
          ? remixProtocolAbi
          : undefined;
    return abi ? parseEventLogs({ abi, logs: [log] }).map((parsed) => parsed.eventName) : [];
  });
}

/**
 * One Multicall3 transaction paying into B in dUSD: a direct payment, 2 views, a Commercial
 * licence, a bulk purchase of two AI-training licences of B, another direct payment. Returns its
 * receipt and the first licence it issued.
 */
async function batchOnB(
  e: SdkEnv,
  b: bigint,
): Promise<{ receipt: TransactionReceipt; first: bigint }> {
  const multicall = e.deployment.multicall3 as Address;
  const d = { deployment: e.deployment };
  const recipient = e.carol.account.address;
  const total = 777n + 2n * 100n + 2_000_000n + 2n * 3_000_000n + 555n;
  await confirm(
    e,
    await e.payer.writeContract({
      address: e.usd,
      abi: parseAbi(["function mint(address to, uint256 amount)"]),
      functionName: "mint",
      args: [multicall, total],
    }),
  );
  const direct = (amount: bigint) => ({
    to: e.deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "pay",
      args: [b, e.usd, amount],
    }),
  });
  const calls = [
    {
      to: e.usd,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: "approve",
        args: [e.deployment.protocol, total],
      }),
    },
    direct(777n),
    await preparePayForUse(e.payer, { ...d, assetId: b, count: 2n }),
    await prepareBuyLicence(e.payer, { ...d, assetId: b, kind: UseKind.Commercial, recipient }),
    await prepareBuyLicences(e.payer, {
      ...d,
      assetIds: [b, b],
      kind: UseKind.AITraining,
      recipient,
    }),
    direct(555n),
  ];
  const first = (await f.totalLicences(e)) + 1n;
  const hash = await e.payer.writeContract({
    address: multicall,
    abi: artifact("mocks/Multicall3.sol/Multicall3.json").abi as Abi,
    functionName: "aggregate3",
    args: [calls.map(({ to, data }) => ({ target: to, allowFailure: false, callData: data }))],
  });
  await confirm(e, hash);
  return { receipt: await e.publicClient.getTransactionReceipt({ hash }), first };
}

/** Terms, purchases of every kind, remixes, fee changes, admin and managers, and a commitment. */
export async function buildState(e: SdkEnv): Promise<Sent> {
  const d = { deployment: e.deployment };
  const { alice, bob, carol, payer, stranger, admin, usd } = e;
  const payments: Sent["payments"] = new Map();
  const paid = (label: string, receipt: TransactionReceipt, ...purposes: Purpose[]) =>
    payments.set(receipt.transactionHash, { label, purposes });
  const expectOrder = (receipt: TransactionReceipt, names: string[]) =>
    expect(eventOrder(e, receipt), "event order").to.deep.equal(names);

  const a = await f.original(e, alice, "licensing A");
  const b = await f.original(e, bob, "licensing B");
  const c = await f.original(e, alice, "licensing C");
  const dd = await f.original(e, bob, "licensing D");
  const terms = (
    owner: typeof alice,
    assetId: bigint,
    kind: UseKind,
    published: Parameters<typeof setTerms>[1]["terms"],
  ) => setTerms(owner, { ...d, assetId, kind, terms: published });
  await terms(alice, a, UseKind.View, { allowed: true, currency: ETH, price: 1_000n });
  await terms(alice, a, UseKind.Commercial, {
    allowed: true,
    currency: ETH,
    price: parseEther("0.01"),
    duration: 1_000n,
    documentHash: keccak256(toHex("commercial terms 1")),
    documentUri: "ipfs://commercial-1",
  });
  const update = await terms(alice, a, UseKind.Commercial, {
    allowed: true,
    currency: ETH,
    price: parseEther("0.02"),
    duration: 2_000n,
    documentHash: keccak256(toHex("commercial terms 2")),
    documentUri: "ipfs://commercial-2",
  });
  expect(update.version).to.equal(2);
  await terms(alice, a, UseKind.Remix, {
    allowed: true,
    currency: ETH,
    price: parseEther("0.002"),
    minShareBps: 1_000,
  });
  await terms(alice, a, UseKind.AITraining, {
    allowed: true,
    currency: ETH,
    price: parseEther("0.005"),
  });
  await terms(bob, b, UseKind.View, { allowed: true, currency: usd, price: 100n });
  await terms(bob, b, UseKind.Commercial, { allowed: true, currency: usd, price: 2_000_000n });
  await terms(bob, b, UseKind.Remix, {
    allowed: true,
    currency: usd,
    price: 1_000_000n,
    minShareBps: 500,
  });
  await terms(bob, b, UseKind.AITraining, { allowed: true, currency: usd, price: 3_000_000n });
  await terms(alice, c, UseKind.AITraining, { allowed: false });
  await terms(alice, c, UseKind.Commercial, { allowed: true });
  await terms(bob, dd, UseKind.AITraining, { allowed: true });
  await f.fundUsd(e, carol, 100_000_000n);

  const commercial = await buyLicence(carol, { ...d, assetId: a, kind: UseKind.Commercial });
  expectOrder(commercial.receipt, ["Transfer", "Locked", "LicenceIssued", "Paid"]);
  paid("buyLicence", commercial.receipt, {
    assetId: a,
    use: "licence",
    kind: "Commercial",
    licenceId: commercial.licenceId,
  });
  const free = await buyLicence(payer, { ...d, assetId: c, kind: UseKind.Commercial });
  paid("free buyLicence", free.receipt);

  const views = await payForUse(payer, { ...d, assetId: a, count: 5n });
  expectOrder(views.receipt, ["Paid", "UsesPaid"]);
  paid("payForUse", views.receipt, { assetId: a, use: "views", kind: "View", licenceId: null });

  const bulk = await buyLicences(carol, { ...d, assetIds: [a, b, dd], kind: UseKind.AITraining });
  expectOrder(bulk.receipt, [
    ...["Transfer", "Locked", "LicenceIssued"],
    ...["Transfer", "Locked", "LicenceIssued"],
    ...["Transfer", "Locked", "LicenceIssued"],
    "BulkLicensed",
    "Paid",
    "Paid",
  ]);
  const [bulkA, bulkB] = bulk.licenceIds;
  paid(
    "buyLicences",
    bulk.receipt,
    { assetId: a, use: "bulkLicence", kind: "AITraining", licenceId: bulkA as bigint },
    { assetId: b, use: "bulkLicence", kind: "AITraining", licenceId: bulkB as bigint },
  );

  const bought = await registerRemix(carol, {
    ...d,
    contentHash: keccak256(toHex("licensing remix 1")),
    metadataUri: "ipfs://remix-1",
    parents: [
      { assetId: a, shareBps: 1_500 },
      { assetId: b, shareBps: 1_000 },
    ],
  });
  expect(bought.licenceIds).to.deep.equal([0n, 0n]);
  expectOrder(bought.receipt, [
    "Paid",
    "Paid",
    "Transfer",
    "AssetRegistered",
    "ParentLinked",
    "ParentLinked",
    "RemixLicensed",
    "RemixLicensed",
  ]);
  paid(
    "registerRemix buying both licences",
    bought.receipt,
    { assetId: a, use: "remixLicence", kind: "Remix", licenceId: null },
    { assetId: b, use: "remixLicence", kind: "Remix", licenceId: null },
  );

  const held = await buyLicence(carol, { ...d, assetId: b, kind: UseKind.Remix });
  paid("buyLicence Remix", held.receipt, {
    assetId: b,
    use: "licence",
    kind: "Remix",
    licenceId: held.licenceId,
  });
  const consumed = await registerRemix(carol, {
    ...d,
    contentHash: keccak256(toHex("licensing remix 2")),
    metadataUri: "ipfs://remix-2",
    parents: [{ assetId: b, shareBps: 2_000 }],
  });
  expect(consumed.licenceIds).to.deep.equal([held.licenceId]);
  expectOrder(consumed.receipt, ["Transfer", "AssetRegistered", "ParentLinked", "LicenceConsumed"]);
  paid("registerRemix with a held licence", consumed.receipt);

  const batch = await batchOnB(e, b);
  paid(
    "Multicall3 batch",
    batch.receipt,
    { assetId: b, use: "direct", kind: null, licenceId: null },
    { assetId: b, use: "views", kind: "View", licenceId: null },
    { assetId: b, use: "licence", kind: "Commercial", licenceId: batch.first },
    { assetId: b, use: "bulkLicence", kind: "AITraining", licenceId: batch.first + 1n },
    { assetId: b, use: "bulkLicence", kind: "AITraining", licenceId: batch.first + 2n },
    { assetId: b, use: "direct", kind: null, licenceId: null },
  );
  const direct = await pay(payer, { ...d, assetId: a, token: ETH, amount: 12_345n });
  paid("pay", direct.receipt, { assetId: a, use: "direct", kind: null, licenceId: null });

  // The fee: the constructor's, a change applied by the first payment after the notice, then a
  // change replaced, one cancelled (announcing the fee in force), and one left pending.
  const deployed = await e.publicClient.getBlock({ blockNumber: e.deployment.fromBlock });
  const feeEvents: FeeEvent[] = [
    { kind: "applied", fromBps: 0, toBps: 1_000, effectiveAt: deployed.timestamp },
  ];
  const raise = await setFee(admin, { ...d, feeBps: 1_500 });
  feeEvents.push({
    kind: "scheduled",
    fromBps: 1_000,
    toBps: 1_500,
    effectiveAt: raise.effectiveAt,
  });
  await f.travel(e, FEE_DELAY);
  const applying = await payForUse(payer, { ...d, assetId: a, count: 1n });
  expectOrder(applying.receipt, ["FeeUpdated", "Paid", "UsesPaid"]);
  paid("payForUse applying the fee", applying.receipt, {
    assetId: a,
    use: "views",
    kind: "View",
    licenceId: null,
  });
  feeEvents.push({ kind: "applied", fromBps: 1_000, toBps: 1_500, effectiveAt: raise.effectiveAt });
  for (const [kind, feeBps] of [
    ["scheduled", 800],
    ["cancelled", 1_500],
    ["scheduled", 500],
  ] as const) {
    const { effectiveAt } = await setFee(admin, { ...d, feeBps });
    feeEvents.push({ kind, fromBps: 1_500, toBps: feeBps, effectiveAt });
  }

  await setTreasury(admin, { ...d, treasury: carol.account.address });
  await setPaused(admin, { ...d, paused: true });
  await setPaused(admin, { ...d, paused: false });
  const { abi, bytecode } = artifact("mocks/MockERC20.sol/MockERC20.json");
  const deployHash = await admin.deployContract({ abi, bytecode, args: ["Other", "OTH", 18] });
  const otherToken = (await e.publicClient.waitForTransactionReceipt({ hash: deployHash }))
    .contractAddress as Address;
  await setTokenAllowed(admin, { ...d, token: otherToken, allowed: true });
  await setTokenAllowed(admin, { ...d, token: otherToken, allowed: false });
  await transferOwnership(admin, { ...d, newOwner: stranger.account.address });

  await setRevenueManager(alice, { ...d, assetId: a, manager: stranger.account.address });
  await setRevenueManager(alice, { ...d, assetId: c, manager: carol.account.address });
  // A transfer clears the asset's manager.
  await transferAsset(e, alice, payer.account.address, c);
  await setRevenueManagerForAll(bob, { ...d, manager: stranger.account.address, approved: true });
  await setRevenueManagerForAll(bob, { ...d, manager: carol.account.address, approved: true });
  await setRevenueManagerForAll(bob, { ...d, manager: carol.account.address, approved: false });
  // As bob's manager for all of his assets.
  await terms(stranger, dd, UseKind.AIInference, { allowed: true, currency: usd, price: 42n });

  const commitment = await commitRegistration(alice, {
    ...d,
    contentHash: keccak256(toHex("licensing secret work")),
  });
  return {
    a,
    b,
    c,
    d: dd,
    remixWithBought: bought.assetId,
    remixWithHeld: consumed.assetId,
    heldLicence: held.licenceId,
    payments,
    feeEvents,
    otherToken,
    commitment,
  };
}
