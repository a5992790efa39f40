// The local product's opening story (run by `npm start` against its node, under a minute):
// deploys the protocol with Ignition and plays the demo's creators on it, so that every page of
// the app has something to show. Writes Ignition's deployment of the node's chain, which the
// indexer and the `remix` CLI read.
import { network } from "hardhat";
import {
  approveToken,
  ETH,
  payForUse,
  registerOriginal,
  registerRemix,
  setTerms,
  splitMany,
  UseKind,
} from "../../sdk/index.js";
import { type AccountClient, hardhatClients } from "../lib/hardhatClients.js";
import { deployLocalDevelopment, mintTestUsd } from "../lib/localDevelopment.js";

const ONE_ETH = 10n ** 18n;
const ONE_USD = 1_000_000n;
const TEMPLATE_REMIXES = 12;

const connection = await network.create();
const { publicClient, wallets } = await hardhatClients(connection);
const [treasury, alice, bob, carol, viewer, ...creators] = wallets as [
  AccountClient,
  ...AccountClient[],
];
if (!alice || !bob || !carol || !viewer || creators.length < 4) {
  throw new Error("the seed needs the node's default development accounts");
}
const { deployment, usd } = await deployLocalDevelopment(
  connection,
  publicClient,
  treasury.account.address,
);
const at = { deployment };
const text = (value: string) => new TextEncoder().encode(value);

// A: an original that allows remixes (at least 10%), AI training (0.02 ETH a year) and paid views.
const a = await registerOriginal(alice, {
  ...at,
  content: text("Smartwatch Product Demo: 30 s, 1080p, voice-over EN"),
  metadataUri: "ipfs://smartwatch-product-demo",
});
const terms = [
  [UseKind.Remix, { allowed: true, minShareBps: 1_000, documentUri: "ipfs://remix-terms" }],
  [
    UseKind.AITraining,
    { allowed: true, currency: ETH, price: ONE_ETH / 50n, duration: 365n * 24n * 3_600n },
  ],
  [UseKind.View, { allowed: true, currency: ETH, price: ONE_ETH / 100n }],
] as const;
for (const [kind, kindTerms] of terms) {
  await setTerms(alice, { ...at, assetId: a.assetId, kind, terms: kindTerms });
}

// B remixes A (30%), C remixes B (30%); viewers pay for B in dUSD and for C in ETH.
const b = await registerRemix(bob, {
  ...at,
  content: text("Smartwatch Product Demo, ES voice-over, new score"),
  metadataUri: "ipfs://smartwatch-demo-es",
  parents: [{ assetId: a.assetId, shareBps: 3_000 }],
});
await setTerms(bob, {
  ...at,
  assetId: b.assetId,
  kind: UseKind.Remix,
  terms: { allowed: true, minShareBps: 2_000 },
});
await setTerms(bob, {
  ...at,
  assetId: b.assetId,
  kind: UseKind.View,
  terms: { allowed: true, currency: usd, price: ONE_USD },
});
const c = await registerRemix(carol, {
  ...at,
  content: text("Smartwatch Product Demo, ES, vertical 9:16"),
  metadataUri: "ipfs://smartwatch-demo-es-vertical",
  parents: [{ assetId: b.assetId, shareBps: 3_000 }],
});
await setTerms(carol, {
  ...at,
  assetId: c.assetId,
  kind: UseKind.View,
  terms: { allowed: true, currency: ETH, price: ONE_ETH / 10n },
});
await mintTestUsd(viewer, publicClient, usd, 1_000n * ONE_USD);
await approveToken(viewer, { ...at, token: usd, amount: 1_000n * ONE_USD });
await payForUse(viewer, { ...at, assetId: b.assetId, count: 3n });
await payForUse(viewer, { ...at, assetId: c.assetId, count: 2n });
await payForUse(viewer, { ...at, assetId: a.assetId, count: 5n });

// Template remixes of A by other creators, each viewed once; half of them split, so A has money
// both claimable and in transit.
const templates: bigint[] = [];
for (let i = 0; i < TEMPLATE_REMIXES; i++) {
  const creator = creators[i % creators.length]!;
  const remix = await registerRemix(creator, {
    ...at,
    content: text(`Smartwatch Product Demo template, variant ${i + 1}`),
    metadataUri: `ipfs://smartwatch-template-${i + 1}`,
    parents: [{ assetId: a.assetId, shareBps: 1_000 }],
  });
  await setTerms(creator, {
    ...at,
    assetId: remix.assetId,
    kind: UseKind.View,
    terms: { allowed: true, currency: ETH, price: ONE_ETH / 20n },
  });
  await payForUse(viewer, { ...at, assetId: remix.assetId, count: 1n });
  templates.push(remix.assetId);
}
await splitMany(viewer, {
  ...at,
  assetIds: [c.assetId, ...templates.slice(0, TEMPLATE_REMIXES / 2)],
  tokens: [ETH],
});

console.log(
  `seeded: protocol ${deployment.protocol}; assets #${a.assetId} (A, alice), #${b.assetId} (B, bob), #${c.assetId} (C, carol) and ${TEMPLATE_REMIXES} template remixes of A; views paid in ETH and dUSD`,
);
