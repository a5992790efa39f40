// ERC-20 approvals a write needs, asked for before the write itself so that it never fails on an
// allowance: exactly the amount the prepared call may pull, never an unlimited one.
import type { Address, PublicClient, WalletClient } from "viem";
import {
  approveToken,
  type Deployment,
  getAllowanceShortfalls,
  type PreparedCall,
} from "../../../sdk/index.js";
import { formatTokenAmount, type TokenInfo } from "./tokens.ts";
import type { WriteProgress } from "./useWrite.ts";

/** What an approval flow needs: the wallet, a reader, the deployment and the token list. */
export type ApprovalContext = {
  walletClient: WalletClient;
  publicClient: PublicClient;
  deployment: Deployment;
  tokens: readonly TokenInfo[] | undefined;
};

/** Sends one approval per token `call` may pull more of than `owner` allows, one at a time. */
export async function approveShortfalls(
  { walletClient, publicClient, deployment, tokens }: ApprovalContext,
  owner: Address,
  call: Pick<PreparedCall, "pulls">,
  progress: WriteProgress,
): Promise<void> {
  const shortfalls = await getAllowanceShortfalls(publicClient, { deployment, owner, call });
  for (const { token, spender, amount } of shortfalls) {
    progress.step(`Approve ${formatTokenAmount(amount, token, tokens)} for the protocol`);
    await approveToken(walletClient, {
      deployment,
      token,
      spender,
      amount,
      onSent: progress.onSent,
    });
  }
}
