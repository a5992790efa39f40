/**
 * Mints the local test stablecoin (dUSD, 6 decimals) that the LocalDevelopment Ignition module
 * deploys, to any address, on a local node:
 *
 *   npm run faucet -- <address> [amount] [--rpc-url <url>] [--deployment <file>]
 *
 * The amount is in whole dUSD (decimals allowed), 1,000 by default. The node's first unlocked
 * development account sends the transaction (`MockERC20.mint` is open to anyone), so no key is
 * needed, and a real network, whose nodes unlock no account, cannot run it.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  formatUnits,
  getAddress,
  http,
  isAddress,
  parseAbi,
  parseUnits,
} from "viem";

const DECIMALS = 6;
/** The Ignition future of the dUSD contract in `deployed_addresses.json`. */
const USD_FUTURE = "LocalDevelopment#MockERC20";
const usdAbi = parseAbi([
  "function mint(address to, uint256 amount)",
  "function balanceOf(address owner) view returns (uint256)",
]);

try {
  // Inside the try: an unknown option is a one-line error too, not a stack trace.
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "rpc-url": { type: "string", default: "http://127.0.0.1:8545" },
      deployment: { type: "string" },
    },
  });
  const [recipient, amount = "1000"] = positionals;
  if (!recipient || !isAddress(recipient) || positionals.length > 2) {
    throw new Error("usage: npm run faucet -- <address> [amount] [--rpc-url <url>]");
  }
  if (!/^\d+(\.\d{1,6})?$/.test(amount)) {
    throw new Error(`amount ${amount}: expected whole dUSD with at most 6 decimals, e.g. 250.5`);
  }
  await mint(values["rpc-url"], values.deployment, getAddress(recipient), amount);
} catch (error) {
  console.error(`faucet: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/** Mints `amount` dUSD to `recipient` through the node at `rpcUrl`, and prints the new balance. */
async function mint(rpcUrl: string, file: string | undefined, recipient: Address, amount: string) {
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const chainId = await publicClient.getChainId();
  const usd = readUsd(file ?? `ignition/deployments/chain-${chainId}/deployed_addresses.json`);
  const wallet = createWalletClient({ transport: http(rpcUrl) });
  const [sender] = await wallet.getAddresses();
  if (!sender) throw new Error(`the node at ${rpcUrl} has no unlocked account to send the mint`);
  const hash = await wallet.writeContract({
    account: sender,
    address: usd,
    abi: usdAbi,
    functionName: "mint",
    args: [recipient, parseUnits(amount, DECIMALS)],
    chain: null,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  if (receipt.status !== "success") throw new Error(`the mint reverted (transaction ${hash})`);
  const balance = await publicClient.readContract({
    address: usd,
    abi: usdAbi,
    functionName: "balanceOf",
    args: [recipient],
  });
  console.log(
    `minted ${amount} dUSD to ${recipient}, which now holds ${formatUnits(balance, DECIMALS)} dUSD (${usd})`,
  );
}

/** dUSD's address from an Ignition `deployed_addresses.json` of the LocalDevelopment module. */
function readUsd(path: string): Address {
  if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run deploy:local\` first`);
  const address = (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>)[USD_FUTURE];
  if (!address || !isAddress(address)) {
    throw new Error(`${path} has no ${USD_FUTURE}: deploy ignition/modules/LocalDevelopment.ts`);
  }
  return address;
}
