import {
  type Abi,
  type Account,
  type Chain,
  type Hex,
  parseAbi,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import type { Deployment } from "../../sdk/index.js";

/** What {@link buildScaleLineage} takes. */
export type ScaleLineageParameters = {
  /** Sends the transactions, and receives the original. */
  wallet: WalletClient<Transport, Chain, Account>;
  publicClient: PublicClient;
  deployment: Deployment;
  /** The `ScaleStateBuilder` mock's compiled artifact (contracts/mocks/ScaleStateBuilder.sol). */
  builder: { abi: Abi; bytecode: Hex };
  /** How many assets the lineage holds, its original included. */
  size: number;
};

const BUILDER_ABI = parseAbi([
  "function build(uint256 count, address holder, uint256 every, uint256 originalEvery)",
  "function firstAssetId() view returns (uint256)",
]);
/** 50 registrations a transaction fit a block's gas limit on both nodes. */
const PER_TRANSACTION = 50;

/**
 * Deploys the `ScaleStateBuilder` fixture and registers a `size`-asset lineage with it: one
 * original (sent to `wallet`'s account) and every other asset a remix somewhere below it (10%
 * each, a random tree). Returns the original's id, the lineage's root. For the app's browser test
 * and its benchmark.
 */
export async function buildScaleLineage({
  wallet,
  publicClient,
  deployment,
  builder,
  size,
}: ScaleLineageParameters): Promise<bigint> {
  const deployHash = await wallet.deployContract({
    abi: builder.abi,
    bytecode: builder.bytecode,
    args: [deployment.protocol, deployment.licensing],
  });
  const { contractAddress } = await publicClient.waitForTransactionReceipt({ hash: deployHash });
  if (!contractAddress) throw new Error(`the ScaleStateBuilder was not deployed (${deployHash})`);
  for (let done = 0; done < size; done += PER_TRANSACTION) {
    const hash = await wallet.writeContract({
      address: contractAddress,
      abi: BUILDER_ABI,
      functionName: "build",
      // No holder or original after the first: the "every" intervals exceed any size.
      args: [
        BigInt(Math.min(PER_TRANSACTION, size - done)),
        wallet.account.address,
        10n ** 9n,
        10n ** 9n,
      ],
      gas: 25_000_000n,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`building the lineage reverted (${hash})`);
  }
  return publicClient.readContract({
    address: contractAddress,
    abi: BUILDER_ABI,
    functionName: "firstAssetId",
  });
}
