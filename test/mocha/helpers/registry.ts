import { expect } from "chai";
import type { ContractTransactionResponse, Result } from "ethers";
import {
  FAR_DEADLINE,
  UseKind,
  allowFreeRemixes,
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "./fixture.js";

export type Fixture = Awaited<ReturnType<typeof deployProtocol>>;
export type Protocol = Fixture["protocol"];
export type Signer = Fixture["alice"];

/** Basis points left for a remix's parents once the maximum fee is reserved. */
export const SHARE_LIMIT_BPS = 8_000;
export const MAX_PARENTS = 16;
export const MAX_URI_LENGTH = 512;

/** `[parentId, shareBps]` pairs as the `ParentShare[]` the contract takes. */
export function parentShares(parents: Array<[bigint, number]>) {
  return parents.map(([parentId, shareBps]) => ({ parentId, shareBps }));
}

/**
 * Sends `registerRemix` for `label` with `licenceIds` (by default licence 0, which is never issued)
 * without waiting, so callers can expect a revert or an event. The registry's own checks all run
 * before the licensing contract looks at the licences, so its errors need no real licence.
 */
export function remixTx(
  protocol: Protocol,
  signer: Signer,
  label: string,
  parents: Array<[bigint, number]>,
  licenceIds: bigint[] = parents.map(() => 0n),
) {
  return protocol
    .connect(signer)
    .registerRemix(contentHash(label), metadataURI(label), parentShares(parents), licenceIds);
}

/**
 * Buys `holder` one free `Remix` licence for each of `parentIds` (publishing free remix terms on
 * parents that have none) and returns the licence ids, in order.
 */
export async function buyRemixLicences(
  protocol: Protocol,
  holder: Signer,
  parentIds: bigint[],
): Promise<bigint[]> {
  const licensing = await allowFreeRemixes(protocol, parentIds);
  const ids: bigint[] = [];
  for (const parentId of parentIds) {
    ids.push((await licensing.totalLicences()) + 1n);
    // Free terms: a zero price passes any cap.
    const noCharge = { currency: ethers.ZeroAddress, amount: 0n };
    await licensing
      .connect(holder)
      .buyLicence(
        parentId,
        UseKind.Remix,
        await licensing.latestTermsVersion(parentId, UseKind.Remix),
        holder,
        noCharge,
        FAR_DEADLINE,
      );
  }
  return ids;
}

/** `remixTx` with a free licence bought for each parent first, so the registration can succeed. */
export async function licensedRemixTx(
  protocol: Protocol,
  signer: Signer,
  label: string,
  parents: Array<[bigint, number]>,
) {
  const licenceIds = await buyRemixLicences(
    protocol,
    signer,
    parents.map(([parentId]) => parentId),
  );
  return remixTx(protocol, signer, label, parents, licenceIds);
}

/** An ASCII metadata URI of exactly `length` bytes, distinct per `seed`. */
export function uriOfLength(length: number, seed = "x"): string {
  const body = `ipfs://${seed}/`.padEnd(length, "abcdefghijklmnopqrstuvwxyz0123456789");
  return body.slice(0, length);
}

/** Registers `count` originals owned by `signer`, labelled `<prefix><i>`, and returns their ids. */
export async function registerOriginals(
  protocol: Protocol,
  signer: Signer,
  count: number,
  prefix = "original-",
): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++)
    ids.push(await registerOriginal(protocol, signer, `${prefix}${i}`));
  return ids;
}

/**
 * A signer sending from the protocol's licensing contract (impersonated, funded with 100 ETH), to
 * call what only that contract may call with arguments it would never send itself.
 */
export async function licensingSigner(protocol: Protocol): Promise<Signer> {
  const address = await protocol.LICENSING();
  await networkHelpers.setBalance(address, ethers.parseEther("100"));
  return ethers.getImpersonatedSigner(address);
}

/** The block timestamp of the block that mined `tx`. */
export async function timestampOf(tx: ContractTransactionResponse): Promise<bigint> {
  const receipt = await tx.wait();
  const block = await ethers.provider.getBlock(receipt!.blockNumber);
  return BigInt(block!.timestamp);
}

/** The logs `tx` emitted from `protocol` itself (not from the licensing contract it calls). */
async function protocolLogs(protocol: Protocol, tx: ContractTransactionResponse) {
  const receipt = await tx.wait();
  const address = (await protocol.getAddress()).toLowerCase();
  return receipt!.logs.filter((log) => log.address.toLowerCase() === address);
}

/** The names of the events `tx` emitted from `protocol`, in log order. */
export async function eventNames(protocol: Protocol, tx: ContractTransactionResponse) {
  const logs = await protocolLogs(protocol, tx);
  return logs.map((log) => protocol.interface.parseLog(log)?.name);
}

/** Decoded arguments of every `eventName` log of `protocol` in `tx`, in log order, as plain arrays. */
export async function eventArgs(
  protocol: Protocol,
  tx: ContractTransactionResponse,
  eventName: string,
) {
  const logs = await protocolLogs(protocol, tx);
  return logs
    .map((log) => protocol.interface.parseLog(log))
    .filter((parsed) => parsed?.name === eventName)
    .map((parsed) => parsed!.args.toArray(true));
}

/** `parentsOf(assetId)` as `[parentId, shareBps]` pairs. */
export async function parentsOf(
  protocol: Protocol,
  assetId: bigint,
): Promise<Array<[bigint, number]>> {
  const parents = await protocol.parentsOf(assetId);
  return parents.map((p) => [p.parentId, Number(p.shareBps)]);
}

/** `getAsset(assetId)` as a plain object (ethers' `Result` does not deep-compare reliably). */
export async function assetRecord(protocol: Protocol, assetId: bigint) {
  return ((await protocol.getAsset(assetId)) as unknown as Result).toObject(true);
}

/**
 * Everything the registry, its ERC-721 and the admin expose, read for every asset and every
 * fixture signer (plus extra hashes and tokens to watch). Two equal snapshots around a reverted
 * call show the call changed nothing observable.
 */
export async function protocolState(
  fx: Fixture,
  watch: { hashes?: string[]; tokens?: string[] } = {},
) {
  const { protocol } = fx;
  const accounts = [fx.admin, fx.treasury, fx.alice, fx.bob, fx.carol, fx.payer, fx.stranger].map(
    (signer) => signer.address,
  );
  const total = await protocol.totalAssets();
  const ids = Array.from({ length: Number(total) }, (_, i) => BigInt(i + 1));
  // The record by id holds no content hash: each asset's is in its AssetRegistered event.
  const registered = await protocol.queryFilter(protocol.filters.AssetRegistered());
  const hashOf = new Map(registered.map((event) => [event.args.assetId, event.args.contentHash]));
  const readAsset = async (id: bigint) => {
    const hash = hashOf.get(id);
    if (hash === undefined) throw new Error(`asset ${id} has no AssetRegistered event`);
    return {
      record: await assetRecord(protocol, id),
      parents: await parentsOf(protocol, id),
      approved: await protocol.getApproved(id),
      tokenURI: await protocol.tokenURI(id),
      contentHash: hash,
      assetIdOfHash: await protocol.assetIdOf(hash),
    };
  };
  const pairs = accounts.flatMap((owner) => accounts.map((operator) => [owner, operator]));
  return {
    total,
    assets: await Promise.all(ids.map(readAsset)),
    exists: [await protocol.exists(total), await protocol.exists(total + 1n)],
    childCountAfterLast: await protocol.childCount(total + 1n),
    balances: await Promise.all(accounts.map((a) => protocol.balanceOf(a))),
    operators: await Promise.all(pairs.map(([o, op]) => protocol.isApprovedForAll(o, op))),
    watchedHashes: await Promise.all((watch.hashes ?? []).map((h) => protocol.assetIdOf(h))),
    watchedTokens: await Promise.all((watch.tokens ?? []).map((t) => protocol.isTokenAllowed(t))),
    admin: await Promise.all([
      protocol.owner(),
      protocol.pendingOwner(),
      protocol.feeBps(),
      protocol.treasury(),
      protocol.paused(),
    ]),
  };
}

/**
 * Runs `assertRevert` (which must expect a revert) between two `protocolState` snapshots and
 * checks they are equal, so a failed call is shown to leave no trace.
 */
export async function expectNoStateChange(
  fx: Fixture,
  assertRevert: () => Promise<unknown>,
  watch: { hashes?: string[]; tokens?: string[] } = {},
): Promise<void> {
  const before = await protocolState(fx, watch);
  await assertRevert();
  expect(await protocolState(fx, watch)).to.deep.equal(before);
}

/** The protocol with alice owning originals A (id 1) and B (id 2), and bob owning remix R of A (id 3). */
export async function deployWithAssets() {
  const fx = await deployProtocol();
  const a = await registerOriginal(fx.protocol, fx.alice, "A");
  const b = await registerOriginal(fx.protocol, fx.alice, "B");
  const r = await registerRemix(fx.protocol, fx.bob, "R", [[a, 2_000]]);
  return { ...fx, a, b, r };
}
