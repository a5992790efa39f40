// The licensing contract's and the protocol admin's events, indexed on both nodes and both
// databases: every row equals the contracts' views and logs, and every payment says what it paid
// for (licensingState.ts builds the state, licensingChecks.ts compares).
import { expect } from "chai";
import { buyLicence, getLicences, UseKind } from "../../../sdk/index.js";
import { describeOnNodes } from "../sdk/helpers/env.js";
import {
  chainLogs,
  checkLicences,
  checkPayments,
  checkProtocol,
  checkPurchases,
  checkRelations,
  checkTerms,
  type Indexed,
  QUERY,
} from "./licensingChecks.js";
import { buildState } from "./licensingState.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";

describeOnNodes("indexer licensing and admin", (env, node) => {
  let indexer: RunningIndexer | undefined;

  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
  });

  itOnDatabases(
    "indexes terms, licences, views, bulk and remix licences, what each payment paid for, and the protocol's admin, equal to the contract's views",
    node,
    async function (database) {
      this.timeout(180_000);
      const e = env();
      const { publicClient, deployment } = e;
      const sent = await buildState(e);
      const stateHead = await publicClient.getBlockNumber();
      // Buried under Ponder's finality depth, one block per call (see indexer.test.ts).
      for (let i = 0; i < 40; i++) await e.testClient.mine({ blocks: 1 });
      indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
      await indexer.caughtUp(stateHead);
      // One more licence while the indexer is live.
      const live = await buyLicence(e.bob, {
        deployment,
        assetId: sent.a,
        kind: UseKind.Commercial,
      });
      sent.payments.set(live.receipt.transactionHash, {
        label: "live buyLicence",
        purposes: [
          { assetId: sent.a, use: "licence", kind: "Commercial", licenceId: live.licenceId },
        ],
      });
      await indexer.caughtUp(await publicClient.getBlockNumber());
      const indexed = await indexer.query<Indexed>(QUERY);
      const logs = await chainLogs(e);

      await checkTerms(e, indexed, logs);
      await checkLicences(e, sent, indexed, logs);
      checkPurchases(sent, indexed, logs);
      checkPayments(sent, indexed, logs);
      await checkProtocol(e, sent, indexed, logs);
      await checkRelations(e, sent, indexer);

      // The SDK's licence list through the indexer is the one its log scan gives.
      for (const holder of [e.carol, e.payer, e.bob, e.stranger]) {
        for (const filter of [{}, { kind: UseKind.AITraining }, { assetId: sent.a }]) {
          const query = { deployment, holder: holder.account.address, ...filter };
          const fromLogs = await getLicences(publicClient, query);
          const viaIndexer = await getLicences(publicClient, { ...query, indexer: indexer.url });
          expect(viaIndexer, `licences of ${holder.account.address}`).to.deep.equal(fromLogs);
        }
      }
      const all = await getLicences(publicClient, {
        deployment,
        holder: e.carol.account.address,
        indexer: indexer.url,
      });
      expect(all.length).to.be.greaterThan(2);
      const refused = await fetch(
        `${indexer.url}/holders/${e.carol.account.address}/licences?kind=9`,
      );
      expect(refused.status).to.equal(400);
    },
  );
});
