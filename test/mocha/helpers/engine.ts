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

/** The protocol fee on `amount`, rounded down as the engine does. */
export function feeOf(amount: bigint, feeBps: number | bigint): bigint {
  return (amount * BigInt(feeBps)) / BPS;
}

/**
 * The documented split of `gross`: parent i gets floor(g * c_i / BPS) - floor(g * c_{i-1} / BPS),
 * where c_i is the running sum of shares. Written from the spec, independently of the contract.
 */
export function cumulativeShares(gross: bigint, sharesBps: number[]): bigint[] {
  let cumulative = 0n;
  return sharesBps.map((share) => {
    const before = (gross * cumulative) / BPS;
    cumulative += BigInt(share);
    return (gross * cumulative) / BPS - before;
  });
}

/** What `holder` owns of `token` (native ETH when `token` is the zero address). */
export async function balanceOf(token: string, holder: string): Promise<bigint> {
  if (token === ETH) return ethers.provider.getBalance(holder);
  const erc20 = await ethers.getContractAt("MockERC20", token);
  return erc20.balanceOf(holder);
}

/** Everything the engine owes in `token`: collectable and net splittable of `assetIds`, plus fees. */
export async function owedBy(
  protocol: Protocol,
  token: string,
  assetIds: bigint[],
): Promise<bigint> {
  let owed = await protocol.accruedFees(token);
  for (const id of new Set(assetIds)) {
    owed += await protocol.collectableBalance(id, token);
    const [, net] = await protocol.splittableBalance(id, token);
    owed += net;
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

/** Asserts the splittable balance of `assetId` in `token` is exactly `[gross, net]`. */
export async function expectSplittable(
  protocol: Protocol,
  assetId: bigint,
  token: string,
  gross: bigint,
  net: bigint,
) {
  const [actualGross, actualNet] = await protocol.splittableBalance(assetId, token);
  expect([actualGross, actualNet], `splittable of asset ${assetId}`).to.deep.equal([gross, net]);
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
