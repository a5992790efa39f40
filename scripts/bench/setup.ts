import { network } from "hardhat";

/** Use kinds, as the licensing contract numbers them. */
export const Kind = { View: 0, Commercial: 1, Remix: 2, AITraining: 3, AIInference: 4 } as const;
export const DEADLINE = 2n ** 40n;

type Receipt = { gasUsed: bigint } | null;
/** A sent transaction, as ethers returns it. */
export type Sent = Promise<{ wait(): Promise<Receipt>; data: string }>;

/**
 * A fresh in-process Hardhat network with the protocol (fee 10%, cap 20%), an allowlisted
 * 6-decimal token the payer holds and has approved, and helpers that register assets with
 * 59-character `ipfs://` URIs (the benchmark's fixed size, so figures compare).
 */
export async function benchSetup() {
  const connection = await network.create();
  const { ethers } = connection;
  const [admin, creator, payer, other] = await ethers.getSigners();
  if (!admin || !creator || !payer || !other) throw new Error("the benchmark needs 4 accounts");
  const ETH = ethers.ZeroAddress;
  const usd = await ethers.deployContract("MockERC20", ["Bench USD", "bUSD", 6]);
  const token = await usd.getAddress();
  const protocol = await ethers.deployContract("RemixProtocol", [
    admin.address,
    admin.address,
    2_000,
    1_000,
    2 * 24 * 60 * 60,
    [token],
  ]);
  const licensing = await ethers.getContractAt("Licensing", await protocol.LICENSING());
  await usd.mint(payer.address, 10n ** 30n);
  await usd.connect(payer).approve(await protocol.getAddress(), ethers.MaxUint256);

  let labelCounter = 0;
  const uri = () => `ipfs://${ethers.id(`uri-${labelCounter}`).slice(2, 54)}`; // 59 characters
  const hash = () => ethers.id(`bench-${++labelCounter}`);
  if (uri().length !== 59) throw new Error("benchmark URI must be 59 characters");

  const terms = (kind: number, price: bigint, currency = ETH) => ({
    allowed: true,
    currency,
    price,
    duration: kind === Kind.Remix ? 0 : 365 * 24 * 3600,
    minShareBps: 0,
    documentHash: ethers.id(`terms-${kind}`),
    documentURI: "ipfs://bafkreiterms",
  });
  const original = async (signer = creator): Promise<bigint> => {
    await protocol.connect(signer).registerOriginal(hash(), uri());
    return protocol.totalAssets();
  };
  /** Publishes free remix terms for `id` (its owner is `creator`). */
  const openForRemix = async (id: bigint): Promise<void> => {
    await licensing.connect(creator).setTerms(id, Kind.Remix, terms(Kind.Remix, 0n));
  };
  /** Registers a remix of `parents`, buying their (free) remix licences, at their latest terms,
   * in the same transaction. */
  const sendRemix = async (parents: bigint[], shareBps: number): Sent => {
    const versions = await Promise.all(
      parents.map((parentId) => licensing.latestTermsVersion(parentId, Kind.Remix)),
    );
    return licensing.connect(creator).registerRemixWithLicences(
      hash(),
      uri(),
      parents.map((parentId) => ({ parentId, shareBps })),
      versions.map((termsVersion) => ({
        licenceId: 0n,
        termsVersion,
        maxPrice: { currency: ETH, amount: 0n },
      })),
      ethers.ZeroHash, // the direct path: no commitment to reveal
      DEADLINE,
    );
  };
  const remix = async (parents: bigint[], shareBps = 500): Promise<bigint> => {
    await (await sendRemix(parents, shareBps)).wait();
    return protocol.totalAssets();
  };
  /** A chain of `depth` remixes above `root` (asset k remixes asset k-1); returns every id. */
  const chain = async (root: bigint, depth: number, shareBps = 3_000): Promise<bigint[]> => {
    const ids = [root];
    for (let d = 1; d <= depth; d++) {
      const parent = ids[d - 1] as bigint;
      if (d > 1) await openForRemix(parent);
      ids.push(await remix([parent], shareBps));
    }
    return ids;
  };
  /** Intrinsic calldata gas: 4 per zero byte, 16 per other byte. */
  const calldataGas = (data: string): bigint =>
    ethers.getBytes(data).reduce((sum, byte) => sum + (byte === 0 ? 4n : 16n), 0n);
  const gasOf = async (sent: Sent): Promise<bigint> => (await (await sent).wait())!.gasUsed;

  return {
    connection,
    ethers,
    admin,
    creator,
    payer,
    other,
    ETH,
    usd,
    token,
    protocol,
    licensing,
    hash,
    uri,
    terms,
    original,
    openForRemix,
    sendRemix,
    remix,
    chain,
    calldataGas,
    gasOf,
  };
}
