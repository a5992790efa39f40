import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Deployment } from "../../../sdk/index.js";
import { freePort, type NodeKind, nodeAvailable } from "../sdk/helpers/node.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** A database the indexer tests run on. */
export type TestDatabase = { kind: "pglite" } | { kind: "postgres"; url: string };

/**
 * The databases to run indexer tests on: PGlite (embedded, in a temporary folder) always, and the
 * PostgreSQL server at `REMIX_TEST_DATABASE_URL` when that is set (`.ci/run` starts one with
 * `scripts/postgres.sh` and sets it).
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.REMIX_TEST_DATABASE_URL;
  return [{ kind: "pglite" }, ...(url ? [{ kind: "postgres" as const, url }] : [])];
}

/**
 * The node the PostgreSQL variants run on: the database and the node are independent axes, so
 * PGlite runs on every node and PostgreSQL on one (anvil, the reorg test's node, where installed).
 */
const POSTGRES_NODE: NodeKind = nodeAvailable("anvil") ? "anvil" : "hardhat";

/**
 * Declares `body` as one test per database of `testDatabases()` on `node`, titled
 * `<title> [<kind>]`: PGlite always, PostgreSQL on one node kind only (`POSTGRES_NODE`). Where
 * PostgreSQL would run but `REMIX_TEST_DATABASE_URL` is not set, its test is declared pending,
 * its title saying so, so that a run without PostgreSQL shows what it did not test.
 */
export function itOnDatabases(
  title: string,
  node: NodeKind,
  body: (this: Mocha.Context, database: TestDatabase) => Promise<void>,
): void {
  const databases = testDatabases().filter(
    (database) => database.kind === "pglite" || node === POSTGRES_NODE,
  );
  for (const database of databases) {
    it(`${title} [${database.kind}]`, function () {
      return body.call(this, database);
    });
  }
  if (node === POSTGRES_NODE && !databases.some((database) => database.kind === "postgres")) {
    it(`${title} [postgres] (set REMIX_TEST_DATABASE_URL; .ci/run does)`);
  }
}

/** What `startIndexer` takes besides the node and the deployment. */
export type IndexerOptions = {
  /**
   * A PostgreSQL server to index into (its `DATABASE_URL`): the run gets a database and a schema
   * of its own there, which `stop` drops. Without it, PGlite in a temporary folder.
   */
  databaseUrl?: string;
};

/** Options for `startIndexer` that index into `database`. */
export function onDatabase(database: TestDatabase): IndexerOptions {
  return database.kind === "postgres" ? { databaseUrl: database.url } : {};
}

/** The part of the `pg` package used here (Ponder brings it, without type declarations). */
type PgClient = {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
};
type Pg = { Client: new (options: { connectionString: string }) => PgClient };

/** Runs `sql` on the server at `databaseUrl`. */
async function execute(databaseUrl: string, sql: string): Promise<void> {
  // Resolved from Ponder's own folder: `pg` is its dependency, not ours.
  const require = createRequire(fileURLToPath(import.meta.resolve("ponder")));
  const { Client } = require("pg") as Pg;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An indexer started by `indexer/start.ts`, on PGlite in a temporary folder or in a database and
 * schema of its own on PostgreSQL.
 */
export type RunningIndexer = {
  url: string;
  /** The PostgreSQL database and schema it writes to, made for this run (none on PGlite). */
  postgres: { database: string; schema: string } | undefined;
  /** POSTs a GraphQL query and returns its `data` (fails on GraphQL errors). */
  query<T>(query: string): Promise<T>;
  /** Resolves once the indexer is ready and has indexed block `block` (within `timeoutMs`, default
   * 45 s); returns the wait in ms. */
  caughtUp(block: bigint, timeoutMs?: number): Promise<number>;
  /** Everything the indexer printed (the last 20,000 characters). */
  output(): string;
  /** Stops it and removes what it wrote (its temporary folder; its database on PostgreSQL). */
  stop(): Promise<void>;
};

/**
 * Starts the indexer the way `npm run indexer` does (`node indexer/start.ts`) against `rpcUrl`,
 * with `deployment` written as an Ignition `deployed_addresses.json` in a temporary folder, on
 * PGlite there or, with `options.databaseUrl`, on PostgreSQL.
 */
export async function startIndexer(
  rpcUrl: string,
  deployment: Deployment,
  options: IndexerOptions = {},
): Promise<RunningIndexer> {
  const { databaseUrl } = options;
  // On a server every run gets a database of its own, not only a schema: Ponder keeps the blocks
  // and logs it fetched in a `ponder_sync` schema shared by the database's indexers, keyed by chain
  // id and block number, and reads a backfill's events back from there, so a run on another
  // 31337 chain (a restarted or reverted node) would index the previous chain's logs at those
  // heights. `stop` drops the database: runs neither collide nor leave anything behind.
  const id = randomBytes(6).toString("hex");
  const postgres = databaseUrl ? { database: `remix_test_${id}`, schema: `test_${id}` } : undefined;
  let runUrl: string | undefined;
  if (databaseUrl && postgres) {
    await execute(databaseUrl, `CREATE DATABASE "${postgres.database}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${postgres.database}`;
    runUrl = url.toString();
  }
  const dir = mkdtempSync(join(tmpdir(), "remix-indexer-"));
  const deploymentFile = join(dir, "deployed_addresses.json");
  writeFileSync(
    deploymentFile,
    JSON.stringify({
      "RemixProtocol#RemixProtocol": deployment.protocol,
      "RemixProtocol#Licensing": deployment.licensing,
    }),
  );
  const port = await freePort();
  // Only what we ask for: a DATABASE_URL or DATABASE_SCHEMA of the caller's shell must not send a
  // PGlite run to some server, or a PostgreSQL run elsewhere.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  if (runUrl) env.DATABASE_URL = runUrl;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      `${root}indexer/start.ts`,
      "--rpc-url",
      rpcUrl,
      "--deployment",
      deploymentFile,
      "--from-block",
      `${deployment.fromBlock}`,
      "--port",
      `${port}`,
      "--data-dir",
      join(dir, "pglite"),
      ...(postgres ? ["--schema", postgres.schema] : []),
    ],
    // Its own process group, so that stopping it also stops the Ponder process it runs.
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  return {
    url,
    postgres,
    output: () => output,
    async query<T>(query: string): Promise<T> {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (!response.ok || body.errors || !body.data) {
        throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
      }
      return body.data;
    },
    async caughtUp(block: bigint, timeoutMs = 45_000): Promise<number> {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        if (!running()) throw new Error(`the indexer exited:\n${output}`);
        const ready = await fetch(`${url}/ready`).then(
          (response) => response.ok,
          () => false,
        );
        if (ready) {
          const status = (await (await fetch(`${url}/status`)).json()) as Record<
            string,
            { block: { number: number } }
          >;
          if (Object.values(status).every((chain) => BigInt(chain.block.number) >= block)) {
            return Date.now() - started;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(
        `the indexer did not catch up with block ${block} in ${timeoutMs / 1000} s:\n${output}`,
      );
    },
    async stop(): Promise<void> {
      if (running()) {
        killGroup("SIGTERM");
        const timeout = setTimeout(() => killGroup("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timeout);
      }
      // Ponder may leave a child behind on a forced stop: end the group in any case.
      killGroup("SIGKILL");
      process.removeListener("exit", onExit);
      rmSync(dir, { recursive: true, force: true });
      // FORCE: a connection Ponder left open must not keep the database alive.
      if (databaseUrl && postgres) {
        await execute(databaseUrl, `DROP DATABASE IF EXISTS "${postgres.database}" WITH (FORCE)`);
      }
    },
  };
}
