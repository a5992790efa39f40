// What the app benchmark's pages read, run by `hardhat run` (Ignition, and the repo's TypeScript
// helpers): a fresh node on a free port, the protocol deployed as `npm start` deploys it, a
// 1,000-asset lineage under one original, and the indexer caught up with it on PGlite in a
// temporary folder. Prints one JSON line (`Backend`), then runs until its standard input closes
// (the benchmark is done, or died) or it is interrupted, and stops what it started.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import type { Hex } from "viem";
import config from "../../hardhat.config.js";
import { type RunningIndexer, startIndexer } from "../../test/mocha/indexer/run.js";
import { nodeAvailable, type RunningNode, startNode } from "../../test/mocha/sdk/helpers/node.js";
import { hardhatClients } from "../lib/hardhatClients.js";
import { deployLocalDevelopment } from "../lib/localDevelopment.js";
import { buildScaleLineage } from "../lib/scaleLineage.js";

/** What the backend prints once everything is up. */
export type Backend = {
  /** "anvil" or "hardhat". */
  node: string;
  rpcUrl: string;
  indexerUrl: string;
  /** The lineage's original, and how many assets the lineage holds. */
  rootId: string;
  lineageSize: number;
};

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LINEAGE_SIZE = 1_000;
const kind = nodeAvailable("anvil") ? "anvil" : "hardhat";
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// Ignition keeps its journal in a folder of its own: the repository's ignition/deployments holds
// `npm start`'s chain, whose id (31337) this one shares.
const ignition = mkdtempSync(join(tmpdir(), "remix-bench-ignition-"));
let node: RunningNode | undefined;
let indexer: RunningIndexer | undefined;
let stopped: Promise<void> | undefined;
/** Stops everything once, however many ask (Ctrl-C reaches this process and its parent both). */
async function stop(code: number): Promise<never> {
  stopped ??= (async () => {
    await indexer?.stop();
    node?.stop();
    rmSync(ignition, { recursive: true, force: true });
  })();
  await stopped;
  process.exit(code);
}
process.stdin.on("end", () => void stop(0)).resume();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(130));

try {
  let since = performance.now();
  node = await startNode(kind);
  const hre = await createHardhatRuntimeEnvironment(
    {
      ...config,
      paths: { ...config.paths, ignition },
      networks: { ...config.networks, bench: { type: "http", url: node.url } },
    },
    {},
    ROOT,
  );
  const connection = await hre.network.create("bench");
  const { publicClient, wallets } = await hardhatClients(connection);
  const [admin] = wallets;
  if (!admin) throw new Error(`the ${kind} node has no unlocked account`);
  const { deployment } = await deployLocalDevelopment(
    connection,
    publicClient,
    admin.account.address,
  );
  const { abi, bytecode } = await hre.artifacts.readArtifact("ScaleStateBuilder");
  const rootId = await buildScaleLineage({
    wallet: admin,
    publicClient,
    deployment,
    builder: { abi, bytecode: bytecode as Hex },
    size: LINEAGE_SIZE,
  });
  console.error(
    `backend: ${kind}, the protocol and a ${LINEAGE_SIZE}-asset lineage in ${seconds(since)}`,
  );
  since = performance.now();
  indexer = await startIndexer(node.url, deployment);
  await indexer.caughtUp(await publicClient.getBlockNumber(), 120_000);
  console.error(`backend: the indexer caught up in ${seconds(since)}`);
  const backend: Backend = {
    node: kind,
    rpcUrl: node.url,
    indexerUrl: indexer.url,
    rootId: String(rootId),
    lineageSize: LINEAGE_SIZE,
  };
  console.log(JSON.stringify(backend));
} catch (error) {
  console.error(`backend: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  await stop(1);
}
