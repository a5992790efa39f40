// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CurrencyAmount, ILicensing, Licence, Terms, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {LicensingBase} from "./LicensingBase.sol";
import {KINDS, LicensingModel} from "./LicensingModel.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {VM} from "./Vm.sol";

/// @notice Handler of licensing: terms, licence purchases (one, or many in one call across
/// currencies), pay per view, and time moving on so licences expire. Every purchase is priced from
/// the model's terms and must charge exactly that; refused purchases must revert with their exact
/// error.
contract LicensingHandler is LicensingBase {
    uint256 private constant MAX_BULK = 8;
    uint256 private constant MAX_USES = 100;
    uint256 private constant MAX_WARP = 45 days;
    uint256 private constant MAX_SWITCHED_PRICE = 1e24;

    /// @notice Purchases quoted before the owner republished the terms (same price, other duration,
    /// minimum share, document or currency), refused with exactly `TermsVersionMismatch` and changing
    /// nothing.
    uint256 public staleQuoteRefusals;
    /// @notice Such purchases that succeeded, reverted otherwise, or changed something.
    uint256 public staleQuoteAccepted;

    /// @param protocol_ The protocol under test; `admin_` must own it and `erc20_` be allowed.
    /// @param royaltyModel_ The model of the protocol's books, shared by all handlers.
    /// @param licensingModel_ The model of the licensing contract, shared by all handlers.
    constructor(
        RemixProtocol protocol_,
        MockERC20 erc20_,
        address admin_,
        ProtocolModel royaltyModel_,
        LicensingModel licensingModel_
    ) HandlerBase(protocol_, erc20_, admin_, royaltyModel_, licensingModel_) {}

    /// @notice The owner of a random asset, or an actor it names revenue manager first, publishes
    /// random terms for a random use kind.
    function setTerms(uint256 assetSeed, uint256 kindSeed, uint256 termsSeed, bool viaManager) external {
        uint256 assetId = _randomAsset(assetSeed);
        if (assetId == 0) return;
        UseKind kind = UseKind(kindSeed % KINDS);
        address caller = protocol.ownerOf(assetId);
        if (viaManager) {
            address manager = _actor(kindSeed >> 8);
            VM.prank(caller);
            protocol.setRevenueManager(assetId, manager);
            caller = manager;
        }
        _setTerms(caller, assetId, kind, _randomTerms(kind, termsSeed));
    }

    /// @notice `buyer` buys a licence of a random kind (not `View`) of a random asset for
    /// `recipient`, capped at the price or not at all (any cap when free), sending extra ETH that must
    /// come back.
    function buyLicence(
        uint256 assetSeed,
        uint256 kindSeed,
        uint256 buyerSeed,
        uint256 recipientSeed,
        uint256 capSeed
    ) external {
        uint256 assetId = _randomAsset(assetSeed);
        if (assetId == 0) return;
        _tryBuyLicence(_actor(buyerSeed), _actor(recipientSeed), assetId, _licensedKind(kindSeed), capSeed);
    }

    /// @notice Buys again what a random past licence bought (same asset, kind and holder), after its
    /// owner publishes new terms for that kind when `changeTerms`: a renewal keeps the latest expiry
    /// (never shortens validity) and remix licences add up.
    function renewLicence(uint256 licenceSeed, uint256 termsSeed, uint256 buyerSeed, bool changeTerms) external {
        uint256 count = licensingModel.licenceCount();
        if (count == 0) return;
        Licence memory licence = licensingModel.issuedLicence(1 + (licenceSeed % count));
        if (changeTerms) {
            address owner = protocol.ownerOf(licence.assetId);
            _setTerms(owner, licence.assetId, licence.kind, _randomTerms(licence.kind, termsSeed));
        }
        _tryBuyLicence(_actor(buyerSeed), licence.holder, licence.assetId, licence.kind, termsSeed >> 128);
    }

    /// @notice `buyer` buys, in one call, a licence of one kind for each of 1-8 random assets
    /// whose terms allow it (repeats allowed; mixed currencies) for `recipient`, with a cap per
    /// currency charged of the exact total or more, listed in random order.
    function buyLicences(
        uint256[MAX_BULK] calldata assetSeeds,
        uint256 count,
        uint256 kindSeed,
        uint256 buyerSeed,
        uint256 recipientSeed,
        uint256 capSeed
    ) external {
        if (protocol.totalAssets() == 0) return;
        UseKind kind = _licensedKind(kindSeed);
        uint256[] memory assetIds = _allowedAssets(assetSeeds, 1 + (count % MAX_BULK), kind);
        if (assetIds.length == 0) return;
        (uint256[2] memory bill, CurrencyAmount[] memory caps) = _quote(assetIds, kind, capSeed);
        bytes memory callData = abi.encodeCall(
            licensing.buyLicences,
            (assetIds, kind, _versions(assetIds, kind), _actor(recipientSeed), caps, block.timestamp)
        );
        address buyer = _actor(buyerSeed);
        if (protocol.paused()) {
            _fundBill(buyer, bill, 0);
            _expectPaused(address(licensing), buyer, bill[ETH_INDEX], callData);
            return;
        }

        uint256 firstId = licensingModel.licenceCount() + 1;
        for (uint256 i; i < assetIds.length; ++i) {
            _modelLicenceSale(_actor(recipientSeed), assetIds[i], kind);
        }
        bytes memory result = _callLicensing(address(licensing), buyer, bill, _extraEth(bill, capSeed >> 8), callData);
        require(abi.decode(result, (uint256)) == firstId, "buyLicences: first id != model");
        licensingModel.checkIssuedSince(firstId);
    }

    /// @notice `payer` pays for 1-100 views of a random asset, capped at the exact total or not at all
    /// (any cap when free).
    function payForUse(uint256 assetSeed, uint256 count, uint256 payerSeed, uint256 capSeed) external {
        uint256 assetId = _randomAsset(assetSeed);
        if (assetId == 0) return;
        count = 1 + (count % MAX_USES);
        address payer = _actor(payerSeed);
        LicensingModel.PublishedTerms memory terms = licensingModel.published(assetId, UseKind.View);
        uint256 total = count * terms.price;
        bytes memory callData = abi.encodeCall(
            licensing.payForUse,
            (assetId, count, terms.version, _cap(terms.currency, total, capSeed), block.timestamp)
        );
        uint256[2] memory bill = _bill(terms.currency, terms.allowed ? total : 0);
        if (protocol.paused()) {
            _fundBill(payer, bill, 0);
            _expectPaused(address(licensing), payer, bill[ETH_INDEX], callData);
            return;
        }
        if (!terms.allowed) {
            _expectUseNotAllowed(payer, callData, assetId, UseKind.View);
            return;
        }

        licensingModel.recordUses(assetId, count);
        if (total != 0) royaltyModel.recordPayment(assetId, terms.currency, total);
        _callLicensing(address(licensing), payer, bill, _extraEth(bill, capSeed >> 8), callData);
    }

    /// @notice A buyer quotes a random use of a random asset (whose owner first publishes paid terms
    /// for it if the use is refused or free), then the owner republishes them at the same price with
    /// another duration, minimum share, document or currency before the buyer's purchase (or views)
    /// lands: refused with `TermsVersionMismatch` (`ProtocolPaused` while paused), charging and
    /// issuing nothing.
    function buyAfterTermsChange(
        uint256 assetSeed,
        uint256 kindSeed,
        uint256 buyerSeed,
        uint256 termsSeed,
        uint256 capSeed
    ) external {
        uint256 assetId = _randomAsset(assetSeed);
        if (assetId == 0) return;
        UseKind kind = UseKind(kindSeed % KINDS);
        LicensingModel.PublishedTerms memory quoted = _paidQuote(assetId, kind, termsSeed);
        uint256 count = kind == UseKind.View ? 1 + ((kindSeed >> 8) % MAX_USES) : 1;
        bytes memory callData = _staleCall(assetId, kind, count, _actor(buyerSeed >> 8), quoted, capSeed);
        _republishSamePrice(assetId, kind, quoted.version, termsSeed >> 64);
        _expectStaleQuoteRefused(
            _actor(buyerSeed),
            _bill(quoted.currency, count * quoted.price),
            callData,
            abi.encodeWithSelector(
                ILicensing.TermsVersionMismatch.selector,
                assetId,
                kind,
                quoted.version,
                quoted.version + 1
            )
        );
    }

    /// @notice Moves time forward by up to 45 days, past the end of short licences.
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + 1 + (secondsSeed % MAX_WARP));
    }

    /* INTERNAL */

    /// @dev The terms of `assetId` for `kind` a buyer quotes, after its owner publishes random paid
    /// ones if the use is refused or free.
    function _paidQuote(
        uint256 assetId,
        UseKind kind,
        uint256 termsSeed
    ) private returns (LicensingModel.PublishedTerms memory quoted) {
        quoted = licensingModel.published(assetId, kind);
        if (quoted.allowed && quoted.price != 0) return quoted;
        Terms memory terms = _randomTerms(kind, termsSeed);
        terms.allowed = true;
        if (terms.price == 0) terms.price = uint128(1 + ((termsSeed >> 128) % MAX_SWITCHED_PRICE));
        _setTerms(protocol.ownerOf(assetId), assetId, kind, terms);
        return licensingModel.published(assetId, kind);
    }

    /// @dev The owner of `assetId` republishes `version` of its `kind` terms at the same price with
    /// one thing changed: the currency, the document, or the duration (minimum share for `Remix`).
    function _republishSamePrice(uint256 assetId, UseKind kind, uint32 version, uint256 seed) private {
        Terms memory terms = licensing.getTerms(assetId, kind, version);
        uint256 change = seed % 3;
        if (change == 0) {
            terms.currency = terms.currency == address(0) ? address(erc20) : address(0);
        } else if (change == 1) {
            terms.documentHash = keccak256(abi.encode(terms.documentHash));
        } else if (kind == UseKind.Remix) {
            terms.minShareBps = uint16((terms.minShareBps + 1 + (seed >> 8)) % (BPS - protocol.MAX_FEE_BPS() + 1));
        } else {
            terms.duration = terms.duration == 1 ? 2 : 1;
        }
        _setTerms(protocol.ownerOf(assetId), assetId, kind, terms);
    }

    /// @dev `buyer`, funded for its stale quote `bill`, sends `callData`: while paused it must fail
    /// with `ProtocolPaused`, else with exactly `expected` and no licence, ETH or ERC-20 moved.
    function _expectStaleQuoteRefused(
        address buyer,
        uint256[2] memory bill,
        bytes memory callData,
        bytes memory expected
    ) private {
        _fundBill(buyer, bill, 0);
        if (protocol.paused()) {
            _expectPaused(address(licensing), buyer, bill[ETH_INDEX], callData);
            return;
        }
        bytes32 before = _purchaseState(buyer);
        bool refused = _revertsWith(address(licensing), buyer, bill[ETH_INDEX], callData, expected);
        if (refused && _purchaseState(buyer) == before) {
            ++staleQuoteRefusals;
        } else {
            ++staleQuoteAccepted;
        }
    }

    /// @dev The call a buyer prepares from the `quoted` terms: `count` views, or one `kind` licence
    /// for `recipient`, capped in the quoted currency at the quoted total or unlimited.
    function _staleCall(
        uint256 assetId,
        UseKind kind,
        uint256 count,
        address recipient,
        LicensingModel.PublishedTerms memory quoted,
        uint256 capSeed
    ) private view returns (bytes memory) {
        CurrencyAmount memory cap = _cap(quoted.currency, count * quoted.price, capSeed);
        uint32 version = quoted.version;
        if (kind == UseKind.View) {
            return abi.encodeCall(licensing.payForUse, (assetId, count, version, cap, block.timestamp));
        }
        return abi.encodeCall(licensing.buyLicence, (assetId, kind, version, recipient, cap, block.timestamp));
    }

    /// @dev What a refused purchase by `buyer` must leave as it was: licences issued, and the ETH and
    /// ERC-20 held by the buyer, the protocol and the licensing contract.
    function _purchaseState(address buyer) private view returns (bytes32) {
        address[3] memory holders = [buyer, address(protocol), address(licensing)];
        uint256[7] memory state;
        state[0] = licensing.totalLicences();
        for (uint256 i; i < holders.length; ++i) {
            (state[1 + 2 * i], state[2 + 2 * i]) = (holders[i].balance, erc20.balanceOf(holders[i]));
        }
        return keccak256(abi.encode(state));
    }

    /// @dev The assets of the first `count` seeds whose terms allow `kind`.
    function _allowedAssets(
        uint256[MAX_BULK] calldata seeds,
        uint256 count,
        UseKind kind
    ) private view returns (uint256[] memory assetIds) {
        assetIds = new uint256[](count);
        uint256 allowed;
        for (uint256 i; i < count; ++i) {
            uint256 assetId = _randomAsset(seeds[i]);
            if (licensingModel.published(assetId, kind).allowed) assetIds[allowed++] = assetId;
        }
        assembly ("memory-safe") {
            mstore(assetIds, allowed)
        }
    }

    /// @dev What buying `kind` licences of `assetIds` costs per currency, and caps for the purchase:
    /// one per currency charged (free assets need none), sometimes one for another currency too
    /// (even at a zero total), each the exact total or above it, in random order.
    function _quote(
        uint256[] memory assetIds,
        UseKind kind,
        uint256 capSeed
    ) private view returns (uint256[2] memory bill, CurrencyAmount[] memory caps) {
        bool[2] memory listed = [capSeed % 3 == 0, capSeed % 5 == 0];
        for (uint256 i; i < assetIds.length; ++i) {
            LicensingModel.PublishedTerms memory terms = licensingModel.published(assetIds[i], kind);
            uint256 index = _tokenIndex(terms.currency);
            bill[index] += terms.price;
            if (terms.price != 0) listed[index] = true;
        }
        caps = new CurrencyAmount[]((listed[0] ? 1 : 0) + (listed[1] ? 1 : 0));
        address[] memory tokens = _tokens();
        uint256 n;
        for (uint256 j; j < tokens.length; ++j) {
            if (!listed[j]) continue;
            uint256 slack = (capSeed >> (16 + j)) & 1 == 0 ? 0 : capSeed >> 128;
            caps[n++] = CurrencyAmount({currency: tokens[j], amount: bill[j] + slack});
        }
        if (n == 2 && (capSeed >> 24) & 1 == 1) (caps[0], caps[1]) = (caps[1], caps[0]);
    }

    /// @dev Any kind a licence token is sold for: all but `View`.
    function _licensedKind(uint256 seed) private pure returns (UseKind) {
        return UseKind(1 + (seed % (KINDS - 1)));
    }
}
