import type { network } from "hardhat";
import { type Address, parseAbi, type PublicClient } from "viem";
import LocalDevelopmentModule from "../../ignition/modules/LocalDevelopment.js";
import type { Deployment } from "../../sdk/index.js";
import type { AccountClient } from "./hardhatClients.js";

type Connection = Awaited<ReturnType<typeof network.create>>;

/**
 * Deploys the Ignition module `LocalDevelopment` (the protocol with a 10% fee capped at 20%, a
 * 6-decimal test stablecoin on the allowlist, Multicall3 for batched reads) on `connection`, fees
 * to `treasury`. Returns the SDK's deployment and the stablecoin's address.
 */
export async function deployLocalDevelopment(
  connection: Connection,
  publicClient: PublicClient,
  treasury: Address,
): Promise<{ deployment: Deployment; usd: Address }> {
  const deployed = await connection.ignition.deploy(LocalDevelopmentModule, {
    parameters: { RemixProtocol: { treasury, feeBps: 1_000, maxFeeBps: 2_000 } },
  });
  const addressOf = async (contract: { getAddress(): Promise<string> }) =>
    (await contract.getAddress()) as Address;
  return {
    deployment: {
      chainId: await publicClient.getChainId(),
      protocol: await addressOf(deployed.protocol),
      licensing: await addressOf(deployed.licensing),
      fromBlock: 0n,
      multicall3: await addressOf(deployed.multicall3),
    },
    usd: await addressOf(deployed.usd),
  };
}

/** Mints `amount` of the test stablecoin to `wallet`'s own account and waits for it. */
export async function mintTestUsd(
  wallet: AccountClient,
  publicClient: PublicClient,
  usd: Address,
  amount: bigint,
): Promise<void> {
  const hash = await wallet.writeContract({
    address: usd,
    abi: parseAbi(["function mint(address to, uint256 amount)"]),
    functionName: "mint",
    args: [wallet.account.address, amount],
  });
  await publicClient.waitForTransactionReceipt({ hash });
}
