// Reads at scale, without and with the indexer: a protocol of 1,000 / 10,000 (/ 100,000) assets
// is built on anvil (a tree of remixes, every asset paid once, a thousand splits), then lineage, a
// creator's balance and the whole audit are read through the SDK over HTTP, counting requests,
// bytes and time; then the indexer indexes the chain (events per second) and the same questions,
// and the earnings and claim plan of the owner of 99% of the assets, are asked through it, and
// `remix audit --indexer` is run. Usage: `npm run bench:scale` (1,000 and 10,000 assets), or with the sizes in
// `SCALE_ASSETS`, e.g. `SCALE_ASSETS="1000 10000 100000" npm run bench:scale`; the indexer runs
// on PGlite, or on PostgreSQL with `SCALE_DATABASE_URL`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  numberToHex,
  parseAbi,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import {
  auditProtocol,
  type Deployment,
  ETH,
  getLineage,
  previewClaimAll,
  remixProtocolAbi,
} from "../sdk/index.js";
import { startIndexer } from "../test/mocha/indexer/run.js";
import { startNode } from "../test/mocha/sdk/helpers/node.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const SIZES = (process.env.SCALE_ASSETS ?? "1000 10000").trim().split(/\s+/).map(Number);
if (SIZES.some((size) => !Number.isInteger(size) || size < 10)) {
  throw new Error(
    `SCALE_ASSETS="${process.env.SCALE_ASSETS}": expected asset counts of at least 10`,
  );
}
/** The indexer stores in PGlite, or in the PostgreSQL server of `SCALE_DATABASE_URL`. */
const DATABASE_URL = process.env.SCALE_DATABASE_URL || undefined;
const DATABASE = DATABASE_URL ? "PostgreSQL" : "PGlite";
/** Assets registered per transaction, and payments per `payMany`: about 400 logs a block, dense
 * for a real chain (the scans size their block ranges by it). Above 20,000 assets, a two-hundredth
 * of them per transaction (500 at 100,000), so the state builds in minutes. */
const PER_BUILD = 100;
const perBuild = (assets: number) => Math.max(PER_BUILD, Math.floor(assets / 200));
const PER_PAYMENT = 400;
/** Every hundredth asset goes to the creator whose balance is read. */
const HOLDER_EVERY = 100n;

type Artifact = { abi: Abi; bytecode: Hex };
const artifact = (path: string): Artifact =>
  JSON.parse(readFileSync(`${root}artifacts/contracts/${path}`, "utf8")) as Artifact;

/** What one read cost. */
type ReadCost = { requests: number; bytes: number; ms: number };

/** Builds a protocol of `assets` assets on a fresh anvil and measures the three reads. */
async function measure(assets: number) {
  // Every read is at the latest block: keeping a few states (not every block's) bounds anvil's
  // memory at 100,000 assets.
  const node = await startNode("anvil", {
    args: ["--gas-limit", "100000000000", "--prune-history", "64"],
  });
  try {
    const account = (addressIndex: number) =>
      mnemonicToAccount("test test test test test test test test test test test junk", {
        addressIndex,
      });
    const admin = createWalletClient({
      account: account(0),
      chain: foundry,
      transport: http(node.url),
    });
    const holder = account(2).address;
    const reader = createPublicClient({ chain: foundry, transport: http(node.url) });
    const send = async (hash: Promise<Hex>) => {
      const receipt = await reader.waitForTransactionReceipt({
        hash: await hash,
        pollingInterval: 20,
      });
      if (receipt.status !== "success")
        throw new Error(`transaction ${receipt.transactionHash} reverted`);
      return receipt;
    };
    const deploy = async (path: string, args: readonly unknown[]) => {
      const { abi, bytecode } = artifact(path);
      const receipt = await send(admin.deployContract({ abi, bytecode, args }));
      return { address: receipt.contractAddress as Address, blockNumber: receipt.blockNumber };
    };
    const protocol = await deploy("RemixProtocol.sol/RemixProtocol.json", [
      admin.account.address,
      admin.account.address,
      2_000,
      1_000,
      172_800,
      [],
    ]);
    const licensing = await reader.readContract({
      address: protocol.address,
      abi: remixProtocolAbi,
      functionName: "LICENSING",
    });
    const multicall = await deploy("mocks/Multicall3.sol/Multicall3.json", []);
    const builder = await deploy("mocks/ScaleStateBuilder.sol/ScaleStateBuilder.json", [
      protocol.address,
      licensing,
    ]);
    const deployment: Deployment = {
      chainId: foundry.id,
      protocol: protocol.address,
      licensing,
      fromBlock: protocol.blockNumber,
      multicall3: multicall.address,
    };

    const started = Date.now();
    const builderAbi = parseAbi([
      "function build(uint256 count, address holder, uint256 every, uint256 originalEvery)",
    ]);
    const batch = perBuild(assets);
    for (let done = 0; done < assets; done += batch) {
      await send(
        admin.writeContract({
          address: builder.address,
          abi: builderAbi,
          functionName: "build",
          args: [BigInt(Math.min(batch, assets - done)), holder, HOLDER_EVERY, 10n],
          gas: 2_000_000_000n,
        }),
      );
    }
    for (let first = 1; first <= assets; first += PER_PAYMENT) {
      const ids = Array.from({ length: Math.min(PER_PAYMENT, assets - first + 1) }, (_, i) =>
        BigInt(first + i),
      );
      await send(
        admin.writeContract({
          address: protocol.address,
          abi: remixProtocolAbi,
          functionName: "payMany",
          args: [ETH, ids, ids.map(() => 10n ** 12n)],
          value: BigInt(ids.length) * 10n ** 12n,
          gas: 2_000_000_000n,
        }),
      );
    }
    // A thousand remixes (never a tenth asset, the originals) pass their share up.
    const splits = Array.from({ length: Math.min(1_000, assets) }, (_, i) => BigInt(i + 2)).filter(
      (id) => (id - 1n) % 10n !== 0n,
    );
    await send(
      admin.writeContract({
        address: protocol.address,
        abi: remixProtocolAbi,
        functionName: "splitMany",
        args: [splits, splits.map(() => ETH)],
        gas: 2_000_000_000n,
      }),
    );
    const builtIn = Date.now() - started;

    /** Runs `read` through a fresh client that counts its requests and the bytes it receives. */
    const metered = async (
      read: (client: typeof reader) => Promise<unknown>,
    ): Promise<ReadCost> => {
      const cost = { requests: 0, bytes: 0, ms: 0 };
      const client = createPublicClient({
        chain: foundry,
        transport: http(node.url, {
          onFetchRequest: () => void cost.requests++,
          onFetchResponse: (response) => {
            cost.bytes += Number(response.headers.get("content-length") ?? 0);
          },
        }),
      });
      const begin = performance.now();
      await read(client);
      cost.ms = Math.round(performance.now() - begin);
      return cost;
    };
    const last = BigInt(assets);
    const lineage = await metered((client) =>
      getLineage(client, { deployment, assetId: last, direction: "ancestors" }),
    );
    const family = await metered((client) =>
      getLineage(client, { deployment, assetId: last / 2n }),
    );
    const balance = await metered((client) =>
      previewClaimAll(client, { deployment, owner: holder }),
    );
    const audit = await metered(async (client) => {
      const result = await auditProtocol(client, { deployment });
      if (!result.ok) throw new Error(`the audit of ${assets} assets failed`);
    });
    const viaIndexer = await measureIndexer(node.url, deployment, metered, {
      assets,
      last,
      holder,
      owner: builder.address,
    });
    return { assets, builtIn, lineage, family, balance, audit, viaIndexer };
  } finally {
    node.stop();
  }
}

/**
 * The same questions through the indexer: it is started on the built chain and timed to
 * its backfill (events per second, Ponder's start included); then each read counts the node's
 * requests and the indexer's, and the bytes of both.
 */
async function measureIndexer(
  rpcUrl: string,
  deployment: Deployment,
  metered: (read: (client: PublicClient) => Promise<unknown>) => Promise<ReadCost>,
  {
    assets,
    last,
    holder,
    owner,
  }: { assets: number; last: bigint; holder: Address; owner: Address },
) {
  const chain = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
  const testClient = createTestClient({ chain: foundry, mode: "anvil", transport: http(rpcUrl) });
  // Under Ponder's finality depth, so the backfill reads it all; one block per call.
  for (let i = 0; i < 40; i++) await testClient.mine({ blocks: 1 });
  const head = await chain.getBlockNumber();
  // Every log of both contracts, counted a few blocks at a time (about 20,000 logs a request).
  const step = BigInt(Math.max(1, Math.floor((10 * PER_BUILD) / perBuild(assets))));
  let events = 0;
  for (let from = deployment.fromBlock; from <= head; from += step) {
    const logs = await chain.request({
      method: "eth_getLogs",
      params: [
        {
          address: [deployment.protocol, deployment.licensing],
          fromBlock: numberToHex(from),
          toBlock: numberToHex(from + step - 1n > head ? head : from + step - 1n),
        },
      ],
    });
    events += logs.length;
  }
  const started = performance.now();
  const indexer = await startIndexer(rpcUrl, deployment, { databaseUrl: DATABASE_URL });
  try {
    await indexer.caughtUp(head, 30 * 60_000);
    const syncMs = performance.now() - started;
    // The SDK reaches the indexer with `fetch`: count those requests and bytes too.
    const plainFetch = globalThis.fetch;
    const withIndexer = async (read: (client: PublicClient) => Promise<unknown>) => {
      const seen = { requests: 0, bytes: 0 };
      globalThis.fetch = async (input, init) => {
        const response = await plainFetch(input, init);
        if (String(input).startsWith(indexer.url)) {
          seen.requests++;
          seen.bytes += (await response.clone().arrayBuffer()).byteLength;
        }
        return response;
      };
      try {
        const cost = await metered(read);
        return { ...cost, requests: cost.requests + seen.requests, bytes: cost.bytes + seen.bytes };
      } finally {
        globalThis.fetch = plainFetch;
      }
    };
    const url = indexer.url;
    const lineage = await withIndexer((client) =>
      getLineage(client, { deployment, assetId: last, direction: "ancestors", indexer: url }),
    );
    const family = await withIndexer((client) =>
      getLineage(client, { deployment, assetId: last / 2n, indexer: url }),
    );
    const balance = await withIndexer((client) =>
      previewClaimAll(client, { deployment, owner: holder, indexer: url }),
    );
    const earnings = () =>
      fetch(`${url}/owners/${owner}/earnings`).then((response) => response.json());
    const ownerEarnings = await withIndexer(earnings);
    // Asked again, as a dashboard does: the median of five.
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push((await withIndexer(earnings)).ms);
    const ownerEarningsAgain = again.sort((a, b) => a - b)[2] as number;
    const ownerPlan = await withIndexer((client) =>
      previewClaimAll(client, { deployment, owner, indexer: url }),
    );
    const audit = await withIndexer(async (client) => {
      const result = await auditProtocol(client, { deployment, indexer: url });
      if (!result.ok) throw new Error("the three-way audit failed");
    });
    const cliAudit = remixAudit(rpcUrl, deployment, url);
    return {
      events,
      syncMs,
      eventsPerSecond: Math.round(events / (syncMs / 1000)),
      lineage,
      family,
      balance,
      ownerEarnings,
      ownerEarningsAgain,
      ownerPlan,
      audit,
      cliAudit,
    };
  } finally {
    await indexer.stop();
  }
}

/**
 * `remix audit --indexer` as an auditor runs it (the built CLI, in its own process): its time, and
 * it must exit 0 (a failed audit or any disagreement exits non-zero).
 */
function remixAudit(rpcUrl: string, deployment: Deployment, indexerUrl: string): number {
  const dir = mkdtempSync(join(tmpdir(), "remix-scale-"));
  try {
    const file = join(dir, "deployed_addresses.json");
    writeFileSync(
      file,
      JSON.stringify({
        "RemixProtocol#RemixProtocol": deployment.protocol,
        "RemixProtocol#Licensing": deployment.licensing,
        // As the LocalDevelopment module records it: the CLI batches its reads through it.
        ...(deployment.multicall3 && { "LocalDevelopment#Multicall3": deployment.multicall3 }),
      }),
    );
    const begin = performance.now();
    execFileSync(
      process.execPath,
      [
        `${root}dist/cli/remix.js`,
        ...["--rpc-url", rpcUrl, "--deployment", file, "--from-block", `${deployment.fromBlock}`],
        ...["--indexer", indexerUrl, "audit"],
      ],
      { stdio: "ignore" },
    );
    return Math.round(performance.now() - begin);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cell = ({ requests, bytes, ms }: ReadCost) =>
  `${requests} req, ${(bytes / 1e6).toFixed(2)} MB, ${ms.toLocaleString("en-US")} ms`;

// The `remix` CLI as it ships (dist/cli/remix.js), for the auditor's command.
execFileSync(process.execPath, [`${root}scripts/build-sdk.ts`], { stdio: "ignore" });
const rows: string[] = [];
const indexerRows: string[] = [];
const syncRows: string[] = [];
for (const assets of SIZES) {
  const result = await measure(assets);
  console.error(`built ${assets.toLocaleString("en-US")} assets in ${result.builtIn} ms`);
  const size = assets.toLocaleString("en-US");
  rows.push(
    `| ${size} | ${cell(result.lineage)} | ${cell(result.family)} | ${cell(result.balance)} | ${cell(result.audit)} |`,
  );
  const i = result.viaIndexer;
  indexerRows.push(
    `| ${size} | ${cell(i.lineage)} | ${cell(i.family)} | ${cell(i.balance)} | ${cell(i.ownerEarnings)}; again ${i.ownerEarningsAgain} ms | ${cell(i.ownerPlan)} | ${cell(i.audit)} | passed in ${i.cliAudit.toLocaleString("en-US")} ms |`,
  );
  syncRows.push(
    `| ${size} | ${i.events.toLocaleString("en-US")} | ${Math.round(i.syncMs).toLocaleString("en-US")} ms | ${i.eventsPerSecond.toLocaleString("en-US")} |`,
  );
}
console.log("Reads at scale through the SDK alone (anvil, no indexer)\n");
console.log(
  "| assets | lineage: ancestors of the newest asset | lineage: both sides of a middle asset | balance of a creator of 1% of assets | audit of everything |",
);
console.log("| ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
console.log(
  `\nThe same through the indexer (${DATABASE}; requests and bytes to the node and the indexer)\n`,
);
console.log(
  "| assets | lineage: ancestors of the newest asset | lineage: both sides of a middle asset | balance of a creator of 1% of assets | earnings of the owner of 99% (indexer; asked again: median of 5) | claim plan of the owner of 99% | three-way audit | `remix audit --indexer` |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of indexerRows) console.log(row);
console.log(`\nIndexer backfill (${DATABASE}, 2 cores; Ponder's start included)\n`);
console.log("| assets | events | caught up after | events per second |");
console.log("| ---: | ---: | ---: | ---: |");
for (const row of syncRows) console.log(row);
