import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse, Result } from "ethers";
import {
  BPS,
  ETH,
  FEE_DELAY,
  deployProtocol,
  ethers,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "./fixture.js";

type Deployment = Awaited<ReturnType<typeof deployProtocol>>;
export type Protocol = Deployment["protocol"];
export type Signer = Deployment["alice"];

/** Shares used by `deployFamily`: B names A at 30%; C names A at 20% and B at 30%. */
export const B_SHARE_OF_A = 3_000;
export const C_SHARE_OF_A = 2_000;
export const C_SHARE_OF_B = 3_000;

/**
 * The default protocol (fee 10%, cap 20%) with a small remix tree: original A (alice), remix B of A
 * (bob) and remix C of A and B (carol), so a split reaches an original and a remix parent at once.
 */
export async function deployFamily() {
  const deployment = await deployProtocol();
  const { protocol, alice, bob, carol } = deployment;
  const a = await registerOriginal(protocol, alice, "A");
  const b = await registerRemix(protocol, bob, "B", [[a, B_SHARE_OF_A]]);
  const c = await registerRemix(protocol, carol, "C", [
    [a, C_SHARE_OF_A],
    [b, C_SHARE_OF_B],
  ]);
  return { ...deployment, token: await deployment.usd.getAddress(), a, b, c };
}

/**
 * The engine's one rounding rule, written from the spec: what a receiver of `bps` is owed of
 * `amount` added to a running total that stood at `before`,
 * floor((before + amount) * bps / BPS) - floor(before * bps / BPS). Summed over any chunking of a
 * total these telescope to floor(total * bps / BPS).
 */
export function lifetimeIncrement(before: bigint, amount: bigint, bps: number | bigint): bigint {
  return ((before + amount) * BigInt(bps)) / BPS - (before * BigInt(bps)) / BPS;
}

/**
 * The protocol fee on a payment of `amount` at `feeBps` when `paidBefore` had been paid in the same
 * token before it (over the protocol's life, every asset and payer together). For the first
 * payment in a token (the default) this is floor(amount * fee).
 */
export function feeOf(amount: bigint, feeBps: number | bigint, paidBefore = 0n): bigint {
  return lifetimeIncrement(paidBefore, amount, feeBps);
}

/** The fees of `amounts` paid in this order in one token at `feeBps`, after `paidBefore`. */
export function feesOf(amounts: bigint[], feeBps: number | bigint, paidBefore = 0n): bigint[] {
  let paid = paidBefore;
  return amounts.map((amount) => {
    const fee = feeOf(amount, feeBps, paid);
    paid += amount;
    return fee;
  });
}

/**
 * What each parent (of `sharesBps`, in `parentsOf` order) is credited when a remix that had split
 * `splitBefore` over its life splits `gross` more: parent i gets
 * floor((splitBefore + gross) * s_i / BPS) - floor(splitBefore * s_i / BPS).
 */
export function parentCredits(gross: bigint, sharesBps: number[], splitBefore = 0n): bigint[] {
  return sharesBps.map((share) => lifetimeIncrement(splitBefore, gross, share));
}

/** The sum of `amounts`. */
export function sum(amounts: bigint[]): bigint {
  return amounts.reduce((total, amount) => total + amount, 0n);
}

/**
 * The part of `pending` gross a split covers, from the spec: all of it if its parents' credits
 * total at most `held`, else the largest gross g <= `pending` whose credits do (found by counting
 * down, independently of the contract's bisection).
 */
export function coveredGross(
  pending: bigint,
  held: bigint,
  sharesBps: number[],
  splitBefore = 0n,
): bigint {
  let gross = pending;
  while (gross > 0n && sum(parentCredits(gross, sharesBps, splitBefore)) > held) gross--;
  return gross;
}

/** Accrued protocol fees in `token` (the first value of `accruedFees`). */
export async function feesAccrued(protocol: Protocol, token: string): Promise<bigint> {
  const [amount] = await protocol.accruedFees(token);
  return amount;
}

/** What `holder` owns of `token` (native ETH when `token` is the zero address). */
export async function balanceOf(token: string, holder: string): Promise<bigint> {
  if (token === ETH) return ethers.provider.getBalance(holder);
  const erc20 = await ethers.getContractAt("MockERC20", token);
  return erc20.balanceOf(holder);
}

/** Everything the engine owes in `token`: what `assetIds` hold, plus accrued fees. */
export async function owedBy(
  protocol: Protocol,
  token: string,
  assetIds: bigint[],
): Promise<bigint> {
  let owed = await feesAccrued(protocol, token);
  for (const id of new Set(assetIds)) {
    const [held] = await protocol.royaltyBalance(id, token);
    owed += held;
  }
  return owed;
}

/**
 * Solvency (invariant 1 of SECURITY-NOTES): for each token the protocol holds exactly what it owes
 * the given assets plus accrued fees. `assetIds` must list every asset that ever held a balance.
 */
export async function expectSolvent(protocol: Protocol, tokens: string[], assetIds: bigint[]) {
  const protocolAddress = await protocol.getAddress();
  for (const token of tokens) {
    const held = await balanceOf(token, protocolAddress);
    expect(held, `protocol balance of ${token} equals what it owes`).to.equal(
      await owedBy(protocol, token, assetIds),
    );
  }
}

/**
 * Asserts the balance of `assetId` in `token` (`royaltyBalance`) is exactly `held` and
 * `pendingGross`, and, if given, that its lifetime split gross modulo 10,000 is `remainder`.
 */
export async function expectRoyaltyBalance(
  protocol: Protocol,
  assetId: bigint,
  token: string,
  held: bigint,
  pendingGross: bigint,
  remainder?: bigint,
) {
  const actual = await protocol.royaltyBalance(assetId, token);
  const label = `royaltyBalance of asset ${assetId}`;
  if (remainder === undefined) {
    expect([actual.held, actual.pendingGross], label).to.deep.equal([held, pendingGross]);
  } else {
    expect([...actual], label).to.deep.equal([held, pendingGross, remainder]);
  }
}

/** The decoded arguments of every `name` event `contract` emitted in `tx`, in log order. */
export async function eventsOf(
  tx: Promise<ContractTransactionResponse> | ContractTransactionResponse,
  contract: BaseContract,
  name: string,
): Promise<Result[]> {
  const receipt = await (await tx).wait();
  const address = await contract.getAddress();
  const found: Result[] = [];
  for (const log of receipt!.logs) {
    if (log.address.toLowerCase() !== address.toLowerCase()) continue;
    const parsed = contract.interface.parseLog(log);
    if (parsed?.name === name) found.push(parsed.args);
  }
  return found;
}

/** A `Split` event's arguments as plain values: `[assetId, token, gross, amounts]`. */
export type SplitArgs = [bigint, string, bigint, bigint[]];

/** The `Split` events `protocol` emitted in `tx`, in log order, as plain values. */
export async function splitsOf(
  tx: Promise<ContractTransactionResponse> | ContractTransactionResponse,
  protocol: Protocol,
): Promise<SplitArgs[]> {
  const splits = await eventsOf(tx, protocol, "Split");
  return splits.map((args) => [args.assetId, args.token, args.gross, [...args.amounts]]);
}

/**
 * A `Claimed` event's arguments as plain values: `[token, recipient, claimer, assetIds, amounts]`
 * (one event per token of a claim that paid anything, `amounts[i]` paid for `assetIds[i]`).
 */
export type ClaimedArgs = [string, string, string, bigint[], bigint[]];

/** The `Claimed` events `protocol` emitted in `tx`, in log order, as plain values. */
export async function claimsOf(
  tx: Promise<ContractTransactionResponse> | ContractTransactionResponse,
  protocol: Protocol,
): Promise<ClaimedArgs[]> {
  const claims = await eventsOf(tx, protocol, "Claimed");
  return claims.map((args) => [
    args.token,
    args.recipient,
    args.claimer,
    [...args.assetIds],
    [...args.amounts],
  ]);
}

/**
 * Deploys the ERC-20 mock `contractName` with constructor `args`, lists it, mints `supply` to `payer`
 * and approves the protocol for all of it.
 */
export async function deployListedToken(
  { protocol, admin, payer }: Pick<Deployment, "protocol" | "admin" | "payer">,
  contractName: string,
  args: unknown[],
  supply = 10n ** 30n,
) {
  const token = await ethers.deployContract(contractName, args);
  const address = await token.getAddress();
  await protocol.connect(admin).setTokenAllowed(address, true);
  const erc20 = await ethers.getContractAt("MockERC20", address);
  await erc20.mint(payer.address, supply);
  await erc20.connect(payer).approve(await protocol.getAddress(), ethers.MaxUint256);
  return { token, address };
}

/** Pays `amount` of `token` (ETH or an approved ERC-20) for `assetId` from `payer`. */
export function pay(
  protocol: Protocol,
  payer: Signer,
  assetId: bigint,
  token: string,
  amount: bigint,
): Promise<ContractTransactionResponse> {
  return protocol
    .connect(payer)
    .pay(assetId, token, amount, { value: token === ETH ? amount : 0n });
}

/** Announces `feeBps` as `admin` and lets the notice pass, so the next payment pays it. */
export async function setFeeNow(
  protocol: Protocol,
  admin: Signer,
  feeBps: number | bigint,
): Promise<void> {
  await protocol.connect(admin).setFee(feeBps);
  await networkHelpers.time.increase(FEE_DELAY);
}
