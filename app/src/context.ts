// The deployment, the indexer and a reading client, shared by every page.
import { createContext, useContext } from "react";
import type { PublicClient } from "viem";
import type { AppConfig } from "./config.ts";

/** What every page reads with. */
export type Remix = AppConfig & { publicClient: PublicClient };

/** Provided once by `main.tsx`. */
export const RemixContext = createContext<Remix | null>(null);

/** The deployment, indexer URL and reading client. */
export function useRemix(): Remix {
  const remix = useContext(RemixContext);
  if (!remix) throw new Error("useRemix outside <RemixContext>");
  return remix;
}
