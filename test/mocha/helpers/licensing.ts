import { expect } from "chai";
import type { ContractTransactionResponse, Result } from "ethers";
import { balanceOf } from "./engine.js";
import {
  ETH,
  FAR_DEADLINE,
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  registerOriginal,
  registerRemix,
  UseKind,
} from "./fixture.js";

type Deployment = Awaited<ReturnType<typeof deployProtocol>>;
export type Licensing = Deployment["licensing"];
export type Protocol = Deployment["protocol"];
export type Signer = Deployment["alice"];

/** `expiresAt` of a licence that never expires: type(uint40).max. */
export const PERPETUAL = 2n ** 40n - 1n;
export const ONE_ETH = ethers.parseEther("1");
/** 1.00 of the fixture's 6-decimal token. */
export const ONE_USD = 1_000_000n;
export const DAY = 86_400;
/** Highest Remix minimum share: 100% less the fixture's 20% fee cap. */
export const MAX_MIN_SHARE_BPS = 8_000;
/**
 * Licence tokens `deployLicensingFamily` issues: none, as bob's Remix licence of A is bought with
 * B's registration and used at once (recorded by `RemixLicensed`, never minted).
 */
export const FAMILY_LICENCES = 0n;
/** B's share of A in `deployLicensingFamily`. */
export const B_SHARE_OF_A = 3_000;

/** Terms as `setTerms` takes them. */
export interface TermsInput {
  allowed: boolean;
  currency: string;
  price: bigint;
  duration: number | bigint;
  minShareBps: number;
  documentHash: string;
  documentURI: string;
}

/** Allowed, free, perpetual ETH terms with a document distinct per `label`, then `overrides`. */
export function makeTerms(label: string, overrides: Partial<TermsInput> = {}): TermsInput {
  return {
    allowed: true,
    currency: ETH,
    price: 0n,
    duration: 0,
    minShareBps: 0,
    documentHash: ethers.id(`terms:${label}`),
    documentURI: `ipfs://terms-${label}`,
    ...overrides,
  };
}

/** `terms` in the field order of the `Terms` struct, as `withArgs` compares a struct. */
export function termsTuple(terms: TermsInput) {
  return [
    terms.allowed,
    terms.currency,
    terms.price,
    terms.duration,
    terms.minShareBps,
    terms.documentHash,
    terms.documentURI,
  ];
}

/** `terms` normalised as `getTerms` decodes it (numbers as bigints). */
export function termsRecord(terms: TermsInput) {
  return {
    ...terms,
    price: BigInt(terms.price),
    duration: BigInt(terms.duration),
    minShareBps: BigInt(terms.minShareBps),
  };
}

/** `getTerms(assetId, kind, version)` as a plain object. */
export async function readTerms(
  licensing: Licensing,
  assetId: bigint,
  kind: number,
  version: number | bigint,
) {
  return ((await licensing.getTerms(assetId, kind, version)) as unknown as Result).toObject(true);
}

/** A licence as `getLicence` returns it. */
export interface LicenceFields {
  holder: string;
  assetId: bigint;
  kind: number;
  expiresAt: bigint;
  termsVersion: number | bigint;
  issuedAt: bigint;
  consumedBy?: bigint;
  minShareBps?: number;
}

/** `fields` normalised as `getLicence` decodes them; unused and no minimum unless given. */
export function licenceRecord(fields: LicenceFields) {
  return {
    holder: fields.holder,
    assetId: fields.assetId,
    kind: BigInt(fields.kind),
    expiresAt: fields.expiresAt,
    termsVersion: BigInt(fields.termsVersion),
    issuedAt: fields.issuedAt,
    consumedBy: fields.consumedBy ?? 0n,
    minShareBps: BigInt(fields.minShareBps ?? 0),
  };
}

/** `getLicence(licenceId)` as a plain object. */
export async function readLicence(licensing: Licensing, licenceId: bigint) {
  return ((await licensing.getLicence(licenceId)) as unknown as Result).toObject(true);
}

/** Publishes `terms` for `kind` uses of `assetId` as `owner` and returns the new version. */
export async function publish(
  licensing: Licensing,
  owner: Signer,
  assetId: bigint,
  kind: number,
  terms: TermsInput,
): Promise<bigint> {
  const version = await licensing.connect(owner).setTerms.staticCall(assetId, kind, terms);
  await licensing.connect(owner).setTerms(assetId, kind, terms);
  return version;
}

/** A price cap in one currency, as the licensing contract takes it. */
export interface CurrencyAmount {
  currency: string;
  amount: bigint;
}

/** A cap of `amount` in `currency` (`ETH` for ether). */
export function cap(currency: string, amount: bigint): CurrencyAmount {
  return { currency, amount };
}

/**
 * No cap on the price, in the currency the latest `kind` terms of `assetId` charge: what a buyer
 * who quoted just before buying would send. Tests of the cap pass their own.
 */
export async function uncapped(
  licensing: Licensing,
  assetId: bigint,
  kind: number,
): Promise<CurrencyAmount> {
  const version = await licensing.latestTermsVersion(assetId, kind);
  const { currency } = await licensing.getTerms(assetId, kind, version);
  return cap(currency, ethers.MaxUint256);
}

export interface PurchaseOptions {
  recipient?: string;
  /** Defaults to the latest version: tests of stale quotes pass one. */
  termsVersion?: number | bigint;
  /** Defaults to `uncapped`: tests of the cap pass one. */
  maxPrice?: CurrencyAmount;
  value?: bigint;
  deadline?: bigint;
}

/** Sends `buyLicence` from `buyer` (for itself unless `recipient` is given) without waiting. */
export async function buy(
  licensing: Licensing,
  buyer: Signer,
  assetId: bigint,
  kind: number,
  options: PurchaseOptions = {},
): Promise<ContractTransactionResponse> {
  return licensing
    .connect(buyer)
    .buyLicence(
      assetId,
      kind,
      options.termsVersion ?? (await licensing.latestTermsVersion(assetId, kind)),
      options.recipient ?? buyer.address,
      options.maxPrice ?? (await uncapped(licensing, assetId, kind)),
      options.deadline ?? FAR_DEADLINE,
      { value: options.value ?? 0n },
    );
}

export interface ViewOptions {
  /** Defaults to the latest version: tests of stale quotes pass one. */
  termsVersion?: number | bigint;
  /** Defaults to `uncapped`: tests of the cap pass one. */
  maxTotal?: CurrencyAmount;
  value?: bigint;
  deadline?: bigint;
}

/** Sends `payForUse` for `count` views of `assetId` from `payer` without waiting. */
export async function payViews(
  licensing: Licensing,
  payer: Signer,
  assetId: bigint,
  count: bigint,
  options: ViewOptions = {},
): Promise<ContractTransactionResponse> {
  return licensing
    .connect(payer)
    .payForUse(
      assetId,
      count,
      options.termsVersion ?? (await licensing.latestTermsVersion(assetId, UseKind.View)),
      options.maxTotal ?? (await uncapped(licensing, assetId, UseKind.View)),
      options.deadline ?? FAR_DEADLINE,
      { value: options.value ?? 0n },
    );
}

/** Buys a licence and returns its id. */
export async function buyId(
  licensing: Licensing,
  buyer: Signer,
  assetId: bigint,
  kind: number,
  options: PurchaseOptions = {},
): Promise<bigint> {
  const id = (await licensing.totalLicences()) + 1n;
  await (await buy(licensing, buyer, assetId, kind, options)).wait();
  return id;
}

/** Sends `buyLicences` from `buyer` (for itself unless `recipient` is given) without waiting,
 * quoting each asset's latest terms version unless `termsVersions` is given. */
export async function buyBulk(
  licensing: Licensing,
  buyer: Signer,
  assetIds: bigint[],
  kind: number,
  caps: CurrencyAmount[],
  options: Omit<PurchaseOptions, "maxPrice" | "termsVersion"> & {
    termsVersions?: Array<number | bigint>;
  } = {},
): Promise<ContractTransactionResponse> {
  const termsVersions =
    options.termsVersions ??
    (await Promise.all(assetIds.map((assetId) => licensing.latestTermsVersion(assetId, kind))));
  return licensing
    .connect(buyer)
    .buyLicences(
      assetIds,
      kind,
      termsVersions,
      options.recipient ?? buyer.address,
      caps,
      options.deadline ?? FAR_DEADLINE,
      { value: options.value ?? 0n },
    );
}

/** `[parentId, shareBps]` pairs as the `ParentShare[]` the contracts take. */
export function shares(parents: Array<[bigint, number]>) {
  return parents.map(([parentId, shareBps]) => ({ parentId, shareBps }));
}

/**
 * Sends `registerRemixWithLicences` for `label` from `creator`: `licenceIds[i]` (0: buy now) for
 * `parents[i]`, each parent at its latest terms version unless `termsVersions` is given and
 * `uncapped` unless `maxPrices` is given.
 */
export async function remixWithLicences(
  licensing: Licensing,
  creator: Signer,
  label: string,
  parents: Array<[bigint, number]>,
  options: {
    licenceIds?: bigint[];
    termsVersions?: Array<number | bigint>;
    maxPrices?: CurrencyAmount[];
    /** Reveals the creator's commitment with this salt; default none (the direct path). */
    salt?: string;
    value?: bigint;
    deadline?: bigint;
  } = {},
): Promise<ContractTransactionResponse> {
  const maxPrices =
    options.maxPrices ??
    (await Promise.all(parents.map(([parentId]) => uncapped(licensing, parentId, UseKind.Remix))));
  const termsVersions =
    options.termsVersions ??
    (await Promise.all(
      parents.map(([parentId]) => licensing.latestTermsVersion(parentId, UseKind.Remix)),
    ));
  const licenceIds = options.licenceIds ?? parents.map(() => 0n);
  return licensing.connect(creator).registerRemixWithLicences(
    contentHash(label),
    metadataURI(label),
    shares(parents),
    parents.map((_, i) => ({
      licenceId: licenceIds[i] ?? 0n,
      termsVersion: termsVersions[i] ?? 0,
      maxPrice: maxPrices[i] ?? { currency: ETH, amount: 0n },
    })),
    options.salt ?? ethers.ZeroHash,
    options.deadline ?? FAR_DEADLINE,
    { value: options.value ?? 0n },
  );
}

/** Sends the protocol's own `registerRemix` for `label` from `creator` with held `licenceIds`. */
export function remixWithHeld(
  protocol: Protocol,
  creator: Signer,
  label: string,
  parents: Array<[bigint, number]>,
  licenceIds: bigint[],
): Promise<ContractTransactionResponse> {
  return protocol
    .connect(creator)
    .registerRemix(contentHash(label), metadataURI(label), shares(parents), licenceIds);
}

/**
 * Everything a purchase could charge or grant: the balances of `currencies` held by the buyer, the
 * protocol and the licensing contract, the licences issued and the assets registered.
 */
export async function purchaseState(
  fx: { protocol: Protocol; licensing: Licensing; payer: Signer },
  currencies: string[],
) {
  const holders = [
    fx.payer.address,
    await fx.protocol.getAddress(),
    await fx.licensing.getAddress(),
  ];
  return {
    balances: await Promise.all(
      currencies.flatMap((currency) => holders.map((holder) => balanceOf(currency, holder))),
    ),
    licences: await fx.licensing.totalLicences(),
    assets: await fx.protocol.totalAssets(),
  };
}

/**
 * Runs `assertRevert` (which must expect a revert) between two `purchaseState` snapshots and checks
 * they are equal: the failed purchase charged nothing and issued nothing.
 */
export async function expectNothingCharged(
  fx: { protocol: Protocol; licensing: Licensing; payer: Signer },
  currencies: string[],
  assertRevert: () => Promise<unknown>,
): Promise<void> {
  const before = await purchaseState(fx, currencies);
  await assertRevert();
  expect(await purchaseState(fx, currencies)).to.deep.equal(before);
}

/** The timestamp of the block that mined `tx`. */
export async function timestampOf(tx: ContractTransactionResponse): Promise<bigint> {
  const receipt = await tx.wait();
  const block = await ethers.provider.getBlock(receipt!.blockNumber);
  return BigInt(block!.timestamp);
}

/** What the sender of `tx` paid for its gas. */
export async function gasCostOf(tx: ContractTransactionResponse): Promise<bigint> {
  const receipt = await tx.wait();
  return receipt!.gasUsed * receipt!.gasPrice;
}

/** The ETH `tx` took from its `sender` beyond gas, given `sender`'s balance `before` it. */
export async function ethSpentBy(
  tx: ContractTransactionResponse,
  sender: string,
  before: bigint,
): Promise<bigint> {
  const gas = await gasCostOf(tx);
  return before - (await ethers.provider.getBalance(sender)) - gas;
}

/**
 * The default protocol with three creators and two trees: originals A (alice) and D (carol), and
 * remix B of A at 30% (bob). A's Remix terms are at version 1, free (set by `registerRemix`). Bob
 * bought A's Remix licence in B's registering transaction, so no licence token exists yet
 * (`FAMILY_LICENCES`).
 */
export async function deployLicensingFamily() {
  const deployment = await deployProtocol();
  const { protocol, alice, bob, carol } = deployment;
  const a = await registerOriginal(protocol, alice, "A");
  const b = await registerRemix(protocol, bob, "B", [[a, B_SHARE_OF_A]]);
  const d = await registerOriginal(protocol, carol, "D");
  return { ...deployment, token: await deployment.usd.getAddress(), a, b, d };
}

/** AITraining prices of `deployDatasetFamily`. */
export const DATASET_PRICES = {
  a: ethers.parseEther("0.5"),
  b: ONE_ETH,
  d: 2n * ONE_USD,
  e: 0n,
};

/**
 * `deployLicensingFamily` plus original E of a fourth creator (dave), every asset selling perpetual
 * AITraining licences: A 0.5 ETH, B 1 ETH, D 2.00 USD, E free (ETH).
 */
export async function deployDatasetFamily() {
  const family = await deployLicensingFamily();
  const { protocol, licensing, alice, bob, carol, a, b, d, token } = family;
  const dave = (await ethers.getSigners())[7];
  const e = await registerOriginal(protocol, dave, "E");
  const kind = UseKind.AITraining;
  await publish(licensing, alice, a, kind, makeTerms("a-ai", { price: DATASET_PRICES.a }));
  await publish(licensing, bob, b, kind, makeTerms("b-ai", { price: DATASET_PRICES.b }));
  await publish(
    licensing,
    carol,
    d,
    kind,
    makeTerms("d-ai", { currency: token, price: DATASET_PRICES.d }),
  );
  await publish(licensing, dave, e, kind, makeTerms("e-ai"));
  return { ...family, dave, e };
}

/** Remix terms of `deployRemixMarket`: A at 0.2 ETH, D at 1.00 USD. */
export const REMIX_PRICES = { a: ethers.parseEther("0.2"), d: ONE_USD };
export const A_MIN_SHARE_BPS = 2_000;
export const D_MIN_SHARE_BPS = 1_000;

/**
 * `deployLicensingFamily` with paid Remix terms: A (alice, version 2) at 0.2 ETH with a 20% minimum
 * share, D (carol, version 1) at 1.00 USD with a 10% minimum. B has no Remix terms.
 */
export async function deployRemixMarket() {
  const family = await deployLicensingFamily();
  const { licensing, alice, carol, a, d, token } = family;
  await publish(
    licensing,
    alice,
    a,
    UseKind.Remix,
    makeTerms("a-remix", { price: REMIX_PRICES.a, minShareBps: A_MIN_SHARE_BPS }),
  );
  await publish(
    licensing,
    carol,
    d,
    UseKind.Remix,
    makeTerms("d-remix", { currency: token, price: REMIX_PRICES.d, minShareBps: D_MIN_SHARE_BPS }),
  );
  return family;
}
