import type { network } from "hardhat";
import {
  type Address,
  type Chain,
  type CustomTransport,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type JsonRpcAccount,
  type PublicClient,
  type WalletClient,
} from "viem";

type Connection = Awaited<ReturnType<typeof network.create>>;

/** A wallet client bound to one of the network's unlocked accounts. */
export type AccountClient = WalletClient<CustomTransport, Chain, JsonRpcAccount>;

/**
 * viem clients over a Hardhat network connection (in-process for the built-in network): one
 * public client and a wallet client per unlocked account, so scripts drive the protocol through
 * the SDK exactly as a dapp would. `onRequest` sees every JSON-RPC request (to count them).
 */
export async function hardhatClients(
  connection: Connection,
  { onRequest }: { onRequest?: (method: string) => void } = {},
): Promise<{
  publicClient: PublicClient<CustomTransport, Chain>;
  wallets: AccountClient[];
}> {
  const { provider } = connection;
  const chainId = Number(await provider.request({ method: "eth_chainId" }));
  const chain = defineChain({
    id: chainId,
    name: connection.networkName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
  // In-process requests are cheap: poll often, never cache a block number.
  const transport = custom({
    request: (request: { method: string; params?: unknown }) => {
      onRequest?.(request.method);
      return provider.request(request as Parameters<typeof provider.request>[0]);
    },
  });
  const options = { chain, transport, pollingInterval: 5, cacheTime: 0 };
  const accounts = (await provider.request({ method: "eth_accounts" })) as Address[];
  return {
    publicClient: createPublicClient(options),
    wallets: accounts.map((account) => createWalletClient({ ...options, account })),
  };
}
