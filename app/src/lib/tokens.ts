// The payment tokens (ETH and every token the protocol ever allowlisted, from the indexer) with
// their symbols and decimals (read from the tokens themselves).
import { useQuery } from "@tanstack/react-query";
import { type Address, erc20Abi, formatUnits, getAddress, zeroAddress } from "viem";
import { useRemix } from "../context.ts";
import { indexerQuery } from "./indexerQuery.ts";

/** A token as the app shows it. */
export type TokenInfo = { address: Address; symbol: string; decimals: number; allowed: boolean };

const ETH_INFO: TokenInfo = { address: zeroAddress, symbol: "ETH", decimals: 18, allowed: true };

/** ETH, then every token the protocol has allowlisted (or did once), by address. */
export function useTokens() {
  const { indexerUrl, publicClient } = useRemix();
  return useQuery({
    queryKey: ["tokens", indexerUrl],
    queryFn: async (): Promise<TokenInfo[]> => {
      const { paymentTokens } = await indexerQuery<{
        paymentTokens: { items: { token: Address; allowed: boolean }[] };
      }>(indexerUrl, `{ paymentTokens(limit: 100, orderBy: "token") { items { token allowed } } }`);
      const listed = paymentTokens.items.filter((row) => row.token !== zeroAddress);
      const details = await Promise.all(
        listed.map(async ({ token, allowed }) => {
          const address = getAddress(token);
          const read = { address, abi: erc20Abi } as const;
          const [symbol, decimals] = await Promise.all([
            publicClient.readContract({ ...read, functionName: "symbol" }).catch(() => "?"),
            publicClient.readContract({ ...read, functionName: "decimals" }).catch(() => 0),
          ]);
          return { address, symbol, decimals, allowed };
        }),
      );
      return [ETH_INFO, ...details];
    },
    staleTime: 60_000,
  });
}

/** `amount` of `token` in its units with its symbol (`1.5 dUSD`); raw units for an unknown token. */
export function formatTokenAmount(
  amount: bigint,
  token: Address,
  tokens: readonly TokenInfo[] | undefined,
): string {
  const info = tokens?.find((t) => t.address.toLowerCase() === token.toLowerCase());
  if (!info) return `${amount} units of ${token}`;
  return `${formatUnits(amount, info.decimals)} ${info.symbol}`;
}

/** `token`'s symbol, or its address when it is not a known payment token. */
export function tokenSymbol(token: Address, tokens: readonly TokenInfo[] | undefined): string {
  return tokens?.find((t) => t.address.toLowerCase() === token.toLowerCase())?.symbol ?? token;
}
