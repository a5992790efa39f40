import { expect } from "chai";
import { zeroAddress } from "viem";
import { auditProtocol, ETH } from "../../../sdk/index.js";
import { remix, writeFixtures } from "../cli/run.js";
import { buildPackage } from "../helpers/packageBuild.js";
import { describeOnNodes } from "../sdk/helpers/env.js";
import { overwriteHeld } from "../sdk/helpers/storage.js";
import { itOnDatabases, onDatabase, type RunningIndexer, startIndexer } from "./run.js";
import { buildState, mineBlocks } from "./state.js";

describeOnNodes("three-way audit through the indexer", (env, node) => {
  let indexer: RunningIndexer | undefined;

  before(async function () {
    this.timeout(120_000);
    await buildPackage();
  });

  afterEach(async function () {
    await indexer?.stop();
    indexer = undefined;
  });

  itOnDatabases(
    "agrees with the event replay and the contract to the wei, and names an overwritten balance",
    node,
    async function (database) {
      this.timeout(120_000);
      const e = env();
      const { publicClient, deployment } = e;
      await writeFixtures(e);
      const ids = await buildState(e);
      await mineBlocks(e, 40);
      indexer = await startIndexer(e.node.url, deployment, onDatabase(database));
      const head = await publicClient.getBlockNumber();
      await indexer.caughtUp(head);

      const audit = await auditProtocol(publicClient, { deployment, indexer: indexer.url });
      expect(audit.discrepancies).to.deep.equal([]);
      expect(audit.ok).to.equal(true);
      expect(audit.blockNumber).to.equal(head);
      // Three values per asset and token, and one fee total per token.
      expect(audit.indexerCompared).to.equal(audit.assetCount * audit.tokens.length * 3 + 2);
      const cli = await remix(e, null, "--indexer", indexer.url, "audit");
      expect(cli.code, cli.stderr).to.equal(0);
      expect(cli.stdout).to.include(`three-way: ${audit.indexerCompared} indexed balances`);
      expect(cli.stdout).to.include("audit passed");

      // Overwrite what the contract holds for D in ETH: the events and the indexer both
      // disagree with the contract, and both are named.
      const d = ids[4]!;
      const { before, forged } = await overwriteHeld(e, d, ETH, (held) => held + 1_000n);
      const tampered = await auditProtocol(publicClient, { deployment, indexer: indexer.url });
      expect(tampered.ok).to.equal(false);
      expect(tampered.discrepancies).to.deep.equal([
        {
          kind: "state",
          token: zeroAddress,
          assetId: d,
          field: "held",
          expected: before,
          actual: forged,
        },
        {
          kind: "indexer",
          token: zeroAddress,
          assetId: d,
          field: "held",
          expected: forged,
          actual: before,
        },
      ]);
      const failed = await remix(e, null, "--indexer", indexer.url, "audit");
      expect(failed.code).to.equal(1);
      expect(failed.stdout).to.include(
        `✗ asset #${d} held in ETH: the contract holds ${forged}, the indexer says ${before}`,
      );
      expect(failed.stdout).to.include("AUDIT FAILED");
    },
  );
});
