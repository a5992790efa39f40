import { expect } from "chai";
import { type Address, getAddress, zeroAddress } from "viem";
import {
  claimAll,
  ETH,
  getEarnings,
  getLineage,
  getOwnedAssets,
  getReceived,
  IndexerError,
  InvalidParameterError,
  type Lineage,
  previewClaimAll,
} from "../../../sdk/index.js";
import { remixProtocolAbi } from "../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../sdk/helpers/env.js";
import { buildTree, confirm, pay } from "../sdk/helpers/tree.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";
import { mineBlocks } from "./state.js";

/** JSON with bigints as strings, as the indexer answers. */
const json = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? `${v}` : v)));

type Earnings = {
  owner: Address;
  assetIds: string[];
  earnings: {
    token: Address;
    claimableNow: string;
    inTransit: string;
    lifetimeEarned: string;
    splits: string[];
  }[];
};

/**
 * Originals A (alice) and B (bob); a chain of 55 remixes under A (carol), so the deepest is at
 * depth 55; a diamond D3 over A and B (bob: D1 of A, D2 of A and B, D3 of D1 and D2). Paid in ETH
 * and dUSD at the bottom of the chain, at D3 and at A; A is claimed once to alice.
 */
async function buildState(e: SdkEnv) {
  const { alice, bob, carol, payer } = e;
  const chain = Array.from({ length: 55 }, (_, i) => ({
    by: carol,
    parents: [{ index: i === 0 ? 0 : i + 1, shareBps: 1_000 + (i % 7) * 500 }],
  }));
  const ids = await buildTree(e, [
    { by: alice },
    { by: bob },
    ...chain,
    { by: bob, parents: [{ index: 0, shareBps: 2_500 }] },
    {
      by: bob,
      parents: [
        { index: 0, shareBps: 1_000 },
        { index: 1, shareBps: 3_000 },
      ],
    },
    {
      by: bob,
      parents: [
        { index: 57, shareBps: 4_000 },
        { index: 58, shareBps: 3_333 },
      ],
    },
  ]);
  const a = ids[0]!;
  const bottom = ids[55 + 1]!;
  const d3 = ids[59]!;
  await pay(e, payer, a, ETH, 10n ** 16n);
  await confirm(
    e,
    await alice.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "claim",
      args: [a, ETH, alice.account.address],
    }),
  );
  await pay(e, payer, bottom, ETH, 10n ** 18n + 1n);
  await pay(e, payer, bottom, e.usd, 7_777_777n);
  await pay(e, payer, d3, ETH, 3n * 10n ** 17n);
  await pay(e, payer, d3, e.usd, 1_000_001n);
  return { ids, a, bottom, d3 };
}

async function get<T>(indexer: RunningIndexer, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${indexer.url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function graphql(indexer: RunningIndexer, query: string) {
  const response = await fetch(`${indexer.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

describeOnNodes("indexer API", (env, node) => {
  let indexer: RunningIndexer | undefined;

  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
  });

  itOnDatabases(
    "answers lineage and earnings as the chain does, and refuses bad queries with a 4xx",
    node,
    async function (database) {
      this.timeout(180_000);
      const e = env();
      const { publicClient, deployment } = e;
      const { ids, a, bottom, d3 } = await buildState(e);
      await mineBlocks(e, 40);
      indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
      await indexer.caughtUp(await publicClient.getBlockNumber());

      // Lineage: the same nodes and edges as the SDK's chain walk, in one request each.
      for (const [assetId, direction] of [
        [bottom, "ancestors"],
        [a, "descendants"],
        [ids[58]!, "both"],
        [d3, "ancestors"],
      ] as const) {
        const fromChain: Lineage = await getLineage(publicClient, {
          deployment,
          assetId,
          direction,
        });
        const { status, body } = await get<Record<string, unknown>>(
          indexer,
          `/lineage/${assetId}?direction=${direction}`,
        );
        expect(status).to.equal(200);
        const { blockNumber: _, ...expected } = json(fromChain) as Record<string, unknown>;
        const { blockNumber: indexedAt, ...answer } = body;
        expect(BigInt(indexedAt as string)).to.equal(fromChain.blockNumber);
        // Owners as the chain reads them (checksummed) against the indexer's lowercase.
        const normalized = json({
          ...answer,
          nodes: (answer.nodes as { owner: Address }[]).map((node) => ({
            ...node,
            owner: getAddress(node.owner),
          })),
        });
        expect(normalized, `lineage of ${assetId} (${direction})`).to.deep.equal(expected);
        // The SDK through the indexer: the same object, at the indexer's block, without the chain.
        const sent = e.requests.count;
        const viaIndexer = await getLineage(publicClient, {
          deployment,
          assetId,
          direction,
          indexer: indexer.url,
        });
        expect(e.requests.count, "chain requests of an indexed lineage").to.equal(sent);
        expect({ ...viaIndexer, blockNumber: 0n }).to.deep.equal({ ...fromChain, blockNumber: 0n });
        expect(viaIndexer.blockNumber).to.equal(fromChain.blockNumber);
      }
      const deep = await get<{ ancestors: string[] }>(
        indexer,
        `/lineage/${bottom}?direction=ancestors`,
      );
      expect(deep.body.ancestors).to.have.length(55);

      // All-time totals: the indexer's running totals are the chain's log sums, in one request.
      const at = (await getReceived(publicClient, { deployment, assetId: a, indexer: indexer.url }))
        .blockNumber;
      expect(at).to.equal(await publicClient.getBlockNumber());
      for (const assetId of [a, bottom, d3, ids[1]!, ids[30]!]) {
        const fromChain = await getReceived(publicClient, { deployment, assetId, blockNumber: at });
        const sent = e.requests.count;
        const received = await getReceived(publicClient, {
          deployment,
          assetId,
          indexer: indexer.url,
        });
        expect(e.requests.count, "chain requests of indexed totals").to.equal(sent);
        expect(received, `received by ${assetId}`).to.deep.equal(fromChain);
      }
      for (const token of [e.usd, e.deployment.licensing]) {
        const only = { deployment, assetId: bottom, token };
        expect(
          await getReceived(publicClient, { ...only, indexer: indexer.url }),
          `received by ${bottom} in ${token}`,
        ).to.deep.equal(await getReceived(publicClient, { ...only, blockNumber: at }));
      }
      const stale = await getReceived(publicClient, {
        deployment,
        assetId: a,
        indexer: indexer.url,
        blockNumber: at - 1n,
      }).catch((error: unknown) => error);
      expect(stale).to.be.instanceOf(InvalidParameterError);
      expect((stale as Error).message).to.include(`indexer's totals are at block ${at}`);
      expect((await get(indexer, "/assets/x/received")).status).to.equal(400);

      // Earnings: what a claim-all pays, per token, is what the indexer says is claimable now plus
      // in transit; after it the indexer says nothing is left and the lifetime total grew by it.
      for (const owner of [e.alice, e.bob]) {
        const address = owner.account.address;
        const before = await get<Earnings>(indexer, `/owners/${address}/earnings`);
        expect(before.status).to.equal(200);
        // The SDK's getEarnings is the same answer, decoded.
        const sdkEarnings = await getEarnings(publicClient, {
          deployment,
          owner: address,
          indexer: indexer.url,
        });
        expect(sdkEarnings.assetIds.map(String)).to.deep.equal(before.body.assetIds);
        expect(
          sdkEarnings.earnings.map((t) => [
            t.token.toLowerCase(),
            `${t.claimableNow}`,
            `${t.inTransit}`,
            `${t.lifetimeEarned}`,
          ]),
        ).to.deep.equal(
          before.body.earnings.map((t) => [t.token, t.claimableNow, t.inTransit, t.lifetimeEarned]),
        );
        expect(sdkEarnings.blockNumber).to.be.at.least((await publicClient.getBlockNumber()) - 1n);
        const preview = await previewClaimAll(publicClient, {
          deployment,
          owner: address,
          gasPrice: 0n,
        });
        const owned = await getOwnedAssets(publicClient, { deployment, owner: address });
        expect(before.body.assetIds).to.deep.equal(owned.map(String));
        expect(
          await getOwnedAssets(publicClient, { deployment, owner: address, indexer: indexer.url }),
        ).to.deep.equal(owned);
        const sent = e.requests.count;
        const previewViaIndexer = await previewClaimAll(publicClient, {
          deployment,
          owner: address,
          gasPrice: 0n,
          indexer: indexer.url,
        });
        const viaIndexerRequests = e.requests.count - sent;
        expect(previewViaIndexer).to.deep.equal(preview);
        // No log scan: the block, the ownerOf batch, the allowlist log query, dUSD's decimals and
        // the balances batch.
        expect(viaIndexerRequests, "chain requests of an indexed preview").to.be.at.most(5);
        const indexedTotal = (token: Address) => {
          const row = before.body.earnings.find((t) => getAddress(t.token) === getAddress(token));
          return row ? BigInt(row.claimableNow) + BigInt(row.inTransit) : 0n;
        };
        for (const token of [zeroAddress, e.usd]) {
          const total = preview.totals.find((t) => getAddress(t.token) === getAddress(token));
          expect(indexedTotal(token), `${address} in ${token}`).to.equal(total?.amount ?? 0n);
        }
        const { claimed } = await claimAll(owner, {
          deployment,
          gasPrice: 0n,
          indexer: indexer.url,
        });
        await indexer.caughtUp(await publicClient.getBlockNumber());
        const after = await get<Earnings>(indexer, `/owners/${address}/earnings`);
        for (const token of [zeroAddress, e.usd]) {
          const paid = claimed.find((t) => getAddress(t.token) === getAddress(token))?.amount ?? 0n;
          expect(paid, `claimed by ${address} in ${token}`).to.equal(indexedTotal(token));
          const was = before.body.earnings.find((t) => getAddress(t.token) === getAddress(token));
          const now = after.body.earnings.find((t) => getAddress(t.token) === getAddress(token));
          expect(BigInt(now?.claimableNow ?? 0) + BigInt(now?.inTransit ?? 0)).to.equal(0n);
          expect(BigInt(now?.lifetimeEarned ?? 0)).to.equal(
            BigInt(was?.lifetimeEarned ?? 0) - BigInt(was?.claimableNow ?? 0) + paid,
          );
        }
      }
      // Alice's claim of A before the indexer started is in her lifetime earnings.
      const alice = await get<Earnings>(indexer, `/owners/${e.alice.account.address}/earnings`);
      const aliceEth = alice.body.earnings.find((t) => t.token === zeroAddress);
      expect(BigInt(aliceEth?.lifetimeEarned ?? 0)).to.be.greaterThan(9n * 10n ** 15n);

      // An indexer of another deployment, or none at all, is refused by name.
      const other = { ...deployment, protocol: deployment.licensing };
      const refusal = await getLineage(publicClient, {
        deployment: other,
        assetId: a,
        indexer: indexer.url,
      }).catch((error: unknown) => error);
      expect(refusal).to.be.instanceOf(IndexerError);
      expect((refusal as Error).message).to.include(`not ${deployment.licensing}`);
      const unreachable = await getLineage(publicClient, {
        deployment,
        assetId: a,
        indexer: "http://127.0.0.1:9",
      }).catch((error: unknown) => error);
      expect(unreachable).to.be.instanceOf(IndexerError);
      expect((unreachable as Error).message).to.include("cannot be reached");
      const missing = await getLineage(publicClient, {
        deployment,
        assetId: 999_999n,
        indexer: indexer.url,
      }).catch((error: unknown) => error);
      expect((missing as IndexerError).status).to.equal(404);
      expect((missing as Error).message).to.include("has no asset 999999");

      // Bad requests: a clear 4xx, and the server keeps answering.
      expect((await get(indexer, "/lineage/x1")).status).to.equal(400);
      expect((await get(indexer, "/lineage/1?direction=up")).status).to.equal(400);
      expect((await get(indexer, "/lineage/999999")).status).to.equal(404);
      expect((await get(indexer, "/owners/0x12/earnings")).status).to.equal(400);
      const tooDeep = await graphql(
        indexer,
        `
          {
            assets {
              items {
                parents {
                  items {
                    child {
                      parents {
                        items {
                          child {
                            parents {
                              items {
                                child {
                                  parents {
                                    items {
                                      parentId
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        `,
      );
      expect(tooDeep.status, tooDeep.text).to.be.within(400, 499);
      expect(tooDeep.text).to.match(/depth/i);
      const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: assets { totalCount }`).join(
        " ",
      );
      const tooManyAliases = await graphql(indexer, `{ ${aliases} }`);
      expect(tooManyAliases.status, tooManyAliases.text).to.be.within(400, 499);
      expect(tooManyAliases.text).to.match(/alias/i);
      const tooLarge = await graphql(
        indexer,
        `
          {
            assets(limit: 5000) {
              items {
                id
              }
            }
          }
        `,
      );
      expect(tooLarge.status, tooLarge.text).to.be.within(400, 499);
      expect(tooLarge.text).to.match(/limit/i);
      const write = await fetch(
        `${indexer.url}/sql/db?sql=${encodeURIComponent(JSON.stringify({ json: { sql: "DELETE FROM asset", params: [] } }))}`,
      );
      expect(write.status, await write.clone().text()).to.be.within(400, 499);
      const health = await fetch(`${indexer.url}/health`);
      expect(health.status).to.equal(200);

      // Cursor pagination: pages of 7 walk every asset once, in order.
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          assets: {
            items: { id: string }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        } = await indexer.query(
          `{ assets(limit: 7, orderBy: "id"${after ? `, after: "${after}"` : ""}) { items { id } pageInfo { endCursor hasNextPage } } }`,
        );
        seen.push(...page.assets.items.map(({ id }) => id));
        if (!page.assets.pageInfo.hasNextPage) break;
        after = page.assets.pageInfo.endCursor;
      }
      const total = await publicClient.readContract({
        address: deployment.protocol,
        abi: remixProtocolAbi,
        functionName: "totalAssets",
      });
      expect(seen).to.deep.equal(Array.from({ length: Number(total) }, (_, i) => `${i + 1}`));
    },
  );
});
