// The protocol's story on the built-in Hardhat network, driven through the SDK as a dapp would:
// deploy with Ignition, register an original and its remixes, pay for views in ETH and in a
// 6-decimal stablecoin, watch the money climb the tree, run a viral template of 10,000 remixes,
// claim everything, license a 100-asset dataset in one transaction, then audit the books.
// Every figure printed is read back from the chain.
import { network } from "hardhat";
import { type Address, keccak256, toHex } from "viem";
import {
  approveToken,
  auditProtocol,
  buyLicences,
  claimAll,
  ETH,
  formatLineageTree,
  getBalances,
  getLineage,
  getProtocolConfig,
  hasValidLicence,
  payForUse,
  payMany,
  prepareRegisterRemix,
  previewClaimAll,
  quoteLicences,
  registerOriginal,
  registerRemix,
  setTerms,
  splitMany,
  UseKind,
  withdrawFees,
} from "../sdk/index.js";
import { type AccountClient, hardhatClients } from "./lib/hardhatClients.js";
import { formatAmount } from "./lib/format.js";
import { deployLocalDevelopment, mintTestUsd } from "./lib/localDevelopment.js";
import { progressBar } from "./lib/progress.js";
import { reconciliationTable } from "./lib/reconciliationTable.js";

const TEMPLATE_REMIXES = 10_000;
const DATASET_SIZE = 100;
const started = Date.now();

const connection = await network.create();
const { publicClient, wallets } = await hardhatClients(connection);
const [treasury, alice, bob, carol, viewer, aiCompany, ...rest] = wallets as [
  AccountClient,
  ...AccountClient[],
];
const creators = rest.slice(0, 10);
if (!alice || !bob || !carol || !viewer || !aiCompany || creators.length < 10) {
  throw new Error("the demo needs the Hardhat network's 20 default accounts");
}

// Deploy: the protocol, a 6-decimal stablecoin (allowlisted) and Multicall3 for batched reads.
const { deployment, usd } = await deployLocalDevelopment(
  connection,
  publicClient,
  treasury.account.address,
);
const at = { deployment };
const symbol = (token: Address) => (token === ETH ? "ETH" : "dUSD");
const money = (amount: bigint, token: Address) =>
  `${formatAmount(amount, token === ETH ? 18 : 6)} ${symbol(token)}`;
const ONE_ETH = 10n ** 18n;
const ONE_USD = 1_000_000n;

const config = await getProtocolConfig(publicClient, at);
console.log(`Remix royalties on the built-in Hardhat network (chain ${deployment.chainId})`);
console.log(`  protocol ${deployment.protocol}, licensing ${deployment.licensing}`);
console.log(`  platform fee ${config.feeBps / 100}% (capped at ${config.maxFeeBps / 100}%)\n`);

/** Views of `assets` in `tokens`: collectable and in-transit, plus the platform's fees. */
async function earnings(assets: readonly bigint[], token: Address): Promise<bigint[]> {
  const [balances, protocol] = await Promise.all([
    getBalances(publicClient, { ...at, assetIds: assets, tokens: [token] }),
    getProtocolConfig(publicClient, { ...at, tokens: [token] }),
  ]);
  return [...balances.map(({ held }) => held), protocol.tokens[0]?.accruedFees ?? 0n];
}
/** Runs `action`, then prints what each of `labels` (assets, then the platform) earned. */
async function showEarnings(
  assets: readonly bigint[],
  labels: readonly string[],
  token: Address,
  action: () => Promise<unknown>,
): Promise<void> {
  const before = await earnings(assets, token);
  await action();
  const after = await earnings(assets, token);
  const parts = labels.map(
    (label, i) => `${label} ${money((after[i] ?? 0n) - (before[i] ?? 0n), token)}`,
  );
  console.log(`    ${parts.join(", ")}`);
}
const freeRemixTerms = (minShareBps: number) =>
  ({ allowed: true, minShareBps, documentUri: "ipfs://remix-terms" }) as const;
const viewTerms = (currency: Address, price: bigint) =>
  ({ allowed: true, currency, price, documentUri: "ipfs://view-terms" }) as const;

// 1. The original.
console.log("1. Creator A registers an original and licenses it for remixes");
const content = new TextEncoder().encode("Smartwatch Product Demo: 30 s, 1080p, voice-over EN");
const a = await registerOriginal(alice, {
  ...at,
  content,
  metadataUri: "ipfs://smartwatch-product-demo",
});
await setTerms(alice, {
  ...at,
  assetId: a.assetId,
  kind: UseKind.Remix,
  terms: freeRemixTerms(1_000),
});
console.log(
  `    #${a.assetId} "Smartwatch Product Demo" (30 s), content SHA-256 ${a.contentHash.slice(0, 18)}…`,
);
console.log("    remix terms: free licence, the remix gives A at least 10% of its revenue\n");

// 2. A localized remix, buying A's remix licence in the same transaction.
console.log("2. Creator B registers a localized remix (Spanish voice-over, new music)");
const b = await registerRemix(bob, {
  ...at,
  content: new TextEncoder().encode("Smartwatch Product Demo, ES voice-over, new score"),
  metadataUri: "ipfs://smartwatch-demo-es",
  parents: [{ assetId: a.assetId, shareBps: 3_000 }],
});
console.log(
  `    #${b.assetId} remixes #${a.assetId} giving it 30%; A's remix licence (terms v${b.purchases[0]?.termsVersion}) bought in the same transaction\n`,
);

// 3. Paid views of B, in ETH then in dUSD.
console.log("3. Viewers pay 1.00 per view of B; each view splits up the tree");
await mintTestUsd(viewer, publicClient, usd, 20_000n * ONE_USD);
await approveToken(viewer, { ...at, token: usd, amount: 20_000n * ONE_USD });
await setTerms(bob, {
  ...at,
  assetId: b.assetId,
  kind: UseKind.View,
  terms: viewTerms(ETH, ONE_ETH),
});
console.log("  one view paid in ETH:");
await showEarnings([b.assetId, a.assetId], ["B", "A", "platform"], ETH, async () => {
  await payForUse(viewer, { ...at, assetId: b.assetId, count: 1n });
  await splitMany(viewer, { ...at, assetIds: [b.assetId], tokens: [ETH] });
});
const v2 = await setTerms(bob, {
  ...at,
  assetId: b.assetId,
  kind: UseKind.View,
  terms: viewTerms(usd, ONE_USD),
});
console.log(
  `  B switches its view price to 1.00 dUSD (terms v${v2.version}); one view paid in dUSD:`,
);
await showEarnings([b.assetId, a.assetId], ["B", "A", "platform"], usd, async () => {
  await payForUse(viewer, { ...at, assetId: b.assetId, count: 1n });
  await splitMany(viewer, { ...at, assetIds: [b.assetId], tokens: [usd] });
});
console.log();

// 4. A remix of the remix: the money climbs two levels.
console.log("4. Creator C remixes B (vertical cut for short-form video)");
await setTerms(bob, {
  ...at,
  assetId: b.assetId,
  kind: UseKind.Remix,
  terms: freeRemixTerms(2_000),
});
const c = await registerRemix(carol, {
  ...at,
  content: new TextEncoder().encode("Smartwatch Product Demo, ES, vertical 9:16"),
  metadataUri: "ipfs://smartwatch-demo-es-vertical",
  parents: [{ assetId: b.assetId, shareBps: 3_000 }],
});
await setTerms(carol, {
  ...at,
  assetId: c.assetId,
  kind: UseKind.View,
  terms: viewTerms(ETH, ONE_ETH),
});
console.log(`    #${c.assetId} remixes #${b.assetId} giving it 30%; one 1.00 ETH view of C:`);
await showEarnings(
  [c.assetId, b.assetId, a.assetId],
  ["C", "B", "A", "platform"],
  ETH,
  async () => {
    await payForUse(viewer, { ...at, assetId: c.assetId, count: 1n });
    await splitMany(viewer, { ...at, assetIds: [c.assetId, b.assetId], tokens: [ETH] });
  },
);
console.log();

// 5. A viral template: 10,000 remixes of A, each giving A 10%.
console.log(
  `5. A goes viral as a template: ${TEMPLATE_REMIXES.toLocaleString("en-US")} remixes by 10 creators, each giving A 10%`,
);
const registering = progressBar("    registering", TEMPLATE_REMIXES);
const nonces = await Promise.all(
  creators.map((creator) =>
    publicClient.getTransactionCount({ address: creator.account.address, blockTag: "pending" }),
  ),
);
// Each block here is a second later than the last, so the batch gets a day's deadline.
const deadline = (await publicClient.getBlock()).timestamp + 86_400n;
const firstTemplateId = c.assetId + 1n;
// Every licence is free and bought in the same transaction, so each registration is prepared
// offline (no reads) and sent with a known nonce and gas, as a batch uploader would.
for (let i = 0; i < TEMPLATE_REMIXES; i++) {
  const creator = creators[i % creators.length] as AccountClient;
  const prepared = await prepareRegisterRemix(creator, {
    ...at,
    contentHash: keccak256(toHex(`template remix ${i}`)),
    metadataUri: `ipfs://template-remix-${i}`,
    parents: [{ assetId: a.assetId, shareBps: 1_000 }],
    licenceIds: [0n],
    maxPrices: [{ currency: ETH, amount: 0n }],
    deadline,
  });
  await creator.sendTransaction({
    ...prepared,
    gas: 600_000n,
    nonce: (nonces[i % creators.length] as number) + Math.floor(i / creators.length),
  });
  if (i % 100 === 99) registering.update(i + 1);
}
registering.finish();
// What A could already claim in dUSD, to tell the template's part of the claim apart.
const [aBeforeTemplate] = await getBalances(publicClient, {
  ...at,
  assetIds: [a.assetId],
  tokens: [usd],
});
const usdBeforeTemplate = aBeforeTemplate?.collectable ?? 0n;
const templateIds = Array.from({ length: TEMPLATE_REMIXES }, (_, i) => firstTemplateId + BigInt(i));
const paying = progressBar("    paying 1.00 dUSD each", TEMPLATE_REMIXES);
for (let start = 0; start < TEMPLATE_REMIXES; start += 500) {
  const chunk = templateIds.slice(start, start + 500);
  await payMany(viewer, {
    ...at,
    token: usd,
    payments: chunk.map((assetId) => ({ assetId, amount: ONE_USD })),
  });
  paying.update(start + chunk.length);
}
paying.finish();
const preview = await previewClaimAll(publicClient, { ...at, owner: alice.account.address });
console.log(
  `    preview (no gas): A can claim ${preview.totals.map(({ token, amount }) => money(amount, token)).join(" and ")}`,
);
const claimStarted = Date.now();
const claim = await claimAll(alice, at);
const claimGas = claim.transactions.reduce((sum, { gasUsed }) => sum + gasUsed, 0n);
console.log(
  `    A's claimAll: ${claim.claimed.map(({ token, amount }) => money(amount, token)).join(" and ")} ` +
    `in ${claim.transactions.length} transactions (${(claimGas / 1_000_000n).toString()}M gas, ${((Date.now() - claimStarted) / 1000).toFixed(1)} s)`,
);
const claimedUsd = claim.claimed.find(({ token }) => token === usd)?.amount ?? 0n;
console.log(
  `    of which ${money(claimedUsd - usdBeforeTemplate, usd)} from the template's remixes\n`,
);

// 6. An AI company licenses a dataset of 100 assets for training, in one transaction.
console.log(
  `6. An AI company licenses ${DATASET_SIZE} template remixes for AI training in one bulk transaction`,
);
const dataset = templateIds.slice(0, DATASET_SIZE);
for (const [i, assetId] of dataset.entries()) {
  await setTerms(creators[i % creators.length] as AccountClient, {
    ...at,
    assetId,
    kind: UseKind.AITraining,
    terms: { allowed: true, currency: ETH, price: ONE_ETH / 50n, duration: 365n * 24n * 3_600n },
  });
}
const quotes = await quoteLicences(publicClient, {
  ...at,
  assetIds: dataset,
  kind: UseKind.AITraining,
});
const bulk = await buyLicences(aiCompany, { ...at, assetIds: dataset, kind: UseKind.AITraining });
const licensed = await Promise.all(
  dataset.map((assetId) =>
    hasValidLicence(publicClient, {
      ...at,
      holder: aiCompany.account.address,
      assetId,
      kind: UseKind.AITraining,
    }),
  ),
);
const purchased = await publicClient.getBlock({ blockNumber: bulk.receipt.blockNumber });
const ends = new Set(licensed.map(({ validUntil }) => validUntil));
const validity =
  ends.size === 1 && typeof licensed[0]?.validUntil === "bigint"
    ? `${new Date(Number(licensed[0].validUntil) * 1_000).toISOString().slice(0, 10)} (${(licensed[0].validUntil - purchased.timestamp) / 86_400n} days)`
    : "various dates";
console.log(
  `    ${bulk.licenceIds.length} licences (#${bulk.firstLicenceId}…#${bulk.licenceIds.at(-1)}) for ${bulk.totals.map(({ currency, amount }) => money(amount, currency)).join(", ")} ` +
    `(quoted ${money(
      quotes.reduce((sum, { price }) => sum + price, 0n),
      ETH,
    )}); ` +
    `${bulk.receipt.gasUsed.toLocaleString("en-US")} gas, ${(bulk.receipt.gasUsed / BigInt(DATASET_SIZE)).toLocaleString("en-US")} per asset; ` +
    `${licensed.filter(({ valid }) => valid).length} valid until ${validity}\n`,
);

// 7. The platform takes its ETH fees; an auditor checks everything from the chain.
console.log(
  "7. The platform withdraws its ETH fees; an auditor reads everything back from the chain",
);
const fees = await withdrawFees(treasury, { ...at, token: ETH });
console.log(`    ${money(fees.amount, ETH)} of fees paid to the treasury`);
const titles = new Map<bigint, string>([
  [a.assetId, "Smartwatch Product Demo"],
  [b.assetId, "localized remix (ES)"],
  [c.assetId, "vertical cut"],
]);
const lineage = await getLineage(publicClient, { ...at, assetId: a.assetId });
console.log(
  formatLineageTree(lineage, {
    maxBranches: 3,
    label: ({ assetId }) => `#${assetId} ${titles.get(assetId) ?? "template remix"}`,
  })
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n"),
);
const audit = await auditProtocol(publicClient, at);
console.log(
  `\n    Reconciliation at block ${audit.blockNumber}: ${audit.eventCount.toLocaleString("en-US")} money events replayed over ${audit.assetCount.toLocaleString("en-US")} assets`,
);
console.log(
  reconciliationTable(audit.tokens, (token) => ({
    symbol: symbol(token),
    decimals: token === ETH ? 18 : 6,
  }))
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n"),
);
console.log(
  "    paid in = claimed + claimable + in transit + fees; the contract holds claimable + in transit + unwithdrawn fees",
);
console.log(
  audit.ok
    ? `    Audit passed: every event agrees with the books, every asset's balance matches, nothing is lost.`
    : `    AUDIT FAILED: ${audit.discrepancies.length} discrepancies`,
);
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
if (!audit.ok) process.exitCode = 1;
