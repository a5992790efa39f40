import { network } from "hardhat";

/** One in-process Hardhat network shared by a test file; `loadFixture` snapshots and reverts it. */
export const connection = await network.create();
export const { ethers, networkHelpers } = connection;

export const ETH = ethers.ZeroAddress;
export const BPS = 10_000n;
export const MAX_FEE_BPS = 2_000;
export const FEE_BPS = 1_000;
export const OPEN_POLICY = { remixable: true, minShareBps: 0 };
export const CLOSED_POLICY = { remixable: false, minShareBps: 0 };

/** A distinct content hash per label. */
export function contentHash(label: string): string {
  return ethers.id(`content:${label}`);
}

/** A 59-character `ipfs://` metadata URI, distinct per label. */
export function metadataURI(label: string): string {
  const cid = ethers.id(label).slice(2, 54);
  return `ipfs://${cid}`;
}

/** The protocol at fee 10% (cap 20%), owner/treasury/creators/payer signers, and a 6-decimal token. */
export async function deployProtocol() {
  const [admin, treasury, alice, bob, carol, payer, stranger] = await ethers.getSigners();
  const protocol = await ethers.deployContract("RemixProtocol", [
    admin.address,
    treasury.address,
    MAX_FEE_BPS,
    FEE_BPS,
  ]);
  const usd = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 6]);
  await protocol.connect(admin).setTokenAllowed(await usd.getAddress(), true);
  await usd.mint(payer.address, 10n ** 15n);
  await usd.connect(payer).approve(await protocol.getAddress(), ethers.MaxUint256);
  return { protocol, usd, admin, treasury, alice, bob, carol, payer, stranger };
}

/** Registers an original owned by `signer` and returns its id. */
export async function registerOriginal(
  protocol: Awaited<ReturnType<typeof deployProtocol>>["protocol"],
  signer: Awaited<ReturnType<typeof deployProtocol>>["alice"],
  label: string,
  policy = OPEN_POLICY,
): Promise<bigint> {
  const id = (await protocol.totalAssets()) + 1n;
  await protocol.connect(signer).registerOriginal(contentHash(label), metadataURI(label), policy);
  return id;
}

/** Registers a remix owned by `signer` of `parents` (`[parentId, shareBps]`) and returns its id. */
export async function registerRemix(
  protocol: Awaited<ReturnType<typeof deployProtocol>>["protocol"],
  signer: Awaited<ReturnType<typeof deployProtocol>>["alice"],
  label: string,
  parents: Array<[bigint, number]>,
  policy = OPEN_POLICY,
): Promise<bigint> {
  const id = (await protocol.totalAssets()) + 1n;
  await protocol.connect(signer).registerRemix(
    contentHash(label),
    metadataURI(label),
    policy,
    parents.map(([parentId, shareBps]) => ({ parentId, shareBps })),
  );
  return id;
}
