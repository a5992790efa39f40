// The wallet side: one chain (the deployment's), reads over the app server's `/rpc`, and every
// injected wallet (EIP-6963 announcements, and `window.ethereum`).
import { defineChain } from "viem";
import { createConfig, http, injected } from "wagmi";
import type { AppConfig } from "./config.ts";

/** The wagmi configuration for `config`'s chain. */
export function wagmiConfig(config: AppConfig) {
  const chain = defineChain({
    id: config.deployment.chainId,
    name: config.deployment.chainId === 31337 ? "Local node" : `Chain ${config.deployment.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.nodeUrl] } },
  });
  return createConfig({
    chains: [chain],
    // The generic `window.ethereum` connector only where there is one: EIP-6963 wallets announce
    // themselves, and a "Connect Injected" button with nothing behind it would only fail.
    connectors: typeof window !== "undefined" && "ethereum" in window ? [injected()] : [],
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(config.rpcUrl, { batch: true }) },
    // A local node mines in a blink: poll receipts and blocks often.
    pollingInterval: 500,
  });
}
