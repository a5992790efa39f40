import { type Address, erc20Abi, isAddressEqual } from "viem";
import { getGasPrice, readContract } from "viem/actions";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { ETH } from "../../utils/constants.js";
import { requireAddress, requireUint } from "../../utils/inputChecks.js";
import { ContractRevertError, UnknownRevertError } from "../../errors/contract.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { claimGraphFromIndexer } from "../../utils/indexedReads.js";
import type { IndexerParameters } from "../../utils/indexer.js";
import { fetchLineageAround } from "../../utils/lineageAround.js";
import { buildLineageGraph, childrenFirst, reachable } from "../../utils/lineageGraph.js";
import { pinBlock, scanProtocolLogs } from "../../utils/protocolLogs.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import { type LogScanParameters, scanOptions } from "../../utils/scanBlocks.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { splitGasBound, claimGasBound } from "../../utils/claimAllBatches.js";
import { planTokenClaim, type SkippedSplit } from "../../utils/claimPlan.js";
import { simulateSplits } from "../../utils/simulateSplits.js";
import { claimPays, type RoyaltyBalance } from "../../utils/splitMath.js";
import { checkedTokens, type TokenAmount, uniqueTokens } from "../../utils/tokenAmounts.js";
import { getOwnedAssets, heldBy } from "./getOwnedAssets.js";

/** Parameters of {@link previewClaimAll}. */
export type PreviewClaimAllParameters = DeploymentParameters &
  BatchReadParameters &
  LogScanParameters &
  IndexerParameters & {
    /** Whose assets to claim for. */
    owner: Address;
    /** The tokens to claim (`ETH` is `address(0)`); default: ETH and every token ever allowlisted. */
    tokens?: readonly Address[] | undefined;
    /**
     * Per token, the least a split must bring the owner's assets, and the least an asset's claim
     * must pay, for the plan to include it. Default: for ETH, the gas it costs at `gasPrice`; for
     * an ERC-20 (whose price the chain does not know), a hundredth of a whole token. `0n` keeps
     * every split and claim that brings anything.
     */
    minValues?: readonly TokenAmount[] | undefined;
    /** The gas price (wei) that values ETH splits and claims; default: the node's current one. */
    gasPrice?: bigint | undefined;
    /**
     * Whether to claim assets the owner holds but did not register (received by transfer, which
     * anyone can send): `"include"` (default) or `"exclude"`. Either way they are listed in
     * `receivedAssetIds`.
     */
    received?: "include" | "exclude" | undefined;
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

/** A split a claim-all leaves out in one token, and why (see `minValues`). */
export type ClaimAllSkippedSplit = SkippedSplit & { token: Address };

/** An owned asset's claim a claim-all leaves out in one token: it pays less than `threshold`. */
export type ClaimAllSkippedClaim = {
  assetId: bigint;
  token: Address;
  amount: bigint;
  threshold: bigint;
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
  /** The same per claimed asset (ascending id), for the assets with anything to claim. */
  perAsset: { assetId: bigint; amounts: TokenAmount[] }[];
  /** The splits to make first: assets with money on its way to an owned asset, children first. */
  splitPlan: ClaimAllSplitPlan;
  /** The claims to make then: owned assets and tokens with something to claim. */
  claimPlan: ClaimAllCallPlan;
  /** Per token, the least a split or claim had to bring to be planned. */
  minValues: TokenAmount[];
  /** The splits left out: they bring the owner nothing, or less than they cost. */
  skippedSplits: ClaimAllSkippedSplit[];
  /** The owned assets' claims left out: they pay less than they cost. */
  skippedClaims: ClaimAllSkippedClaim[];
  /** Owned assets someone else registered (received by transfer), ascending. */
  receivedAssetIds: bigint[];
};

/** What {@link previewClaimAll} rejects with: always a {@link RemixError} subclass. */
export type PreviewClaimAllErrorType = RemixError;

/**
 * What `claimAll` would pay `owner` now, to the wei, without sending anything: finds the owned
 * assets and their descendants, reads their balances in one batch, plans only the splits worth
 * their gas to the owner (see `minValues`: a descendant an attacker hangs under an owned asset
 * cannot make the claim expensive) and replays them with the contract's arithmetic, claim-time
 * splits included. A fixed number of requests whatever the number of assets: the latest block,
 * four log queries, one batch of `ownerOf`, the gas price (unless given), one `decimals()` per
 * ERC-20 without a given minimum, and one batch of balances (a multicall per 250 reads). With
 * `indexer`, the owned assets and the graph below them come from the indexer in one request
 * instead of three log queries; ownership and every balance are still read on chain, so an
 * indexer behind the chain can only leave out what it has not seen yet.
 *
 * @example
 * const { totals, skippedSplits } = await previewClaimAll(publicClient, { owner: "0xA11ce..." });
 * // [{ token: "0x0000000000000000000000000000000000000000", amount: 300000000000000000n }]
 */
export async function previewClaimAll(
  client: AnyClient,
  parameters: PreviewClaimAllParameters,
): Promise<PreviewClaimAllReturnType> {
  const { owner } = parameters;
  requireAddress("owner", owner);
  const givenTokens = parameters.tokens && checkedTokens(parameters.tokens);
  const givenMinimums = checkedMinValues(parameters.minValues);
  if (parameters.gasPrice !== undefined) requireUint("gasPrice", parameters.gasPrice);
  const deployment = resolveDeployment(client, parameters);
  const blockNumber = await pinBlock(client, parameters.blockNumber);
  const scan = { toBlock: blockNumber, ...scanOptions(parameters) };
  // The owner's assets, which it registered, and the graph of them and their descendants (only
  // they can move money into the owner's assets): from the indexer, or from the logs.
  const indexed =
    parameters.indexer === undefined
      ? undefined
      : claimGraphFromIndexer(parameters.indexer, deployment, owner);
  const owning = indexed
    ? indexed.then(({ assetIds }) => heldBy(client, deployment, owner, assetIds, blockNumber))
    : getOwnedAssets(client, { deployment, owner, blockNumber, ...scanOptions(parameters) });
  const [held, created, graph, tokens] = await Promise.all([
    owning,
    indexed
      ? indexed.then(({ created }) => created)
      : scanProtocolLogs(client, deployment, {
          ...scan,
          eventName: "AssetRegistered",
          args: { creator: owner },
        }).then((logs) => new Set(logs.map(({ args }) => args.assetId))),
    indexed
      ? indexed.then(({ edges }) => buildLineageGraph(edges))
      : owning.then((assetIds) =>
          fetchLineageAround(client, deployment, { ...scan, assetIds, direction: "descendants" }),
        ),
    givenTokens ??
      // A token can only be paid while allowlisted, so the tokens ever allowlisted cover every
      // balance, from one log per allowlist change rather than one per payment.
      scanProtocolLogs(client, deployment, { ...scan, eventName: "TokenAllowlistUpdated" }).then(
        (logs) => uniqueTokens([ETH, ...logs.map(({ args }) => args.token)]),
      ),
  ]);
  const receivedAssetIds = held.filter((id) => !created.has(id));
  const owned = parameters.received === "exclude" ? held.filter((id) => created.has(id)) : held;
  const minimums = await defaultMinValues(
    client,
    tokens,
    givenMinimums,
    parameters.gasPrice,
    blockNumber,
  );

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
  const balancesOf = tokens.map(
    (_, t) =>
      new Map<bigint, RoyaltyBalance>(
        assetIds.map((id, i) => {
          const [held, pendingGross, remainder] = results[t * assetIds.length + i] as readonly [
            bigint,
            bigint,
            bigint,
          ];
          return [id, { held, pendingGross, remainder }];
        }),
      ),
  );

  // Plan each token's splits, then make the union of them: `splitMany` splits every listed asset
  // in every listed token, so the exact replay uses the union.
  const ownedSet = new Set(owned);
  const plans = tokens.map((token, t) =>
    planTokenClaim({
      graph,
      owned: ownedSet,
      candidates: assetIds,
      balances: balancesOf[t] as Map<bigint, RoyaltyBalance>,
      thresholdOf: (parentCount) => minimums.split(token, parentCount),
    }),
  );
  const splitIds = childrenFirst(plans.flatMap(({ planned }) => planned));
  const splitTokens = tokens.filter((_, t) => (plans[t]?.planned.length ?? 0) > 0);
  const splitSet = new Set(splitIds);
  const skippedSplits = tokens.flatMap((token, t) =>
    (plans[t]?.skipped ?? [])
      .filter(({ assetId }) => !(splitSet.has(assetId) && splitTokens.includes(token)))
      .map((skip) => ({ ...skip, token })),
  );

  // What each owned asset's claim pays per token: its balance after the splits, split once more
  // by the claim itself (`claimMany` settles an asset before paying it).
  const amounts = tokens.map((token, t) => {
    const balances = balancesOf[t] as Map<bigint, RoyaltyBalance>;
    const after = splitTokens.includes(token)
      ? simulateSplits({ graph, assetIds: splitIds, balances }).balances
      : balances;
    return new Map(
      owned.map((id) => {
        const balance = after.get(id);
        const shares = (graph.parents.get(id) ?? []).map((link) => link.shareBps);
        return [id, balance ? claimPays(balance, shares) : 0n];
      }),
    );
  });
  const claimIds = owned.filter((id) =>
    tokens.some((token, t) => {
      const amount = amounts[t]?.get(id) ?? 0n;
      return amount !== 0n && amount >= minimums.claim(token);
    }),
  );
  const skippedClaims = owned.flatMap((assetId) =>
    claimIds.includes(assetId)
      ? []
      : tokens.flatMap((token, t) => {
          const amount = amounts[t]?.get(assetId) ?? 0n;
          return amount === 0n
            ? []
            : [{ assetId, token, amount, threshold: minimums.claim(token) }];
        }),
  );
  const totals: TokenAmount[] = [];
  tokens.forEach((token, t) => {
    const total = claimIds.reduce((sum, id) => sum + (amounts[t]?.get(id) ?? 0n), 0n);
    if (total !== 0n) totals.push({ token, amount: total });
  });
  const perAsset = claimIds
    .map((assetId) => ({
      assetId,
      amounts: tokens.flatMap((token, t) => {
        const amount = amounts[t]?.get(assetId) ?? 0n;
        return amount === 0n ? [] : [{ token, amount }];
      }),
    }))
    .filter(({ amounts }) => amounts.length > 0);

  return {
    owner,
    blockNumber,
    tokens,
    totals,
    perAsset,
    splitPlan: {
      assetIds: splitIds,
      tokens: splitTokens,
      parentCounts: splitIds.map((id) => graph.parents.get(id)?.length ?? 0),
    },
    claimPlan: {
      assetIds: perAsset.map(({ assetId }) => assetId),
      tokens: totals.map(({ token }) => token),
    },
    minValues: tokens.map((token) => ({ token, amount: minimums.claim(token) })),
    skippedSplits,
    skippedClaims,
    receivedAssetIds,
  };
}

/** `minValues` checked: addresses, amounts, no token twice. */
function checkedMinValues(minValues: readonly TokenAmount[] | undefined): TokenAmount[] {
  if (minValues === undefined) return [];
  const tokens = checkedTokens(minValues.map(({ token }) => token));
  return minValues.map(({ amount }, index) => {
    requireUint(`minValues[${index}].amount`, amount);
    return { token: tokens[index] as Address, amount };
  });
}

/**
 * The thresholds of a plan: the caller's per token, else for ETH the gas of the split (or
 * claim) at the gas price, and for an ERC-20 a hundredth of a whole token (1 unit when it has
 * fewer than 2 decimals or none readable).
 */
async function defaultMinValues(
  client: AnyClient,
  tokens: readonly Address[],
  given: readonly TokenAmount[],
  gasPrice: bigint | undefined,
  blockNumber: bigint,
) {
  const givenFor = (token: Address) => given.find((entry) => isAddressEqual(entry.token, token));
  const needsGasPrice = tokens.some((token) => token === ETH && !givenFor(token));
  let price = gasPrice ?? 0n;
  if (gasPrice === undefined && needsGasPrice) {
    try {
      price = await getGasPrice(client);
    } catch (error) {
      throw toRemixError(error);
    }
  }
  const erc20Minimums = new Map<Address, bigint>(
    await Promise.all(
      tokens
        .filter((token) => token !== ETH && !givenFor(token))
        .map(async (token): Promise<[Address, bigint]> => {
          const decimals = await readContract(client, {
            address: token,
            abi: erc20Abi,
            functionName: "decimals",
            blockNumber,
          }).catch((error: unknown) => {
            // A token without `decimals()` gets the 1-unit minimum; a node failure is an error.
            const remixError = toRemixError(error);
            if (
              remixError instanceof ContractRevertError ||
              remixError instanceof UnknownRevertError
            ) {
              return 0;
            }
            throw remixError;
          });
          return [token, decimals >= 2 ? 10n ** BigInt(decimals - 2) : 1n];
        }),
    ),
  );
  const fixed = (token: Address) => givenFor(token)?.amount ?? erc20Minimums.get(token);
  return {
    split: (token: Address, parentCount: number) =>
      fixed(token) ?? splitGasBound(parentCount) * price,
    claim: (token: Address) => fixed(token) ?? claimGasBound() * price,
  };
}
