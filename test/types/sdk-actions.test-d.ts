// Type-level tests of the SDK's main actions: checked by `npm run typecheck` (tsc), never run.
// Each `@ts-expect-error` line must fail to compile; each `Expect<Equal<...>>` must hold.
import type { Address, Hex, PublicClient, WalletClient } from "viem";
import {
  type Asset,
  type AssetDetails,
  type ContractRevertError,
  type Lineage,
  type PreparedCall,
  getAsset,
  getAssetIdOf,
  getLineage,
  pay,
  preparePay,
  registerOriginal,
  registerRemix,
  remixPublicActions,
  remixWalletActions,
  setTerms,
  UseKind,
} from "../../sdk/index.js";

type Equal<a, b> =
  (<t>() => t extends a ? 1 : 2) extends <t>() => t extends b ? 1 : 2 ? true : false;
type Expect<condition extends true> = condition;

declare const wallet: WalletClient;
declare const reader: PublicClient;
declare const hash: Hex;
declare const token: Address;

// registerOriginal: content or hash, and a metadata URI; returns the new id as a bigint.
const registered = await registerOriginal(wallet, { contentHash: hash, metadataUri: "ipfs://x" });
type _registeredId = Expect<Equal<typeof registered.assetId, bigint>>;
await registerOriginal(wallet, { content: new Uint8Array([1]), metadataUri: "ipfs://x" });
// @ts-expect-error neither the content nor its hash
await registerOriginal(wallet, { metadataUri: "ipfs://x" });
// @ts-expect-error the metadata URI is required
await registerOriginal(wallet, { contentHash: hash });

// registerRemix: parents with integer-bps shares and bigint ids.
const remix = await registerRemix(wallet, {
  contentHash: hash,
  metadataUri: "ipfs://remix",
  parents: [{ assetId: 1n, shareBps: 3_000 }],
});
type _remixId = Expect<Equal<typeof remix.assetId, bigint>>;
await registerRemix(wallet, {
  contentHash: hash,
  metadataUri: "u",
  // @ts-expect-error asset ids are bigints, not numbers
  parents: [{ assetId: 1, shareBps: 3_000 }],
});

// pay: amounts are bigints; the prepared form is plain transaction fields.
await pay(wallet, { assetId: 1n, token, amount: 10n });
// @ts-expect-error amounts are never floating-point numbers
await pay(wallet, { assetId: 1n, token, amount: 0.5 });
type _prepared = Expect<Equal<Awaited<ReturnType<typeof preparePay>>, PreparedCall>>;

// setTerms: only the protocol's use kinds; a price names its currency.
await setTerms(wallet, { assetId: 1n, kind: UseKind.Remix, terms: { allowed: true } });
// @ts-expect-error 7 is not a use kind
await setTerms(wallet, { assetId: 1n, kind: 7, terms: { allowed: true } });
await setTerms(wallet, {
  assetId: 1n,
  kind: UseKind.View,
  terms: { allowed: true, currency: token, price: 10n },
});
// @ts-expect-error a price without its currency
await setTerms(wallet, { assetId: 1n, kind: UseKind.View, terms: { allowed: true, price: 10n } });

// Reads.
type _asset = Expect<Equal<Awaited<ReturnType<typeof getAsset>>, AssetDetails>>;
// getAsset adds what the registration logged to the record its id's storage keeps.
type _assetDetails = Expect<Equal<AssetDetails, Asset & { contentHash: Hex; creator: Address }>>;
// @ts-expect-error the record by id has no content hash (getAssets returns Asset)
declare const _noHash: Asset["contentHash"];
const byHash = await getAssetIdOf(reader, { contentHash: hash });
type _assetIdOf = Expect<Equal<typeof byHash, bigint | null>>;
await getAssetIdOf(reader, { content: new Uint8Array([1]) });
// @ts-expect-error neither the content nor its hash
await getAssetIdOf(reader, {});
type _lineage = Expect<Equal<Awaited<ReturnType<typeof getLineage>>, Lineage>>;

// Decorators bind the same signatures without the client.
const boundReader = reader.extend(remixPublicActions());
type _boundAsset = Expect<Equal<Awaited<ReturnType<typeof boundReader.getAsset>>, AssetDetails>>;
type _boundAssetIdOf = Expect<
  Equal<Awaited<ReturnType<typeof boundReader.getAssetIdOf>>, bigint | null>
>;
const boundWallet = wallet.extend(remixWalletActions());
type _boundPay = Expect<Equal<Parameters<typeof boundWallet.pay>[0], Parameters<typeof pay>[1]>>;

// Reverts narrow to the error's typed arguments.
declare const error: ContractRevertError;
if (error.is("PriceAboveMaximum")) {
  type _args = Expect<Equal<typeof error.args, readonly [bigint, bigint]>>;
}
if (error.is("ContentAlreadyRegistered")) {
  type _args = Expect<Equal<typeof error.args, readonly [Hex, bigint]>>;
}
// @ts-expect-error not an error the protocol can revert with
error.is("NoSuchError");
