// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ParentShare, RegistrationRequest} from "./interfaces/IAssetRegistry.sol";
import {CurrencyAmount, ILicensing, Licence, ParentLicence, Terms, UseKind} from "./interfaces/ILicensing.sol";
import {IRemixProtocol} from "./interfaces/IRemixProtocol.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {LicenceToken} from "./token/LicenceToken.sol";

/// @title Licensing
/// @notice Terms per asset and use kind, licence sales, pay-per-use and bulk dataset licences.
/// Created by the protocol's constructor, which makes each trust the other forever: the protocol
/// takes payments from a buyer only when this contract passes that buyer as its own caller.
contract Licensing is LicenceToken, ReentrancyGuardTransient {
    /* IMMUTABLES */

    /// @notice The protocol that created this contract.
    IRemixProtocol public immutable PROTOCOL;

    /// @dev Highest `minShareBps` terms may ask: 100% less the protocol's maximum fee.
    uint256 private immutable _MAX_MIN_SHARE_BPS;

    /// @dev The largest payment the protocol takes (its `AmountTooLarge` limit).
    uint256 private constant _MAX_PRICE = type(uint120).max;

    uint40 private constant PERPETUAL = type(uint40).max;

    /// @dev What a bulk purchase charges: per cap (currency) its total and number of paid assets;
    /// per asset the cap it falls under and its price.
    struct BulkQuote {
        address[] currencies;
        uint256[] totals;
        uint256[] paidCounts;
        uint256[] capOf;
        uint256[] prices;
    }

    /* STORAGE */

    mapping(uint256 assetId => mapping(UseKind kind => uint32)) private _latestVersion;
    mapping(uint256 assetId => mapping(UseKind kind => mapping(uint32 version => Terms))) private _terms;
    mapping(address holder => mapping(uint256 assetId => mapping(UseKind kind => uint40))) private _validUntil;
    mapping(address holder => mapping(uint256 assetId => uint256)) private _unusedRemixLicences;
    uint256 private _lastLicenceId;

    /// @dev Set only while `registerRemixWithLicences` registers its remix, after its purchases:
    /// the licence ids it passes are 0 exactly for the parents it has just licensed, and
    /// `consumeRemixLicences` accepts those zeros then and never otherwise.
    bool private transient _registeringLicensedRemix;

    /* CONSTRUCTOR */

    /// @param maxFeeBps The creating protocol's immutable fee cap.
    constructor(uint16 maxFeeBps) {
        PROTOCOL = IRemixProtocol(msg.sender);
        _MAX_MIN_SHARE_BPS = RoyaltyMath.BPS - maxFeeBps;
    }

    /* TERMS */

    /// @inheritdoc ILicensing
    function setTerms(uint256 assetId, UseKind kind, Terms calldata terms) external returns (uint32 version) {
        if (!PROTOCOL.exists(assetId)) revert UnknownAsset(assetId);
        if (!PROTOCOL.isOwnerOrManager(assetId, msg.sender)) revert NotAssetOwnerOrManager(assetId, msg.sender);
        if (kind == UseKind.Remix) {
            if (terms.duration != 0) revert RemixLicenceCannotExpire(terms.duration);
            if (terms.minShareBps > _MAX_MIN_SHARE_BPS) {
                revert InvalidMinShare(kind, terms.minShareBps, _MAX_MIN_SHARE_BPS);
            }
        } else if (terms.minShareBps != 0) {
            revert InvalidMinShare(kind, terms.minShareBps, 0);
        }
        if (!PROTOCOL.isTokenAllowed(terms.currency)) revert CurrencyNotAllowed(terms.currency);
        // A price no single payment can carry could never be bought.
        if (terms.price > _MAX_PRICE) revert PriceTooLarge(terms.price, _MAX_PRICE);

        version = ++_latestVersion[assetId][kind];
        _terms[assetId][kind][version] = terms;
        emit TermsPublished(assetId, kind, version, terms);
    }

    /* PURCHASES */

    /// @inheritdoc ILicensing
    function buyLicence(
        uint256 assetId,
        UseKind kind,
        uint32 termsVersion,
        address recipient,
        CurrencyAmount calldata maxPrice,
        uint256 deadline
    ) external payable nonReentrant returns (uint256 licenceId) {
        _checkPurchase(kind, recipient, deadline);
        (uint32 version, Terms storage terms) = _quotedTerms(assetId, kind, termsVersion);
        uint256 price = terms.price;
        _checkCap(terms.currency, price, maxPrice);
        licenceId = _issue(recipient, assetId, kind, version, terms);
        _refund(_chargeOne(assetId, terms.currency, price, 0));
    }

    /// @inheritdoc ILicensing
    function buyLicences(
        uint256[] calldata assetIds,
        UseKind kind,
        uint32[] calldata termsVersions,
        address recipient,
        CurrencyAmount[] calldata maxTotals,
        uint256 deadline
    ) external payable nonReentrant returns (uint256 firstLicenceId) {
        _checkPurchase(kind, recipient, deadline);
        if (assetIds.length == 0) revert EmptyPurchase();
        if (termsVersions.length != assetIds.length) {
            revert TermsVersionCountMismatch(assetIds.length, termsVersions.length);
        }
        firstLicenceId = _lastLicenceId + 1;
        BulkQuote memory quote = _issueBulk(assetIds, kind, termsVersions, recipient, maxTotals);
        emit BulkLicensed(msg.sender, recipient, kind, firstLicenceId, assetIds.length, quote.currencies, quote.totals);
        _refund(_settleBulk(assetIds, maxTotals, quote));
    }

    /// @inheritdoc ILicensing
    function payForUse(
        uint256 assetId,
        uint256 count,
        uint32 termsVersion,
        CurrencyAmount calldata maxTotal,
        uint256 deadline
    ) external payable nonReentrant {
        _checkOpen(deadline);
        if (count == 0) revert ZeroCount();
        (uint32 version, Terms storage terms) = _quotedTerms(assetId, UseKind.View, termsVersion);
        uint256 total = count * terms.price;
        _checkCap(terms.currency, total, maxTotal);
        address currency = terms.currency;
        uint256 ethCharged = _chargeOne(assetId, currency, total, 0);
        emit UsesPaid(assetId, msg.sender, version, count, currency, total);
        _refund(ethCharged);
    }

    /// @inheritdoc ILicensing
    function registerRemixWithLicences(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        ParentLicence[] calldata licences,
        bytes32 salt,
        uint256 deadline
    ) external payable nonReentrant returns (uint256 remixId) {
        _checkOpen(deadline);
        if (licences.length != parents.length) revert LicenceCountMismatch(parents.length, licences.length);

        (uint256[] memory ids, uint32[] memory versions, uint256 ethCharged) = _buyRemixLicences(parents, licences);
        RegistrationRequest memory request = RegistrationRequest({
            creator: msg.sender,
            contentHash: contentHash,
            metadataURI: metadataURI,
            parents: parents,
            licenceIds: ids,
            salt: salt
        });
        // The caller is the creator and, for a reveal, the committer. No code but the protocol's
        // runs while the flag is set: the purchases' token transfers are done.
        _registeringLicensedRemix = true;
        remixId = PROTOCOL.registerFor(request, msg.sender);
        _registeringLicensedRemix = false;
        for (uint256 i; i < parents.length; ++i) {
            if (ids[i] != 0) continue;
            uint256 parentId = parents[i].parentId;
            // Published terms never change, so this is what the purchase charged.
            Terms storage terms = _terms[parentId][UseKind.Remix][versions[i]];
            emit RemixLicensed(remixId, parentId, versions[i], terms.currency, terms.price);
        }
        _refund(ethCharged);
    }

    /// @inheritdoc ILicensing
    function consumeRemixLicences(
        address creator,
        uint256 remixId,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) external {
        if (msg.sender != address(PROTOCOL)) revert OnlyProtocol(msg.sender);
        if (licenceIds.length != parents.length) revert LicenceCountMismatch(parents.length, licenceIds.length);
        for (uint256 i; i < parents.length; ++i) {
            uint256 licenceId = licenceIds[i];
            uint256 parentId = parents[i].parentId;
            if (licenceId == 0) {
                // Licensed, share checked, by `registerRemixWithLicences` in this very call.
                if (!_registeringLicensedRemix) revert LicenceNotUsable(0, creator, parentId);
                continue;
            }
            Licence storage licence = _licences[licenceId];
            if (
                licence.holder != creator ||
                licence.kind != UseKind.Remix ||
                licence.assetId != parentId ||
                licence.consumedBy != 0
            ) revert LicenceNotUsable(licenceId, creator, parentId);
            if (parents[i].shareBps < licence.minShareBps) {
                revert ShareBelowLicenceMinimum(parentId, parents[i].shareBps, licence.minShareBps);
            }
            // Cannot truncate: asset ids are assigned one by one, far below 2^64.
            licence.consumedBy = uint64(remixId);
            --_unusedRemixLicences[creator][parentId];
            emit LicenceConsumed(licenceId, remixId);
        }
    }

    /* VIEWS */

    /// @inheritdoc ILicensing
    function hasValidLicence(
        address holder,
        uint256 assetId,
        UseKind kind
    ) external view returns (bool valid, uint40 validUntil) {
        if (kind == UseKind.View) return (false, 0);
        if (kind == UseKind.Remix) {
            return _unusedRemixLicences[holder][assetId] != 0 ? (true, PERPETUAL) : (false, 0);
        }
        validUntil = _validUntil[holder][assetId][kind];
        valid = validUntil > block.timestamp;
    }

    /// @inheritdoc ILicensing
    function getLicence(uint256 licenceId) external view returns (Licence memory) {
        return _requireIssued(licenceId);
    }

    /// @inheritdoc ILicensing
    function getTerms(uint256 assetId, UseKind kind, uint32 version) external view returns (Terms memory) {
        return _terms[assetId][kind][version];
    }

    /// @inheritdoc ILicensing
    function latestTermsVersion(uint256 assetId, UseKind kind) external view returns (uint32) {
        return _latestVersion[assetId][kind];
    }

    /// @inheritdoc ILicensing
    function totalLicences() external view returns (uint256) {
        return _lastLicenceId;
    }

    /// @inheritdoc IERC721Metadata
    /// @dev The licence's terms document.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        Licence storage licence = _requireIssued(tokenId);
        return _terms[licence.assetId][licence.kind][licence.termsVersion].documentURI;
    }

    /* INTERNAL */

    function _checkPurchase(UseKind kind, address recipient, uint256 deadline) private view {
        _checkOpen(deadline);
        if (recipient == address(0)) revert InvalidRecipient(recipient);
        if (kind == UseKind.View) revert ViewIsPayPerUse();
    }

    /// @dev Reverts once `deadline` has passed, and while the protocol is paused (also for free uses:
    /// a pause stops every new purchase, not only the payments).
    function _checkOpen(uint256 deadline) private view {
        if (block.timestamp > deadline) revert DeadlinePassed(deadline, block.timestamp);
        if (PROTOCOL.paused()) revert ProtocolPaused();
    }

    /// @dev Reverts unless `price` in `currency` is within the buyer's cap, in the same currency. A
    /// free use passes any cap.
    function _checkCap(address currency, uint256 price, CurrencyAmount calldata cap) private pure {
        if (price == 0) return;
        if (currency != cap.currency) revert CurrencyMismatch(currency, cap.currency);
        if (price > cap.amount) revert PriceAboveMaximum(price, cap.amount);
    }

    /// @dev The latest terms of `assetId` for `kind`, which must be the version the buyer was quoted
    /// (published versions never change, so the buyer gets exactly what it saw) and allow the use;
    /// an asset that does not exist reverts `UnknownAsset`.
    function _quotedTerms(
        uint256 assetId,
        UseKind kind,
        uint32 quotedVersion
    ) private view returns (uint32 version, Terms storage terms) {
        version = _latestVersion[assetId][kind];
        if (version != quotedVersion) revert TermsVersionMismatch(assetId, kind, quotedVersion, version);
        terms = _terms[assetId][kind][version];
        if (!terms.allowed) {
            // Only on the failing path: an asset never given terms may not exist at all.
            if (version == 0 && !PROTOCOL.exists(assetId)) revert UnknownAsset(assetId);
            revert UseNotAllowed(assetId, kind);
        }
    }

    /// @dev Buys, for the caller, a remix licence from each parent whose `licences` entry names none,
    /// checking the parent's share against its terms' minimum. Returns every parent's licence id (0
    /// for those bought: they are used at once and never minted), the terms version of each bought
    /// one and the ETH spent.
    function _buyRemixLicences(
        ParentShare[] calldata parents,
        ParentLicence[] calldata licences
    ) private returns (uint256[] memory ids, uint32[] memory versions, uint256 ethCharged) {
        ids = new uint256[](parents.length);
        versions = new uint32[](parents.length);
        for (uint256 i; i < parents.length; ++i) {
            ParentLicence calldata licence = licences[i];
            ids[i] = licence.licenceId;
            if (ids[i] != 0) continue;
            ParentShare calldata parent = parents[i];
            (uint32 version, Terms storage terms) = _quotedTerms(parent.parentId, UseKind.Remix, licence.termsVersion);
            if (parent.shareBps < terms.minShareBps) {
                revert ShareBelowLicenceMinimum(parent.parentId, parent.shareBps, terms.minShareBps);
            }
            uint256 price = terms.price;
            _checkCap(terms.currency, price, licence.maxPrice);
            versions[i] = version;
            ethCharged = _chargeOne(parent.parentId, terms.currency, price, ethCharged);
        }
    }

    /// @dev Issues a licence of `assetId` for `kind` under `terms` (version `version`) to `holder`.
    function _issue(
        address holder,
        uint256 assetId,
        UseKind kind,
        uint32 version,
        Terms storage terms
    ) private returns (uint256 licenceId) {
        uint256 duration = terms.duration;
        uint256 end = block.timestamp + duration;
        // Perpetual when no duration is set, and when the end lies past what uint40 seconds hold.
        uint40 expiresAt = duration == 0 || end >= PERPETUAL ? PERPETUAL : uint40(end);
        licenceId = ++_lastLicenceId;
        _mintLicence(
            licenceId,
            Licence({
                holder: holder,
                // Cannot truncate: asset ids are assigned one by one, far below 2^48.
                assetId: uint48(assetId),
                kind: kind,
                expiresAt: expiresAt,
                termsVersion: version,
                issuedAt: uint40(block.timestamp),
                consumedBy: 0,
                minShareBps: terms.minShareBps
            })
        );
        if (kind == UseKind.Remix) {
            ++_unusedRemixLicences[holder][assetId];
        } else if (expiresAt > _validUntil[holder][assetId][kind]) {
            _validUntil[holder][assetId][kind] = expiresAt;
        }
        emit LicenceIssued(licenceId, assetId, holder, kind, version, expiresAt, terms.currency, terms.price);
    }

    /// @dev Pays `amount` of `currency` from the caller for a use of `assetId`. `ethSpent` is the ETH
    /// this call has already spent; returns it updated.
    function _chargeOne(uint256 assetId, address currency, uint256 amount, uint256 ethSpent) private returns (uint256) {
        if (amount == 0) return ethSpent;
        uint256[] memory ids = new uint256[](1);
        uint256[] memory amounts = new uint256[](1);
        ids[0] = assetId;
        amounts[0] = amount;
        return _charge(currency, ids, amounts, amount, ethSpent);
    }

    /// @dev Routes payments totalling `total` in `currency` from the caller through the protocol's
    /// royalty rules. ETH comes out of `msg.value`: `ethSpent` (spent before) is returned updated.
    function _charge(
        address currency,
        uint256[] memory assetIds,
        uint256[] memory amounts,
        uint256 total,
        uint256 ethSpent
    ) private returns (uint256) {
        uint256 value;
        if (currency == address(0)) {
            value = total;
            ethSpent += total;
            if (ethSpent > msg.value) revert InsufficientPayment(ethSpent, msg.value);
        }
        PROTOCOL.payFrom{value: value}(msg.sender, currency, assetIds, amounts);
        return ethSpent;
    }

    /// @dev Returns to the caller the ETH it sent beyond `ethSpent`. Sending ETH to a purchase that
    /// charges none is refused as a mistake.
    function _refund(uint256 ethSpent) private {
        if (msg.value == ethSpent) return;
        if (ethSpent == 0) revert UnexpectedPayment(msg.value);
        Address.sendValue(payable(msg.sender), msg.value - ethSpent);
    }

    /// @dev Issues one licence per asset of a bulk purchase and prices it per currency.
    function _issueBulk(
        uint256[] calldata assetIds,
        UseKind kind,
        uint32[] calldata termsVersions,
        address recipient,
        CurrencyAmount[] calldata maxTotals
    ) private returns (BulkQuote memory quote) {
        uint256 caps = maxTotals.length;
        quote.currencies = new address[](caps);
        quote.totals = new uint256[](caps);
        quote.paidCounts = new uint256[](caps);
        quote.capOf = new uint256[](assetIds.length);
        quote.prices = new uint256[](assetIds.length);
        for (uint256 c; c < caps; ++c) {
            quote.currencies[c] = maxTotals[c].currency;
        }
        for (uint256 i; i < assetIds.length; ++i) {
            (uint32 version, Terms storage terms) = _quotedTerms(assetIds[i], kind, termsVersions[i]);
            uint256 price = terms.price;
            quote.prices[i] = price;
            if (price != 0) {
                uint256 c = _capIndex(maxTotals, terms.currency);
                quote.capOf[i] = c;
                quote.totals[c] += price;
                ++quote.paidCounts[c];
            }
            _issue(recipient, assetIds[i], kind, version, terms);
        }
    }

    /// @dev Checks a bulk quote against the buyer's caps and pays it, one protocol call per currency.
    /// Returns the ETH spent.
    function _settleBulk(
        uint256[] calldata assetIds,
        CurrencyAmount[] calldata maxTotals,
        BulkQuote memory quote
    ) private returns (uint256 ethSpent) {
        for (uint256 c; c < maxTotals.length; ++c) {
            uint256 total = quote.totals[c];
            if (total > maxTotals[c].amount) revert PriceAboveMaximum(total, maxTotals[c].amount);
            if (quote.paidCounts[c] == 0) continue;
            uint256[] memory ids = new uint256[](quote.paidCounts[c]);
            uint256[] memory amounts = new uint256[](quote.paidCounts[c]);
            uint256 n;
            for (uint256 i; i < assetIds.length; ++i) {
                if (quote.capOf[i] != c || quote.prices[i] == 0) continue;
                ids[n] = assetIds[i];
                amounts[n] = quote.prices[i];
                ++n;
            }
            ethSpent = _charge(quote.currencies[c], ids, amounts, total, ethSpent);
        }
    }

    /// @dev Index of `currency` in the buyer's caps; reverts if the buyer set none for it.
    function _capIndex(CurrencyAmount[] calldata caps, address currency) private pure returns (uint256) {
        for (uint256 c; c < caps.length; ++c) {
            if (caps[c].currency == currency) return c;
        }
        revert MissingCurrencyCap(currency);
    }
}
