import type { Address } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { ETH } from "../../utils/constants.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { childrenFirst, fetchLineageGraph, reachable } from "../../utils/lineageGraph.js";
import { pinBlock, scanProtocolLogs } from "../../utils/protocolLogs.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { LogScanParameters } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { simulateSplits } from "../../utils/simulateSplits.js";
import { claimable, type RoyaltyBalance } from "../../utils/splitMath.js";
import { checkedTokens, type TokenAmount, uniqueTokens } from "../../utils/tokenAmounts.js";
import { getOwnedAssets } from "./getOwnedAssets.js";

/** Parameters of {@link previewClaimAll}. */
export type PreviewClaimAllParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters & {
    /** Whose assets to claim for. */
    owner: Address;
    /** The tokens to claim (`ETH` is `address(0)`); default: ETH and every token ever allowlisted. */
    tokens?: readonly Address[] | undefined;
  };

/** The calls a claim-all makes: `splitMany(assetIds, tokens)` / `claimMany(assetIds, tokens, to)`. */
export type ClaimAllCallPlan = {
  /** The assets, in the order they must be processed. */
  assetIds: bigint[];
  /** The tokens, each processed for every asset. */
  tokens: Address[];
};

/** The splits of a claim-all, with what sizes their transactions. */
export type ClaimAllSplitPlan = ClaimAllCallPlan & {
  /** How many parents each asset of `assetIds` pays (a split's gas grows with it). */
  parentCounts: number[];
};

/** What {@link previewClaimAll} resolves to. */
export type PreviewClaimAllReturnType = {
  owner: Address;
  /** The block the preview was computed at. */
  blockNumber: bigint;
  /** The tokens looked at. */
  tokens: Address[];
  /** What a claim-all would pay, per token with a non-zero amount, in the order of `tokens`. */
  totals: TokenAmount[];
  /** The same per owned asset (ascending id), for the assets with anything to claim. */
  perAsset: { assetId: bigint; amounts: TokenAmount[] }[];
  /** The splits to make first: assets with money on its way to an owned asset, children first. */
  splitPlan: ClaimAllSplitPlan;
  /** The claims to make then: owned assets and tokens with something to claim. */
  claimPlan: ClaimAllCallPlan;
};

/** What {@link previewClaimAll} rejects with: always a {@link RemixError} subclass. */
export type PreviewClaimAllErrorType = RemixError;

/**
 * What `claimAll` would pay `owner` now, to the wei, without sending anything: finds the owned
 * assets and their descendants, reads their balances in one batch, and replays the splits that
 * would carry the descendants' pending revenue up to the owned assets with the contract's
 * arithmetic. A fixed number of requests whatever the number of assets: the latest block, three
 * log queries and one batch of balances (a multicall per 250 reads).
 *
 * @example
 * const { totals } = await previewClaimAll(publicClient, { owner: "0xA11ce..." });
 * // [{ token: "0x0000000000000000000000000000000000000000", amount: 300000000000000000n }]
 */
export async function previewClaimAll(
  client: AnyClient,
  parameters: PreviewClaimAllParameters,
): Promise<PreviewClaimAllReturnType> {
  const { owner, maxBlockRange } = parameters;
  requireAddress("owner", owner);
  const givenTokens = parameters.tokens && checkedTokens(parameters.tokens);
  const deployment = resolveDeployment(client, parameters);
  const blockNumber = await pinBlock(client, parameters.blockNumber);
  const scan = { toBlock: blockNumber, maxBlockRange };
  const [owned, graph, tokens] = await Promise.all([
    getOwnedAssets(client, { deployment, owner, blockNumber, maxBlockRange }),
    fetchLineageGraph(client, deployment, scan),
    givenTokens ??
      // A token can only be paid while allowlisted, so the tokens ever allowlisted cover every
      // balance, from one log per allowlist change rather than one per payment.
      scanProtocolLogs(client, deployment, { ...scan, eventName: "TokenAllowlistUpdated" }).then(
        (logs) => uniqueTokens([ETH, ...logs.map(({ args }) => args.token)]),
      ),
  ]);

  // Only owned assets and their descendants can carry money to an owned asset.
  const assetIds = childrenFirst([...owned, ...reachable(graph, owned, "descendants")]);
  const results = (await readContracts(
    client,
    deployment,
    tokens.flatMap((token) =>
      assetIds.map(
        (assetId) =>
          ({
            address: deployment.protocol,
            abi: remixProtocolAbi,
            functionName: "royaltyBalance",
            args: [assetId, token],
          }) as const,
      ),
    ),
    { blockNumber },
  )) as unknown[];

  const totals: TokenAmount[] = [];
  const perAsset = new Map<bigint, TokenAmount[]>(owned.map((id) => [id, []]));
  const splitAssets = new Set<bigint>();
  const splitTokens: Address[] = [];
  tokens.forEach((token, t) => {
    const balances = new Map<bigint, RoyaltyBalance>(
      assetIds.map((id, i) => {
        const [held, pendingGross, remainder] = results[t * assetIds.length + i] as readonly [
          bigint,
          bigint,
          bigint,
        ];
        return [id, { held, pendingGross, remainder }];
      }),
    );
    const simulation = simulateSplits({ graph, assetIds, balances });
    simulation.splitAssetIds.forEach((id) => splitAssets.add(id));
    if (simulation.splitAssetIds.length > 0) splitTokens.push(token);
    let total = 0n;
    for (const assetId of owned) {
      const balance = simulation.balances.get(assetId);
      const amount = balance ? claimable(balance) : 0n;
      if (amount === 0n) continue;
      perAsset.get(assetId)?.push({ token, amount });
      total += amount;
    }
    if (total !== 0n) totals.push({ token, amount: total });
  });

  const claimableIds = owned.filter((id) => (perAsset.get(id)?.length ?? 0) > 0);
  const splitIds = childrenFirst(splitAssets);
  return {
    owner,
    blockNumber,
    tokens,
    totals,
    perAsset: claimableIds.map((assetId) => ({ assetId, amounts: perAsset.get(assetId) ?? [] })),
    splitPlan: {
      assetIds: splitIds,
      tokens: splitTokens,
      parentCounts: splitIds.map((id) => graph.parents.get(id)?.length ?? 0),
    },
    claimPlan: { assetIds: claimableIds, tokens: totals.map(({ token }) => token) },
  };
}
