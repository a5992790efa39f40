import { existsSync, readFileSync } from "node:fs";
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type EIP1193Provider,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type Deployment, deploymentFromIgnition } from "../../sdk/index.js";
import { parseWhole } from "./inputs.js";
import { CliError } from "./output.js";

/** The environment variable a signing key is read from (never a command-line argument). */
export const PRIVATE_KEY_VARIABLE = "REMIX_PRIVATE_KEY";

/** Options every command accepts. */
export type GlobalOptions = {
  rpcUrl: string;
  network?: string | undefined;
  deployment?: string | undefined;
  fromBlock?: string | undefined;
  maxBlockRange?: string | undefined;
  indexer?: string | undefined;
  json?: boolean | undefined;
};

/** What a command runs against: clients, the deployment, and a signer when one is configured. */
export type CliContext = {
  publicClient: PublicClient<Transport, Chain>;
  deployment: Deployment;
  /** How log scans are cut (for providers that limit `eth_getLogs` ranges). */
  scan: { maxBlockRange?: bigint };
  /** An indexer of the deployment (`--indexer`): lineage, claim planning and licences read it
   * instead of logs, and the audit compares it. */
  indexer: string | undefined;
  json: boolean;
  /** A wallet client; throws a readable error when no key is configured. */
  wallet(): WalletClient<Transport, Chain, Account>;
};

/**
 * Connects to the chain: `--network <name>` goes through Hardhat (its configured accounts, so keys
 * can live in Hardhat's keystore), otherwise `--rpc-url` with a key from `REMIX_PRIVATE_KEY`. The
 * deployment comes from Ignition's `deployed_addresses.json` for the chain (or `--deployment`).
 */
export async function createContext(options: GlobalOptions): Promise<CliContext> {
  const fromBlock = options.fromBlock ? parseWhole(options.fromBlock, "--from-block") : 0n;
  const maxBlockRange = options.maxBlockRange
    ? parseWhole(options.maxBlockRange, "--max-block-range", 1n)
    : undefined;
  const { transport, signer } = options.network
    ? await hardhatTransport(options.network)
    : { transport: http(options.rpcUrl), signer: envSigner() };
  const chainId = await createPublicClient({ transport })
    .getChainId()
    .catch((error: unknown) => {
      throw new CliError(`cannot reach ${options.network ?? options.rpcUrl}`, { cause: error });
    });
  const chain = defineChain({
    id: chainId,
    name: options.network ?? `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [options.rpcUrl] } },
  });
  const deployment = await readDeployment(options.deployment, chainId, fromBlock);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100, cacheTime: 0 });
  return {
    publicClient,
    deployment,
    scan: maxBlockRange === undefined ? {} : { maxBlockRange },
    indexer: options.indexer,
    json: options.json ?? false,
    wallet() {
      const account = signer();
      return createWalletClient({ chain, transport, account, pollingInterval: 100, cacheTime: 0 });
    },
  };
}

/** The signer from `REMIX_PRIVATE_KEY`, resolved only when a command writes. */
function envSigner(): () => Account {
  return () => {
    const key = process.env[PRIVATE_KEY_VARIABLE];
    if (!key) {
      throw new CliError(
        `no signing key: set ${PRIVATE_KEY_VARIABLE}, or use --network with an account in Hardhat's keystore`,
      );
    }
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
      throw new CliError(`${PRIVATE_KEY_VARIABLE} is not a 32-byte hex private key`);
    }
    return privateKeyToAccount(key as `0x${string}`);
  };
}

/**
 * A transport through a Hardhat network of `hardhat.config.ts`, whose accounts sign (configured
 * keys, including `configVariable`s from the keystore). Loaded only when asked for.
 */
async function hardhatTransport(name: string) {
  const { network } = await import("hardhat");
  const connection = await network.create(name);
  const provider = connection.provider as unknown as EIP1193Provider;
  const [address] = (await provider.request({ method: "eth_accounts" })) as `0x${string}`[];
  return {
    transport: custom(provider),
    signer: () => {
      if (!address) throw new CliError(`network ${name} has no accounts configured`);
      return { address, type: "json-rpc" } as const as unknown as Account;
    },
  };
}

/**
 * The deployment in `file`, else Ignition's file for `chainId` in this directory; batched reads
 * use the chain's Multicall3 when viem knows one (Ignition's local one otherwise).
 */
async function readDeployment(
  file: string | undefined,
  chainId: number,
  fromBlock: bigint,
): Promise<Deployment> {
  const path = file ?? `ignition/deployments/chain-${chainId}/deployed_addresses.json`;
  if (!existsSync(path)) {
    throw new CliError(
      `no deployment for chain ${chainId}: ${path} not found (deploy with Ignition, or pass --deployment)`,
    );
  }
  const addresses = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  // Every chain definition costs ~0.35 s of CPU to import: only when the file names no Multicall3.
  const multicall3 = LOCAL_MULTICALL3 in addresses ? undefined : await knownMulticall3(chainId);
  return deploymentFromIgnition(addresses, {
    chainId,
    fromBlock,
    ...(multicall3 ? { multicall3 } : {}),
  });
}

/** The Ignition future of the Multicall3 the LocalDevelopment module deploys on local nodes. */
const LOCAL_MULTICALL3 = "LocalDevelopment#Multicall3";

/** The Multicall3 viem knows on `chainId`, if any. */
async function knownMulticall3(chainId: number): Promise<`0x${string}` | undefined> {
  const chains = await import("viem/chains");
  const known = Object.values(chains).find((chain) => chain.id === chainId);
  return known?.contracts && "multicall3" in known.contracts
    ? known.contracts.multicall3?.address
    : undefined;
}
