import { network } from "hardhat";

/** One in-process Hardhat network shared by a test file; `loadFixture` snapshots and reverts it. */
export const connection = await network.create();
export const { ethers, networkHelpers } = connection;

export const ETH = ethers.ZeroAddress;
export const BPS = 10_000n;
export const MAX_FEE_BPS = 2_000;
export const FEE_BPS = 1_000;
/** Notice, in seconds, of fee changes in the tests' deployments (two days). */
export const FEE_DELAY = 2 * 24 * 60 * 60;

/** `UseKind` of the licensing contract. */
export const UseKind = { View: 0, Commercial: 1, Remix: 2, AITraining: 3, AIInference: 4 } as const;

/** Terms that let anyone remix for free, with no minimum share. */
export const FREE_REMIX_TERMS = {
  allowed: true,
  currency: ethers.ZeroAddress,
  price: 0n,
  duration: 0,
  minShareBps: 0,
  documentHash: ethers.id("terms: free remix"),
  documentURI: "ipfs://free-remix-terms",
};

/** A deadline comfortably in the future of any test. */
export const FAR_DEADLINE = 2n ** 40n;

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
  const usd = await ethers.deployContract("MockERC20", ["Test USD", "TUSD", 6]);
  // The stablecoin is allowlisted by the constructor, as a deployment's initial tokens are.
  const protocol = await ethers.deployContract("RemixProtocol", [
    admin.address,
    treasury.address,
    MAX_FEE_BPS,
    FEE_BPS,
    FEE_DELAY,
    [await usd.getAddress()],
  ]);
  await usd.mint(payer.address, 10n ** 15n);
  await usd.connect(payer).approve(await protocol.getAddress(), ethers.MaxUint256);
  const licensing = await ethers.getContractAt("Licensing", await protocol.LICENSING());
  return { protocol, licensing, usd, admin, treasury, alice, bob, carol, payer, stranger };
}

type Protocol = Awaited<ReturnType<typeof deployProtocol>>["protocol"];
type Signer = Awaited<ReturnType<typeof deployProtocol>>["alice"];

/** Registers an original owned by `signer` and returns its id. */
export async function registerOriginal(
  protocol: Protocol,
  signer: Signer,
  label: string,
): Promise<bigint> {
  const id = (await protocol.totalAssets()) + 1n;
  await protocol.connect(signer).registerOriginal(contentHash(label), metadataURI(label));
  return id;
}

/**
 * Publishes FREE_REMIX_TERMS, as its owner, on each of `assetIds` that has no remix terms yet, and
 * returns the licensing contract.
 */
export async function allowFreeRemixes(protocol: Protocol, assetIds: bigint[]) {
  const licensing = await ethers.getContractAt("Licensing", await protocol.LICENSING());
  for (const assetId of assetIds) {
    if ((await licensing.latestTermsVersion(assetId, UseKind.Remix)) === 0n) {
      const owner = await ethers.getSigner(await protocol.ownerOf(assetId));
      await licensing.connect(owner).setTerms(assetId, UseKind.Remix, FREE_REMIX_TERMS);
    }
  }
  return licensing;
}

/**
 * Registers a remix owned by `signer` of `parents` (`[parentId, shareBps]`) and returns its id.
 * A parent without remix terms first gets free ones from its owner; the remix licences are bought
 * in the same transaction through `registerRemixWithLicences`, which uses them at once and mints no
 * licence token (`totalLicences` is unchanged).
 */
export async function registerRemix(
  protocol: Protocol,
  signer: Signer,
  label: string,
  parents: Array<[bigint, number]>,
): Promise<bigint> {
  const licensing = await allowFreeRemixes(
    protocol,
    parents.map(([parentId]) => parentId),
  );
  const id = (await protocol.totalAssets()) + 1n;
  const licences = await Promise.all(
    parents.map(async ([parentId]) => ({
      licenceId: 0n,
      termsVersion: await licensing.latestTermsVersion(parentId, UseKind.Remix),
      maxPrice: { currency: ethers.ZeroAddress, amount: 0n },
    })),
  );
  await licensing.connect(signer).registerRemixWithLicences(
    contentHash(label),
    metadataURI(label),
    parents.map(([parentId, shareBps]) => ({ parentId, shareBps })),
    licences,
    ethers.ZeroHash,
    FAR_DEADLINE,
  );
  return id;
}
