// The connected wallet with what every write flow needs beside it.
import type { Address } from "viem";
import { useConnection, useWalletClient } from "wagmi";
import { useRemix } from "../context.ts";
import type { ApprovalContext } from "./approvals.ts";
import { useTokens } from "./tokens.ts";

/** The write context and the connected account, or `null` while no wallet is connected. */
export function useApprovalContext(): { context: ApprovalContext; account: Address } | null {
  const { deployment, publicClient } = useRemix();
  const { address } = useConnection();
  const { data: walletClient } = useWalletClient();
  const tokens = useTokens();
  if (!address || !walletClient) return null;
  return {
    context: { walletClient, publicClient, deployment, tokens: tokens.data },
    account: address,
  };
}
