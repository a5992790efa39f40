// Reads at scale, without an indexer: a protocol of 1,000 / 10,000 (/ 100,000) assets is built on
// anvil (a tree of remixes, every asset paid once, a thousand splits), then lineage, a creator's
// balance and the whole audit are read through the SDK over HTTP, counting requests, bytes and
// time. Usage: `npm run bench:scale` (1,000 and 10,000 assets), or with the sizes in
// `SCALE_ASSETS`, e.g. `SCALE_ASSETS="1000 10000 100000" npm run bench:scale`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  parseAbi,
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
import { startNode } from "../test/mocha/sdk/helpers/node.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const SIZES = (process.env.SCALE_ASSETS ?? "1000 10000").trim().split(/\s+/).map(Number);
if (SIZES.some((size) => !Number.isInteger(size) || size < 10)) {
  throw new Error(
    `SCALE_ASSETS="${process.env.SCALE_ASSETS}": expected asset counts of at least 10`,
  );
}
/** Assets registered per transaction, and payments per `payMany`: about 400 logs a block, dense
 * for a real chain (the scans size their block ranges by it). */
const PER_BUILD = 100;
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
  const node = await startNode("anvil", {
    args: ["--gas-limit", "100000000000"],
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
    const builderAbi = parseAbi(["function build(uint256 count, address holder, uint256 every)"]);
    for (let done = 0; done < assets; done += PER_BUILD) {
      await send(
        admin.writeContract({
          address: builder.address,
          abi: builderAbi,
          functionName: "build",
          args: [BigInt(Math.min(PER_BUILD, assets - done)), holder, HOLDER_EVERY],
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
    return { assets, builtIn, lineage, family, balance, audit };
  } finally {
    node.stop();
  }
}

const cell = ({ requests, bytes, ms }: ReadCost) =>
  `${requests} req, ${(bytes / 1e6).toFixed(2)} MB, ${ms.toLocaleString("en-US")} ms`;

const rows: string[] = [];
for (const assets of SIZES) {
  const result = await measure(assets);
  console.error(`built ${assets.toLocaleString("en-US")} assets in ${result.builtIn} ms`);
  rows.push(
    `| ${assets.toLocaleString("en-US")} | ${cell(result.lineage)} | ${cell(result.family)} | ${cell(result.balance)} | ${cell(result.audit)} |`,
  );
}
console.log("Reads at scale through the SDK alone (anvil, no indexer)\n");
console.log(
  "| assets | lineage: ancestors of the newest asset | lineage: both sides of a middle asset | balance of a creator of 1% of assets | audit of everything |",
);
console.log("| ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
