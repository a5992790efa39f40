// What the SDK costs a dapp: JSON-RPC requests for lineage reads, gas for a creator's claimAll.
import type { Address } from "viem";
import { claimAll, type Deployment, getLineage } from "../../sdk/index.js";
import { hardhatClients } from "../lib/hardhatClients.js";
import { benchSetup } from "./setup.js";

export type LineageRequests = { assets: number; depth: number; requests: number };
export type ClaimAllCost = { assets: number; tokens: number; transactions: number; gas: bigint };

const SIZES = [10, 100, 1_000] as const;

/**
 * Lineage reads of trees of 10, 100 and 1,000 assets (each remix has one parent: the asset a
 * third of its position earlier, so depth grows with size), counting every JSON-RPC request the
 * SDK sends; and `claimAll` by a creator owning 50 assets each paid in ETH and in a token.
 */
export async function sdkBench(): Promise<{ lineage: LineageRequests[]; claimAll: ClaimAllCost }> {
  const setup = await benchSetup();
  const { ethers, connection, creator, payer, ETH, token, protocol, licensing } = setup;
  const multicall3 = await ethers.deployContract("Multicall3");
  let requests = 0;
  const { publicClient, wallets } = await hardhatClients(connection, {
    onRequest: () => void requests++,
  });
  const deployment: Deployment = {
    chainId: await publicClient.getChainId(),
    protocol: (await protocol.getAddress()) as Address,
    licensing: (await licensing.getAddress()) as Address,
    fromBlock: 0n,
    multicall3: (await multicall3.getAddress()) as Address,
  };

  const lineage: LineageRequests[] = [];
  for (const assets of SIZES) {
    const ids = [await setup.original()];
    const depthOf = new Map<bigint, number>([[ids[0] as bigint, 0]]);
    for (let i = 1; i < assets; i++) {
      const parent = ids[Math.floor((i - 1) / 3)] as bigint;
      if ((i - 1) % 3 === 0) await setup.openForRemix(parent);
      const id = await setup.remix([parent], 500);
      ids.push(id);
      depthOf.set(id, (depthOf.get(parent) ?? 0) + 1);
    }
    requests = 0;
    const read = await getLineage(publicClient, { deployment, assetId: ids[0] as bigint });
    if (read.nodes.length !== assets) throw new Error(`lineage read ${read.nodes.length} assets`);
    lineage.push({ assets, depth: Math.max(...depthOf.values()), requests });
  }

  const owned: bigint[] = [];
  for (let i = 0; i < 50; i++) owned.push(await setup.original());
  await protocol.connect(payer).payMany(
    ETH,
    owned,
    owned.map(() => 10n ** 15n),
    {
      value: 50n * 10n ** 15n,
    },
  );
  await protocol.connect(payer).payMany(
    token,
    owned,
    owned.map(() => 10n ** 6n),
  );
  const wallet = wallets.find(
    ({ account }) => account.address.toLowerCase() === creator.address.toLowerCase(),
  );
  if (!wallet) throw new Error("no wallet for the creator");
  const claimed = await claimAll(wallet, {
    deployment,
    tokens: [ETH as Address, token as Address],
  });
  if (claimed.claimed.length !== 2) throw new Error("claimAll missed a token");
  return {
    lineage,
    claimAll: {
      assets: owned.length,
      tokens: 2,
      transactions: claimed.transactions.length,
      gas: claimed.transactions.reduce((sum, { gasUsed }) => sum + gasUsed, 0n),
    },
  };
}
