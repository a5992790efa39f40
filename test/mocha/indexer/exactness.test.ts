import { expect } from "chai";
import { type Address, getAddress, zeroAddress } from "viem";
import {
  auditProtocol,
  buyLicence,
  buyLicences,
  claimMany,
  ETH,
  previewClaimAll,
  setFee,
  setTerms,
  setTokenAllowed,
  splitMany,
  UseKind,
} from "../../../sdk/index.js";
import {
  artifact,
  describeOnNodes,
  FEE_DELAY,
  type SdkEnv,
  type Wallet,
} from "../sdk/helpers/env.js";
import { fundUsd } from "../sdk/licensing/fixtures.js";
import { buildTree, pay, type TreeNode, transferAsset } from "../sdk/helpers/tree.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";
import { expectTotalsEqualViews, type Indexed, mineBlocks, QUERY } from "./state.js";

/** The scenario's seed: `REMIX_EXACTNESS_SEED` replays another one. */
const SEED = Number(process.env.REMIX_EXACTNESS_SEED ?? 20_261_203);

/** A small deterministic generator (mulberry32), so a failure replays from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    int,
    pick: <T>(values: readonly T[]): T => values[int(values.length)] as T,
    chance: (p: number) => next() < p,
    /** 1 to 20 units a third of the time (rounding at its smallest), else up to `max`. */
    amount: (max: bigint) =>
      next() < 1 / 3
        ? BigInt(1 + int(20))
        : 1n + (BigInt(Math.floor(next() * 2 ** 52)) * max) / 2n ** 52n,
  };
}

/** A 2-decimal ERC-20 ("dEUR"), allowlisted, beside env's 6-decimal dUSD. */
async function secondToken(e: SdkEnv): Promise<Address> {
  const { abi, bytecode } = artifact("mocks/MockERC20.sol/MockERC20.json");
  const hash = await e.admin.deployContract({ abi, bytecode, args: ["Demo EUR", "dEUR", 2] });
  const { contractAddress } = await e.publicClient.waitForTransactionReceipt({ hash });
  await setTokenAllowed(e.admin, {
    deployment: e.deployment,
    token: contractAddress!,
    allowed: true,
  });
  return contractAddress!;
}

/**
 * Six originals; a chain of 50 remixes under the first (depth 50); a diamond over the second and
 * third; a remix of 16 parents (originals, chain links and the diamond) and a remix of that.
 */
function shape(e: SdkEnv, random: ReturnType<typeof generator>): TreeNode[] {
  const creators = [e.alice, e.bob, e.carol];
  const originals: TreeNode[] = Array.from({ length: 6 }, (_, i) => ({ by: creators[i % 3] }));
  const chain: TreeNode[] = Array.from({ length: 50 }, (_, i) => ({
    by: random.pick(creators),
    parents: [{ index: i === 0 ? 0 : 5 + i, shareBps: 500 + random.int(3_500) }],
  }));
  const diamond: TreeNode[] = [
    { by: e.bob, parents: [{ index: 1, shareBps: 2_500 }] },
    {
      by: e.carol,
      parents: [
        { index: 1, shareBps: 1_000 },
        { index: 2, shareBps: 3_000 },
      ],
    },
    {
      by: e.alice,
      parents: [
        { index: 56, shareBps: 4_000 },
        { index: 57, shareBps: 3_333 },
      ],
    },
  ];
  const fanInParents = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 30, 56, 57, 58];
  const fanIn: TreeNode[] = [
    {
      by: e.bob,
      parents: fanInParents.map((index) => ({ index, shareBps: 300 + random.int(150) })),
    },
    { by: e.carol, parents: [{ index: 59, shareBps: 2_000 }] },
  ];
  return [...originals, ...chain, ...diamond, ...fanIn];
}

describeOnNodes("indexer exactness", (env, node) => {
  let indexer: RunningIndexer | undefined;

  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
  });

  itOnDatabases(
    `matches the contract to the wei after a random history (seed ${SEED})`,
    node,
    async function (database) {
      this.timeout(300_000);
      const e = env();
      const { deployment, publicClient } = e;
      const d = { deployment };
      const random = generator(SEED);
      const eur = await secondToken(e);
      const tokens = [ETH, e.usd, eur] as const;
      const nodes = shape(e, random);
      const ids = await buildTree(e, nodes);
      const owners = new Map<bigint, Wallet>(ids.map((id, i) => [id, nodes[i]!.by ?? e.alice]));
      const wallets = [e.alice, e.bob, e.carol];

      // Licences, single and bulk, in ETH and dUSD, paid through the same trees.
      await setTerms(e.alice, {
        ...d,
        assetId: ids[0]!,
        kind: UseKind.Commercial,
        terms: { allowed: true, currency: ETH, price: 10n ** 15n + 3n },
      });
      for (const index of [1, 2, 57]) {
        await setTerms(owners.get(ids[index]!)!, {
          ...d,
          assetId: ids[index]!,
          kind: UseKind.AITraining,
          terms: { allowed: true, currency: e.usd, price: 1_234_567n },
        });
      }
      await buyLicence(e.payer, { ...d, assetId: ids[0]!, kind: UseKind.Commercial });
      await fundUsd(e, e.payer, 10_000_000n);
      await buyLicences(e.payer, {
        ...d,
        assetIds: [ids[1]!, ids[2]!, ids[57]!],
        kind: UseKind.AITraining,
      });

      // Payments (a third of them of 1 to 20 units), splits in random order, claims, transfers,
      // and a fee change half way.
      const max = { [ETH]: 10n ** 18n, [e.usd]: 10n ** 10n, [eur]: 10n ** 8n } as Record<
        Address,
        bigint
      >;
      for (let step = 0; step < 90; step++) {
        const token = random.pick(tokens);
        await pay(e, e.payer, random.pick(ids), token, random.amount(max[token]!));
        if (step === 45) {
          await setFee(e.admin, { ...d, feeBps: 1_700 });
          await e.testClient.increaseTime({ seconds: FEE_DELAY + 1 });
          await mineBlocks(e, 1);
        }
        if (random.chance(0.2)) {
          const assetIds = Array.from({ length: 1 + random.int(12) }, () => random.pick(ids));
          await splitMany(e.stranger, {
            ...d,
            assetIds: [...new Set(assetIds)],
            tokens: [...new Set([random.pick(tokens), ...tokens.filter(() => random.chance(0.5))])],
          });
        }
        if (random.chance(0.12)) {
          const owner = random.pick(wallets);
          const owned = ids.filter((id) => owners.get(id) === owner);
          const assetIds = [...new Set(owned.filter(() => random.chance(0.4)))];
          if (assetIds.length > 0) {
            await claimMany(owner, {
              ...d,
              assetIds,
              tokens: [...new Set([random.pick(tokens), ETH])],
            });
          }
        }
        if (random.chance(0.05)) {
          const id = random.pick(ids);
          const to = random.pick(wallets);
          if (owners.get(id) !== to) {
            await transferAsset(e, owners.get(id)!, to.account.address, id);
            owners.set(id, to);
          }
        }
      }

      await mineBlocks(e, 40);
      indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
      await indexer.caughtUp(await publicClient.getBlockNumber());

      // Every balance and fee total, three ways: indexer, event replay, contract.
      const audit = await auditProtocol(publicClient, { deployment, indexer: indexer.url });
      expect(
        audit.discrepancies,
        `seed ${SEED}: ${JSON.stringify(audit.discrepancies, (_, v: unknown) => (typeof v === "bigint" ? `${v}` : v))}`,
      ).to.deep.equal([]);
      expect(audit.ok).to.equal(true);
      expect(audit.indexerCompared).to.be.at.least(ids.length * tokens.length * 3);
      // The running totals add up to each balance, row by row.
      const indexed = await indexer.query<Indexed>(QUERY);
      const { compared } = await expectTotalsEqualViews(e, indexed, tokens);
      expect(compared).to.be.greaterThan(ids.length);
      // Each creator's earnings: what a claim of everything would pay, from the chain.
      for (const owner of wallets) {
        const address = owner.account.address;
        const { earnings } = (await (
          await fetch(`${indexer.url}/owners/${address}/earnings`)
        ).json()) as { earnings: { token: Address; claimableNow: string; inTransit: string }[] };
        const preview = await previewClaimAll(publicClient, { ...d, owner: address, gasPrice: 0n });
        for (const token of tokens) {
          const row = earnings.find((t) => getAddress(t.token) === getAddress(token));
          const fromChain =
            preview.totals.find((t) => getAddress(t.token) === getAddress(token))?.amount ?? 0n;
          expect(
            BigInt(row?.claimableNow ?? 0) + BigInt(row?.inTransit ?? 0),
            `earnings of ${address} in ${token === zeroAddress ? "ETH" : token}`,
          ).to.equal(fromChain);
        }
      }
    },
  );
});
