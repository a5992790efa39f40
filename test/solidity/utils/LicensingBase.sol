// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CurrencyAmount, ILicensing, Terms, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {KINDS, LicensingModel, PERPETUAL} from "./LicensingModel.sol";
import {VM} from "./Vm.sol";

/// @notice What the licensing and remix handlers share: publishing random terms and buying one
/// licence (or checking it is refused with the exact error), checked against the models.
abstract contract LicensingBase is HandlerBase {
    uint256 private constant MAX_PRICE_DIGITS = 24;
    uint256 private constant MAX_DURATION = 30 days;
    /// @dev Most remix terms ask little, so remixes can name many parents; some ask up to the limit.
    uint256 private constant SMALL_MIN_SHARE_BPS = 500;

    /// @dev The owner of `assetId` publishes random terms for every use kind: `seed`'s for remixes,
    /// others derived from it.
    function _publishAllTerms(address owner, uint256 assetId, uint256 seed) internal {
        for (uint256 k; k < KINDS; ++k) {
            UseKind kind = UseKind(k);
            uint256 kindSeed = kind == UseKind.Remix ? seed : uint256(keccak256(abi.encode(seed, k)));
            _setTerms(owner, assetId, kind, _randomTerms(kind, kindSeed));
        }
    }

    /// @dev Publishes `terms` as `caller` and checks the version against the model.
    function _setTerms(address caller, uint256 assetId, UseKind kind, Terms memory terms) internal {
        uint32 expected = licensingModel.recordTerms(assetId, kind, terms);
        VM.prank(caller);
        require(licensing.setTerms(assetId, kind, terms) == expected, "setTerms: version != model");
    }

    /// @dev `buyer` buys a `kind` licence of `assetId` for `recipient` with a cap from `capSeed` (see
    /// `_cap`): refused with `ProtocolPaused` while paused (free licences too, whatever the terms),
    /// else with `UseNotAllowed` unless the terms allow it. A refused purchase issues nothing.
    function _tryBuyLicence(address buyer, address recipient, uint256 assetId, UseKind kind, uint256 capSeed) internal {
        LicensingModel.PublishedTerms memory terms = licensingModel.published(assetId, kind);
        CurrencyAmount memory cap = _cap(terms.currency, terms.price, capSeed);
        bytes memory callData = abi.encodeCall(
            licensing.buyLicence,
            (assetId, kind, licensingModel.published(assetId, kind).version, recipient, cap, block.timestamp)
        );
        if (protocol.paused()) {
            uint256[2] memory bill = _bill(terms.currency, terms.allowed ? terms.price : 0);
            _fundBill(buyer, bill, 0);
            _expectPaused(address(licensing), buyer, bill[ETH_INDEX], callData);
            return;
        }
        if (!terms.allowed) {
            _expectUseNotAllowed(buyer, callData, assetId, kind);
            return;
        }
        _buyLicence(buyer, recipient, assetId, kind, cap, capSeed >> 8);
    }

    function _expectUseNotAllowed(address caller, bytes memory callData, uint256 assetId, UseKind kind) internal {
        bytes memory expected = abi.encodeWithSelector(ILicensing.UseNotAllowed.selector, assetId, kind);
        _expectRevert(address(licensing), caller, callData, expected);
    }

    /// @dev `buyer` buys one `kind` licence of `assetId` for `recipient` within `cap`, sending
    /// `extraSeed`-random extra ETH when the price is in ETH; returns the licence id, checked against
    /// the model.
    function _buyLicence(
        address buyer,
        address recipient,
        uint256 assetId,
        UseKind kind,
        CurrencyAmount memory cap,
        uint256 extraSeed
    ) internal returns (uint256 licenceId) {
        (uint256 id, address currency, uint256 price) = _modelLicenceSale(recipient, assetId, kind);
        licenceId = id;
        uint256[2] memory bill = _bill(currency, price);
        bytes memory callData = abi.encodeCall(
            licensing.buyLicence,
            (assetId, kind, licensingModel.published(assetId, kind).version, recipient, cap, block.timestamp)
        );
        bytes memory result = _callLicensing(address(licensing), buyer, bill, _extraEth(bill, extraSeed), callData);
        require(abi.decode(result, (uint256)) == licenceId, "buyLicence: id != model");
        licensingModel.checkIssuedSince(licenceId);
    }

    /// @dev A buyer's cap for a quote of `price` in `currency`: that currency, at exactly the price
    /// or unlimited. A free use passes any cap, so half of free quotes get one in a random currency
    /// at 0 instead.
    function _cap(address currency, uint256 price, uint256 seed) internal view returns (CurrencyAmount memory) {
        if (price == 0 && (seed >> 1) % 2 == 0) return CurrencyAmount({currency: _token(seed >> 2), amount: 0});
        return CurrencyAmount({currency: currency, amount: seed % 2 == 0 ? price : type(uint256).max});
    }

    /// @dev Valid terms for `kind`: allowed four times in five, in ETH or the ERC-20, at a random
    /// price (free one time in four), with a random duration (non-remix kinds) or minimum share
    /// (remix).
    /// @dev The latest terms version of each asset for `kind`, as a buyer quotes them.
    function _versions(uint256[] memory assetIds, UseKind kind) internal view returns (uint32[] memory versions) {
        versions = new uint32[](assetIds.length);
        for (uint256 i; i < assetIds.length; ++i) {
            versions[i] = licensingModel.published(assetIds[i], kind).version;
        }
    }

    function _randomTerms(UseKind kind, uint256 seed) internal view returns (Terms memory terms) {
        terms.allowed = seed % 5 != 0;
        terms.currency = _token(seed >> 8);
        terms.price = _randomPrice(seed >> 16);
        if (kind == UseKind.Remix) {
            terms.minShareBps = _randomMinShare(seed >> 64);
        } else {
            terms.duration = _randomDuration(seed >> 64);
        }
        terms.documentHash = keccak256(abi.encode(seed));
        terms.documentURI = "ipfs://terms";
    }

    /// @dev Zero one time in four, else from 1 wei up to any magnitude below 10^24.
    function _randomPrice(uint256 seed) private pure returns (uint128) {
        if (seed % 4 == 0) return 0;
        return uint128(1 + ((seed >> 8) % (10 ** ((seed >> 2) % (MAX_PRICE_DIGITS + 1)))));
    }

    /// @dev Perpetual; short enough for time warps to expire it; or so long that a licence's end
    /// lands around the largest uint40, where it must become perpetual.
    function _randomDuration(uint256 seed) private view returns (uint40) {
        uint256 choice = seed % 4;
        if (choice == 0) return 0;
        if (choice == 1) return uint40(PERPETUAL - ((seed >> 8) % (2 * block.timestamp + 1)));
        return uint40(1 + ((seed >> 8) % MAX_DURATION));
    }

    function _randomMinShare(uint256 seed) private view returns (uint16) {
        uint256 max = seed % 8 == 0 ? BPS - protocol.MAX_FEE_BPS() : SMALL_MIN_SHARE_BPS;
        return uint16((seed >> 8) % (max + 1));
    }
}
