import { expect } from "chai";
import { zeroAddress } from "viem";
import { ETH, remixProtocolAbi } from "../../../sdk/index.js";
import { describeOnNodes } from "../sdk/helpers/env.js";
import { pay } from "../sdk/helpers/tree.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";
import {
  buildState,
  expectRowPerEvent,
  expectTotalsEqualViews,
  type Indexed,
  mineBlocks,
  QUERY,
} from "./state.js";

describeOnNodes("indexer", (env, node) => {
  let indexer: RunningIndexer | undefined;

  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
  });

  itOnDatabases(
    "indexes assets, lineage, payments, splits, claims and totals equal to the contract's views",
    node,
    async function (database) {
      this.timeout(90_000);
      const e = env();
      const { publicClient, deployment } = e;
      const read = { address: deployment.protocol, abi: remixProtocolAbi } as const;
      const ids = await buildState(e);
      const stateHead = await publicClient.getBlockNumber();
      // Buried under Ponder's finality depth (30 blocks on a chain it does not know), the state is
      // read by the backfill; one more payment then arrives while the indexer is live.
      await mineBlocks(e, 40);

      const started = Date.now();
      indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
      await indexer.caughtUp(stateHead);
      const syncMs = Date.now() - started;
      await pay(e, e.payer, ids[4]!, ETH, 777n);
      const liveStarted = Date.now();
      await indexer.caughtUp(await publicClient.getBlockNumber());
      const liveMs = Date.now() - liveStarted;
      const indexed = await indexer.query<Indexed>(QUERY);

      // Lineage as built: D (depth 2) remixes R1 and R2, which both remix A.
      const [a, b, r1, r2, d] = ids.map(String);
      const byId = new Map(indexed.assets.items.map((row) => [row.id, row]));
      expect(byId.get(d)?.depth).to.equal(2);
      expect(byId.get(d)?.parents.items.map((p) => p.parentId)).to.deep.equal([r1, r2]);
      expect(byId.get(a)?.childCount).to.equal(2);
      expect(byId.get(b)?.depth).to.equal(0);

      // Every asset the contract knows, as the contract's views say.
      const total = await publicClient.readContract({ ...read, functionName: "totalAssets" });
      expect(indexed.assets.totalCount).to.equal(Number(total));
      for (let id = 1n; id <= total; id++) {
        const row = byId.get(String(id));
        expect(row, `asset ${id} indexed`).to.not.equal(undefined);
        const view = await publicClient.readContract({
          ...read,
          functionName: "getAsset",
          args: [id],
        });
        const owner = await publicClient.readContract({
          ...read,
          functionName: "ownerOf",
          args: [id],
        });
        const parents = await publicClient.readContract({
          ...read,
          functionName: "parentsOf",
          args: [id],
        });
        const hashOwner = await publicClient.readContract({
          ...read,
          functionName: "assetIdOf",
          args: [row!.contentHash],
        });
        expect(row!.owner.toLowerCase(), `owner of ${id}`).to.equal(owner.toLowerCase());
        expect(view.owner).to.equal(owner);
        expect(row!.metadataURI, `metadata of ${id}`).to.equal(view.metadataURI);
        expect(row!.parentCount, `parent count of ${id}`).to.equal(Number(view.parentCount));
        expect(row!.childCount, `child count of ${id}`).to.equal(Number(view.childCount));
        expect(hashOwner, `content hash of ${id}`).to.equal(id);
        expect(
          row!.parents.items.map((p) => [BigInt(p.parentId), p.shareBps]),
          `parents of ${id}`,
        ).to.deep.equal(parents.map((p) => [p.parentId, p.shareBps]));
      }
      expect(byId.get(a)?.owner.toLowerCase()).to.equal(e.carol.account.address.toLowerCase());
      expect(byId.get(a)?.creator.toLowerCase()).to.equal(e.alice.account.address.toLowerCase());

      // Every asset and token: the indexed balance equals `royaltyBalance` to the wei, and the
      // indexed fees equal `accruedFees`.
      const { compared, totals } = await expectTotalsEqualViews(e, indexed);
      expect(compared).to.be.greaterThan(6);
      const claimedA = totals.get(`${a}:${zeroAddress}`);
      expect(BigInt(claimedA?.claimed ?? 0)).to.be.greaterThan(0n);
      expect(BigInt(totals.get(`${r1}:${zeroAddress}`)?.pendingGross ?? 0)).to.be.greaterThan(0n);

      expect(
        BigInt(indexed.tokenFeeTotals.items.find((t) => t.token === zeroAddress)?.withdrawn ?? 0),
      ).to.be.greaterThan(0n);
      // One indexed row per event on chain (the node may hold other tests' state before ours).
      const { logs, count } = await expectRowPerEvent(e, indexed);
      // At least ours: 7 payments; splits of D in ETH and dUSD, R1 in dUSD, and R2 in ETH inside
      // carol's claim; carol's claim and alice's in two tokens; one withdrawal.
      expect(count("Paid")).to.be.at.least(7);
      expect(count("Split")).to.be.at.least(4);
      expect(count("Claimed")).to.be.at.least(3);
      expect(count("FeesWithdrawn")).to.be.at.least(1);

      // One line of figures for the run's log: the backfill's time includes Ponder's start.
      console.log(
        `      indexer [${e.node.kind}, ${database.kind}]: ${logs.filter((log) => log.blockNumber <= stateHead).length} protocol logs over ${stateHead - deployment.fromBlock + 1n} blocks ` +
          `indexed ${syncMs} ms after start; then caught up with the head and a live payment in ${liveMs} ms`,
      );
    },
  );
});
