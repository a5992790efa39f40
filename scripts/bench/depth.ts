// The lazy engine against the naive design, at remix depths 1, 10, 100 and 1,000.
import { benchSetup } from "./setup.js";

/** One depth's figures (gas). */
export type DepthRow = {
  depth: number;
  /** The naive reference's payment: it credits every ancestor in the same transaction. */
  naivePay: bigint;
  /** The protocol's payment: one credit, whatever the depth. */
  lazyPay: bigint;
  /** The protocol's `splitMany` over the whole chain: moving that payment to every ancestor. */
  lazySplitAll: bigint;
};

const DEPTHS = [1, 10, 100, 1_000] as const;
const ONE_ETH = 10n ** 18n;
/** `splitMany` of a 1,000-asset chain would exceed a block; it runs in chunks of this many. */
const SPLIT_CHUNK = 250;

/**
 * Pays a 1 ETH use of the deepest asset of a chain (every asset gives its parent 30%) in steady
 * state (each balance written already holds money), in the naive reference and in the protocol,
 * and measures the protocol's splits that carry the payment to the root.
 */
export async function depthBench(): Promise<DepthRow[]> {
  const { ethers, payer, ETH, protocol, original, chain, openForRemix, gasOf } = await benchSetup();
  const naive = await ethers.deployContract("NaivePushRoyalties", [1_000]);
  const rows: DepthRow[] = [];
  for (const depth of DEPTHS) {
    // The naive chain: asset 1 is the root, asset depth + 1 the paid leaf.
    const first = (await naive.totalAssets()) + 1n;
    await naive.register(0, 0);
    for (let d = 1; d <= depth; d++) await naive.register(first + BigInt(d - 1), 3_000);
    const naiveLeaf = first + BigInt(depth);
    await naive.connect(payer).pay(naiveLeaf, { value: ONE_ETH });
    const naivePay = await gasOf(naive.connect(payer).pay(naiveLeaf, { value: ONE_ETH }));

    const root = await original();
    await openForRemix(root);
    const ids = await chain(root, depth);
    const leaf = ids[depth] as bigint;
    const leafFirst = [...ids].reverse().slice(0, depth); // the remixes, leaf first
    // Warm-up: a payment carried to the root creates every balance a split writes; the next
    // payment creates the leaf's pending balance again (a split empties it), and the one after
    // is the steady state (a leaf usually collects many payments between two splits).
    const payLeaf = () => protocol.connect(payer).pay(leaf, ETH, ONE_ETH, { value: ONE_ETH });
    await payLeaf();
    await splitAll(leafFirst);
    await payLeaf();
    const lazyPay = await gasOf(payLeaf());
    const lazySplitAll = await splitAll(leafFirst);
    rows.push({ depth, naivePay, lazyPay, lazySplitAll });
  }
  return rows;

  async function splitAll(ids: bigint[]): Promise<bigint> {
    let gas = 0n;
    for (let start = 0; start < ids.length; start += SPLIT_CHUNK) {
      gas += await gasOf(protocol.splitMany(ids.slice(start, start + SPLIT_CHUNK), [ETH]));
    }
    return gas;
  }
}
