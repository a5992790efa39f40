import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Abi,
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  type HttpTransport,
  type PublicClient,
  type TestClient,
  type WalletClient,
  type Account,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry, hardhat } from "viem/chains";
import type { Deployment } from "../../../../sdk/index.js";
import { type NodeKind, nodeAvailable, type RunningNode, startNode } from "./node.js";

/** The default development mnemonic of both hardhat node and anvil (funded accounts). */
const MNEMONIC = "test test test test test test test test test test test junk";
const root = fileURLToPath(new URL("../../../../", import.meta.url));

export const FEE_BPS = 1_000;
export const MAX_FEE_BPS = 2_000;
/** Notice, in seconds, of fee changes (two days). */
export const FEE_DELAY = 2 * 24 * 60 * 60;

type Artifact = { abi: Abi; bytecode: Hex };
export function artifact(path: string): Artifact {
  return JSON.parse(readFileSync(`${root}artifacts/contracts/${path}`, "utf8"));
}

export type Wallet = WalletClient<HttpTransport, Chain, Account>;

/** One node with the protocol deployed, and clients for the test accounts. */
export type SdkEnv = {
  node: RunningNode;
  chain: Chain;
  publicClient: PublicClient<HttpTransport, Chain>;
  testClient: TestClient<"hardhat" | "anvil", HttpTransport, Chain>;
  /** HTTP requests `publicClient` has sent (to measure batching). */
  requests: { count: number };
  deployment: Deployment;
  /** A 6-decimal ERC-20 on the protocol's allowlist ("dUSD"), mintable by anyone. */
  usd: Address;
  admin: Wallet;
  treasury: Wallet;
  alice: Wallet;
  bob: Wallet;
  carol: Wallet;
  payer: Wallet;
  stranger: Wallet;
};

function wallet(chain: Chain, url: string, index: number): Wallet {
  return createWalletClient({
    account: mnemonicToAccount(MNEMONIC, { addressIndex: index }),
    chain,
    transport: http(url),
    pollingInterval: 50,
    // Snapshot reverts move the chain backwards: never reuse a cached block number.
    cacheTime: 0,
  });
}

async function deploy(
  env: Omit<SdkEnv, "deployment" | "usd">,
  name: string,
  args: readonly unknown[],
): Promise<{ address: Address; blockNumber: bigint }> {
  const { abi, bytecode } = artifact(name);
  const hash = await env.admin.deployContract({ abi, bytecode, args });
  const receipt = await env.publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error(`${name} was not deployed`);
  return { address: receipt.contractAddress, blockNumber: receipt.blockNumber };
}

async function createEnv(kind: NodeKind): Promise<SdkEnv> {
  const node = await startNode(kind);
  const chain = kind === "hardhat" ? hardhat : foundry;
  const requests = { count: 0 };
  const publicClient = createPublicClient({
    chain,
    transport: http(node.url, { onFetchRequest: () => void requests.count++ }),
    pollingInterval: 50,
    cacheTime: 0,
  });
  const testClient = createTestClient({ chain, mode: kind, transport: http(node.url) });
  const [admin, treasury, alice, bob, carol, payer, stranger] = [0, 1, 2, 3, 4, 5, 6].map((i) =>
    wallet(chain, node.url, i),
  ) as [Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet];
  const base = { node, chain, publicClient, testClient, requests };
  const env = { ...base, admin, treasury, alice, bob, carol, payer, stranger };

  const protocolArtifact = artifact("RemixProtocol.sol/RemixProtocol.json");
  const protocol = await deploy(env, "RemixProtocol.sol/RemixProtocol.json", [
    admin.account.address,
    treasury.account.address,
    MAX_FEE_BPS,
    FEE_BPS,
    FEE_DELAY,
    [],
  ]);
  const licensing = (await publicClient.readContract({
    address: protocol.address,
    abi: protocolArtifact.abi,
    functionName: "LICENSING",
  })) as Address;
  const multicall = await deploy(env, "mocks/Multicall3.sol/Multicall3.json", []);
  const usd = await deploy(env, "mocks/MockERC20.sol/MockERC20.json", ["Demo USD", "dUSD", 6]);
  const allow = await admin.writeContract({
    address: protocol.address,
    abi: protocolArtifact.abi,
    functionName: "setTokenAllowed",
    args: [usd.address, true],
  });
  await publicClient.waitForTransactionReceipt({ hash: allow });
  return {
    ...env,
    usd: usd.address,
    deployment: {
      chainId: chain.id,
      protocol: protocol.address,
      licensing,
      fromBlock: protocol.blockNumber,
      multicall3: multicall.address,
    },
  };
}

const shared = new Map<NodeKind, Promise<SdkEnv>>();

/** The one node of `kind` this test run shares (started and deployed on first use). */
export function sharedEnv(kind: NodeKind): Promise<SdkEnv> {
  let env = shared.get(kind);
  if (!env) {
    env = createEnv(kind);
    shared.set(kind, env);
  }
  return env;
}

// Root hook: the shared nodes stop when the whole run ends, so the test process can exit.
after(async function () {
  for (const env of shared.values()) (await env.catch(() => undefined))?.node.stop();
});

export const NODE_KINDS: readonly NodeKind[] = ["hardhat", "anvil"];

/**
 * Declares `body` once per node implementation (hardhat node, anvil), each against a real node
 * on 127.0.0.1 with the protocol deployed. Every test starts from the freshly deployed state
 * (snapshot before, revert after). Skips anvil where its binary is not installed. `body` is
 * also given the node's kind.
 */
export function describeOnNodes(
  title: string,
  body: (env: () => SdkEnv, kind: NodeKind) => void,
): void {
  for (const kind of NODE_KINDS) {
    describe(`${title} [${kind} node]`, function () {
      let env: SdkEnv | undefined;
      let snapshot: Hex | undefined;
      before(async function () {
        if (!nodeAvailable(kind)) this.skip();
        this.timeout(120_000);
        env = await sharedEnv(kind);
      });
      beforeEach(async function () {
        snapshot = await env!.testClient.snapshot();
      });
      afterEach(async function () {
        if (snapshot) await env!.testClient.revert({ id: snapshot });
      });
      body(() => {
        if (!env) throw new Error("node not started");
        return env;
      }, kind);
    });
  }
}
