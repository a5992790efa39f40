/**
 * `npm run bench:app`: the web app's figures on its production build. Starts a node with the
 * protocol, a 1,000-asset lineage and the indexer (scripts/bench-app/backend.ts) while it builds
 * the app, serves the build with app/serve.ts, and measures in headless Chromium, each visit cold
 * in a browser of its own: the initial download, the Explore page's first contentful paint and
 * time to interactive, and the lineage explorer's collapsed view and "Expand all" to 1,000 nodes.
 * Prints tables; stops everything it started, on failure and Ctrl-C too.
 *
 * Needs compiled contracts (`npm run build`) and Debian's Chromium (`apt-get install chromium`).
 */
import { type ServedApp, serveApp } from "../app/serve.ts";
import { chromiumAvailable } from "../test/mocha/app/browser.ts";
import { buildApp } from "../test/mocha/app/served.ts";
import { initialFiles, sizeOf } from "./bench-app/bundle.ts";
import { formatReport } from "./bench-app/report.ts";
import { startBackend } from "./bench-app/startBackend.ts";
import {
  type ExploreVisit,
  type LineageVisit,
  visitExplore,
  visitLineage,
} from "./bench-app/visits.ts";

const RUNS = 5;

if (!chromiumAvailable()) {
  throw new Error("Chromium is not installed: `apt-get install -y chromium`");
}
const started = performance.now();
const backend = startBackend();
let app: ServedApp | undefined;
const stopAll = async () => {
  await app?.close();
  await backend.stop();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

try {
  console.error("bench:app: building the app while the backend starts…");
  const distDir = buildApp();
  const setup = await backend.ready;
  app = await serveApp({ distDir, rpcUrl: setup.rpcUrl, indexerUrl: setup.indexerUrl, port: 0 });

  const explore: ExploreVisit[] = [];
  const lineage: LineageVisit[] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.error(`bench:app: cold visits, run ${run} of ${RUNS}`);
    explore.push(await visitExplore(app.url));
    lineage.push(await visitLineage(app.url, setup.rootId, setup.lineageSize));
  }
  // What the lineage explorer fetched that the Explore page never did: its chunks and worker.
  const onExplore = new Set(explore.flatMap((visit) => [...visit.fetched]));
  const onDemand = [...new Set(lineage.flatMap((visit) => [...visit.fetched]))]
    .filter((file) => !onExplore.has(file))
    .sort();
  const report = formatReport({
    backend: setup,
    initial: sizeOf(distDir, initialFiles(distDir)),
    onDemand: sizeOf(distDir, onDemand),
    explore,
    lineage,
  });
  console.log(`\n${report}\n`);
  console.error(`bench:app: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await stopAll();
}
