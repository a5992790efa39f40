// Connect: the injected wallets found (EIP-6963, `window.ethereum`), the deployment's chain checked
// with a switch prompt, and the account's ETH and token balances.
import { useQuery } from "@tanstack/react-query";
import { erc20Abi, zeroAddress } from "viem";
import { useChainId, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { useRemix } from "../context.ts";
import { errorSentence } from "../lib/errors.ts";
import { formatTokenAmount, useTokens } from "../lib/tokens.ts";

/** The header's wallet panel. */
export function ConnectPanel() {
  const { deployment } = useRemix();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  const walletChainId = useChainId();

  if (connection.status !== "connected" || !connection.address) {
    const failure = connect.error ? errorSentence(connect.error) : null;
    return (
      <section className="wallet" aria-label="Wallet">
        {connectors.length === 0 ? (
          <p>No browser wallet found: install one (or import a dev account into it).</p>
        ) : (
          connectors.map((connector) => (
            <button
              key={connector.uid}
              disabled={connect.isPending}
              onClick={() => connect.mutate({ connector, chainId: deployment.chainId })}
            >
              Connect {connector.name}
            </button>
          ))
        )}
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
      </section>
    );
  }
  const onChain = (connection.chainId ?? walletChainId) === deployment.chainId;
  return (
    <section className="wallet" aria-label="Wallet">
      <span className="account" title={connection.address}>
        {connection.address.slice(0, 6)}…{connection.address.slice(-4)}
      </span>
      {onChain ? (
        <AccountBalances account={connection.address} />
      ) : (
        <span role="alert" className="warning">
          Your wallet is on chain {connection.chainId}; this deployment is on chain {deployment.chainId}.{" "}
          <button onClick={() => switchChain.mutate({ chainId: deployment.chainId })}>Switch network</button>
        </span>
      )}
      <button className="quiet" onClick={() => disconnect.mutate({})}>
        Disconnect
      </button>
    </section>
  );
}

function AccountBalances({ account }: { account: `0x${string}` }) {
  const { publicClient } = useRemix();
  const tokens = useTokens();
  const balances = useQuery({
    queryKey: ["walletBalances", account, tokens.data?.map((t) => t.address)],
    enabled: tokens.data !== undefined,
    queryFn: () =>
      Promise.all(
        (tokens.data ?? []).map(async (token) => ({
          token: token.address,
          amount:
            token.address === zeroAddress
              ? await publicClient.getBalance({ address: account })
              : await publicClient.readContract({
                  address: token.address,
                  abi: erc20Abi,
                  functionName: "balanceOf",
                  args: [account],
                }),
        })),
      ),
    refetchInterval: 4_000,
  });
  return (
    <span className="balances" aria-label="Wallet balances">
      {balances.data?.map(({ token, amount }) => (
        <span key={token}>{formatTokenAmount(amount, token, tokens.data)}</span>
      ))}
    </span>
  );
}
