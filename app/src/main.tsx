import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createPublicClient, http } from "viem";
import { WagmiProvider } from "wagmi";
import { App } from "./App.tsx";
import { loadAppConfig } from "./config.ts";
import { RemixContext } from "./context.ts";
import "./styles.css";
import { wagmiConfig } from "./wagmi.ts";

const root = createRoot(document.getElementById("root")!);
try {
  const config = await loadAppConfig();
  const publicClient = createPublicClient({
    transport: http(config.rpcUrl, { batch: true }),
    pollingInterval: 500,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
  });
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmiConfig(config)}>
        <QueryClientProvider client={queryClient}>
          <RemixContext.Provider value={{ ...config, publicClient }}>
            <App />
          </RemixContext.Provider>
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="page">
      <h1>Remix Royalties</h1>
      <p role="alert" className="error">
        The app cannot start: {error instanceof Error ? error.message : String(error)}. Is the indexer running (`npm
        start` runs everything)?
      </p>
    </main>,
  );
}
