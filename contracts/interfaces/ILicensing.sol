// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "./IAssetRegistry.sol";

/// @notice What a licence allows. `View` is paid per use (`payForUse`) and issues no token.
enum UseKind {
    View,
    Commercial,
    Remix,
    AITraining,
    AIInference
}

/// @notice An asset owner's terms for one use kind. Every change publishes a new version; licences
/// keep the version they were bought under.
/// @param allowed Whether the use may be licensed at all (a creator can refuse AI training).
/// @param currency `address(0)` for ETH, else an ERC-20 on the protocol's allowlist.
/// @param price Per licence, or per use for `View`, in the currency's smallest unit. May be zero.
/// @param duration Seconds a licence lasts from purchase; 0 means perpetual. Must be 0 for `Remix`:
/// a remix licence lasts until it is used.
/// @param minShareBps For `Remix`: the least share of a remix's revenue this asset must receive.
/// Must be 0 for other kinds.
/// @param documentHash Hash of the terms document, so anyone can check its text was not swapped.
/// @param documentURI Where the terms document (usage and cultural guidelines) lives.
struct Terms {
    bool allowed;
    address currency;
    uint128 price;
    uint40 duration;
    uint16 minShareBps;
    bytes32 documentHash;
    string documentURI;
}

/// @notice One licence, as stored. `consumedBy` is the remix that used a `Remix` licence (0 if unused).
struct Licence {
    address holder;
    uint48 assetId;
    UseKind kind;
    uint40 expiresAt;
    uint32 termsVersion;
    uint40 issuedAt;
    uint64 consumedBy;
    uint16 minShareBps;
}

/// @notice A cap on what a purchase may charge in one currency.
struct CurrencyAmount {
    address currency;
    uint256 amount;
}

/// @notice How a remix gets its `Remix` licence for one parent: a licence the creator holds
/// (`licenceId`), or, with `licenceId` 0, one bought in the same transaction under the terms version
/// the creator was quoted (`termsVersion`) for at most `maxPrice` (its currency must match).
struct ParentLicence {
    uint256 licenceId;
    uint32 termsVersion;
    CurrencyAmount maxPrice;
}

/// @title ILicensing
/// @notice Per-use terms, licence tokens (non-transferable ERC-721s that snapshot the terms version
/// and expiry they were bought under), pay-per-use for views, and bulk dataset licences. Every price
/// is paid through the protocol's royalty rules, from the buyer, in the asset's own tree.
interface ILicensing {
    /* EVENTS */

    /// @notice The owner of `assetId` published `version` of its terms for `kind`.
    event TermsPublished(uint256 indexed assetId, UseKind indexed kind, uint32 indexed version, Terms terms);

    /// @notice Licence `licenceId` for `kind` uses of `assetId` was issued to `holder` under terms
    /// `termsVersion`, for `price` in `currency`, valid until `expiresAt` (type(uint40).max: perpetual).
    event LicenceIssued(
        uint256 indexed licenceId,
        uint256 indexed assetId,
        address indexed holder,
        UseKind kind,
        uint32 termsVersion,
        uint40 expiresAt,
        address currency,
        uint256 price
    );

    /// @notice Remix licence `licenceId` was used to register remix `remixId`.
    event LicenceConsumed(uint256 indexed licenceId, uint256 indexed remixId);

    /// @notice Remix `remixId` was licensed by its parent `parentId` in the transaction that
    /// registered it, under the parent's `Remix` terms `termsVersion`, for `price` in `currency`.
    /// Such a licence is used at once, so it is recorded by this event and the parent link alone:
    /// no licence token is minted for it.
    event RemixLicensed(
        uint256 indexed remixId,
        uint256 indexed parentId,
        uint32 termsVersion,
        address currency,
        uint256 price
    );

    /// @notice `payer` paid `total` in `currency` for `count` views of `assetId` under terms `termsVersion`.
    event UsesPaid(
        uint256 indexed assetId,
        address indexed payer,
        uint32 termsVersion,
        uint256 count,
        address currency,
        uint256 total
    );

    /// @notice One bulk purchase: licences `firstLicenceId` to `firstLicenceId + count - 1` for
    /// `kind` went to `recipient`; `totals[i]` was charged in `currencies[i]`.
    event BulkLicensed(
        address indexed buyer,
        address indexed recipient,
        UseKind kind,
        uint256 firstLicenceId,
        uint256 count,
        address[] currencies,
        uint256[] totals
    );

    /* ERRORS */

    /// @notice Only the protocol that created this contract may call.
    error OnlyProtocol(address caller);
    /// @notice `caller` is neither the owner of `assetId` nor a revenue manager of it.
    error NotAssetOwnerOrManager(uint256 assetId, address caller);
    /// @notice No asset has id `assetId`.
    error UnknownAsset(uint256 assetId);
    /// @notice The terms of `assetId` do not allow `kind` uses.
    error UseNotAllowed(uint256 assetId, UseKind kind);
    /// @notice The buyer was quoted version `expected` of the `kind` terms of `assetId`; the latest
    /// is `current`. Nothing is charged: quote again and decide.
    error TermsVersionMismatch(uint256 assetId, UseKind kind, uint32 expected, uint32 current);
    /// @notice A purchase of `expected` items named `given` terms versions.
    error TermsVersionCountMismatch(uint256 expected, uint256 given);
    /// @notice `View` is paid per use with `payForUse`; it has no licence token.
    error ViewIsPayPerUse();
    /// @notice A `Remix` licence lasts until used, so its terms cannot set a duration.
    error RemixLicenceCannotExpire(uint40 duration);
    /// @notice `minShareBps` is set for a kind other than `Remix`, or above `limitBps`.
    error InvalidMinShare(UseKind kind, uint16 minShareBps, uint256 limitBps);
    /// @notice `currency` is not accepted by the protocol for payments.
    error CurrencyNotAllowed(address currency);
    /// @notice The purchase's deadline has passed.
    error DeadlinePassed(uint256 deadline, uint256 timestamp);
    /// @notice The price `price` is above the buyer's maximum `maxPrice`.
    error PriceAboveMaximum(uint256 price, uint256 maxPrice);
    /// @notice Terms priced at `price`, above `maxPrice` (2^120 - 1, the largest payment the
    /// protocol takes), could never be bought.
    error PriceTooLarge(uint256 price, uint256 maxPrice);
    /// @notice The ETH sent (`sent`) is below what the purchase costs (`required`).
    error InsufficientPayment(uint256 required, uint256 sent);
    /// @notice ETH was sent with a purchase that charges none.
    error UnexpectedPayment(uint256 sent);
    /// @notice Licences cannot be issued to `recipient` (the zero address).
    error InvalidRecipient(address recipient);
    /// @notice The use count is zero.
    error ZeroCount();
    /// @notice A bulk purchase lists no assets.
    error EmptyPurchase();
    /// @notice A bulk purchase charges in `currency`, for which the buyer gave no maximum.
    error MissingCurrencyCap(address currency);
    /// @notice The terms charge in `currency`; the buyer's maximum is in `capCurrency`.
    error CurrencyMismatch(address currency, address capCurrency);
    /// @notice New purchases are paused with the protocol.
    error ProtocolPaused();
    /// @notice Licence `licenceId` cannot register this remix: it is not an unused `Remix` licence
    /// held by `holder` for `parentId`.
    error LicenceNotUsable(uint256 licenceId, address holder, uint256 parentId);
    /// @notice The remix gives `parentId` less than its licence requires.
    error ShareBelowLicenceMinimum(uint256 parentId, uint16 shareBps, uint16 minShareBps);
    /// @notice A remix registration named `given` licences for `expected` parents.
    error LicenceCountMismatch(uint256 expected, uint256 given);
    /// @notice Licences are bound to their holder and cannot be transferred or approved.
    error LicenceNonTransferable();

    /* TERMS */

    /// @notice Publishes new terms for `kind` uses of `assetId`. Licences already sold keep theirs.
    /// @dev Only the asset's owner or its revenue manager may call (not an ERC-721 operator). Assets start with no terms,
    /// so every use is refused until its owner allows it.
    /// @return version The new terms version (the first is 1).
    function setTerms(uint256 assetId, UseKind kind, Terms calldata terms) external returns (uint32 version);

    /* PURCHASES */

    /// @notice Buys one `kind` licence of `assetId` for `recipient`, paying the current price through
    /// the royalty rules. ETH purchases send at least the price; any excess is refunded.
    /// @param termsVersion The terms version the buyer was quoted: if newer terms were published in
    /// the meantime (another duration, minimum share or document), the purchase reverts.
    /// @param maxPrice The most the buyer accepts to pay, and in which currency: a terms change
    /// between quote and inclusion can neither raise the price nor switch the currency.
    /// @param deadline The purchase reverts after this timestamp.
    function buyLicence(
        uint256 assetId,
        UseKind kind,
        uint32 termsVersion,
        address recipient,
        CurrencyAmount calldata maxPrice,
        uint256 deadline
    ) external payable returns (uint256 licenceId);

    /// @notice Buys one `kind` licence for each of `assetIds` (any creators, currencies and trees)
    /// for `recipient` in one transaction. Each asset's price is routed into its own tree.
    /// @param termsVersions The terms version quoted for each asset, in the same order.
    /// @param maxTotals The most the buyer accepts to pay in each currency the purchase charges
    /// (assets licensed for free need no entry).
    /// @return firstLicenceId The licences are `firstLicenceId` to `firstLicenceId + assetIds.length - 1`.
    function buyLicences(
        uint256[] calldata assetIds,
        UseKind kind,
        uint32[] calldata termsVersions,
        address recipient,
        CurrencyAmount[] calldata maxTotals,
        uint256 deadline
    ) external payable returns (uint256 firstLicenceId);

    /// @notice Pays for `count` views of `assetId` at the current `View` price; issues no token.
    /// @param termsVersion The `View` terms version the payer was quoted.
    /// @param maxTotal The most the payer accepts to pay for all `count` views, and in which currency.
    function payForUse(
        uint256 assetId,
        uint256 count,
        uint32 termsVersion,
        CurrencyAmount calldata maxTotal,
        uint256 deadline
    ) external payable;

    /// @notice Marks used the `Remix` licences (`licenceIds[i]` for `parents[i]`) that let `creator`
    /// register remix `remixId`, checking each parent's share against its licence. Protocol only.
    /// @dev A licence id of 0 is accepted only while `registerRemixWithLicences` registers its
    /// remix: it marks the parents that call has just licensed (and checked) itself.
    function consumeRemixLicences(
        address creator,
        uint256 remixId,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) external;

    /// @notice Buys a `Remix` licence for the caller from each parent whose `licences` entry names no
    /// held licence, then registers the remix, minted to the caller, using the held licences for the
    /// other parents. A licence bought here is used at once: it is recorded by `RemixLicensed`, not
    /// minted as a licence token.
    /// @param licences For each parent, in the same order: the held licence to use, or the quoted
    /// terms version and the most the caller accepts to pay for a new one.
    /// @param salt Non-zero: reveals the caller's registration commitment (the path nobody can
    /// front-run); zero: the direct path, safe only through a private mempool.
    /// @return remixId The new remix.
    function registerRemixWithLicences(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        ParentLicence[] calldata licences,
        bytes32 salt,
        uint256 deadline
    ) external payable returns (uint256 remixId);

    /* VIEWS */

    /// @notice Whether `holder` may make `kind` uses of `assetId` now, and until when.
    /// @dev For `Remix`, whether `holder` has an unused remix licence (they do not expire). For
    /// `View`, always false: views are paid per use.
    function hasValidLicence(
        address holder,
        uint256 assetId,
        UseKind kind
    ) external view returns (bool valid, uint40 validUntil);

    /// @notice Licence `licenceId` as issued (and consumed, for a remix licence).
    function getLicence(uint256 licenceId) external view returns (Licence memory);

    /// @notice Version `version` of the terms of `assetId` for `kind`.
    function getTerms(uint256 assetId, UseKind kind, uint32 version) external view returns (Terms memory);

    /// @notice The latest terms version of `assetId` for `kind` (0: none published).
    function latestTermsVersion(uint256 assetId, UseKind kind) external view returns (uint32);

    /// @notice How many licence tokens have been issued (licences bought and used by
    /// `registerRemixWithLicences` in one transaction are not tokens).
    function totalLicences() external view returns (uint256);
}
