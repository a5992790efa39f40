// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRoyaltyEngine} from "./interfaces/IRoyaltyEngine.sol";
import {ParentLink} from "./libraries/ParentLinks.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {AssetRecord} from "./token/AssetToken.sol";
import {AssetRegistry} from "./AssetRegistry.sol";
import {ProtocolConfig} from "./ProtocolAdmin.sol";

/// @title RoyaltyEngine
/// @notice Payments credit the paid asset, splits move money one hop up, claims pay out.
abstract contract RoyaltyEngine is AssetRegistry, ReentrancyGuardTransient, IRoyaltyEngine {
    using SafeERC20 for IERC20;

    /// @dev Money received by an asset and not yet split. `gross` is what the parents' shares apply
    /// to; `net` is what is held (gross less the fees of direct payments). Both in one slot, so a
    /// payment writes one word. uint128 holds any amount of an allowlisted token (supply < 2^127).
    struct Splittable {
        uint128 gross;
        uint128 net;
    }

    /* STORAGE */

    mapping(uint256 assetId => mapping(address token => Splittable)) private _splittable;
    mapping(uint256 assetId => mapping(address token => uint256)) private _collectable;
    mapping(address token => uint256) private _accruedFees;

    /* PAYMENTS */

    /// @inheritdoc IRoyaltyEngine
    function pay(uint256 assetId, address token, uint256 amount) external payable nonReentrant {
        uint256 feeBps = _requireNotPaused();
        _receive(msg.sender, token, amount);
        uint256 fee = _creditPayment(msg.sender, assetId, token, amount, feeBps);
        if (fee != 0) _accruedFees[token] += fee;
    }

    /// @inheritdoc IRoyaltyEngine
    function payMany(
        address token,
        uint256[] calldata assetIds,
        uint256[] calldata amounts
    ) external payable nonReentrant {
        _payMany(msg.sender, token, assetIds, amounts);
    }

    /// @inheritdoc IRoyaltyEngine
    function payFrom(
        address payer,
        address token,
        uint256[] calldata assetIds,
        uint256[] calldata amounts
    ) external payable nonReentrant {
        if (msg.sender != LICENSING) revert OnlyLicensing(msg.sender);
        _payMany(payer, token, assetIds, amounts);
    }

    /* SPLITS */

    /// @inheritdoc IRoyaltyEngine
    function split(uint256 assetId, address token) external nonReentrant returns (uint256 kept) {
        return _split(assetId, token);
    }

    /// @inheritdoc IRoyaltyEngine
    function splitMany(uint256[] calldata assetIds, address[] calldata tokens) external nonReentrant {
        for (uint256 i; i < assetIds.length; ++i) {
            for (uint256 j; j < tokens.length; ++j) {
                _split(assetIds[i], tokens[j]);
            }
        }
    }

    /* CLAIMS */

    /// @inheritdoc IRoyaltyEngine
    function claim(uint256 assetId, address token, address recipient) external nonReentrant returns (uint256 amount) {
        _checkRecipient(recipient);
        _requireOwnerOrManager(assetId, msg.sender);
        amount = _takeCollectable(assetId, token, recipient, msg.sender);
        if (amount != 0) _send(token, recipient, amount);
    }

    /// @inheritdoc IRoyaltyEngine
    function claimMany(
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) external nonReentrant returns (uint256[] memory amounts) {
        return _claimMany(msg.sender, assetIds, tokens, recipient);
    }

    /// @inheritdoc IRoyaltyEngine
    function claimFor(
        address claimer,
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) external nonReentrant returns (uint256[] memory amounts) {
        if (msg.sender != RELAY) revert OnlyRelay(msg.sender);
        return _claimMany(claimer, assetIds, tokens, recipient);
    }

    /// @inheritdoc IRoyaltyEngine
    function withdrawFees(address token) external nonReentrant returns (uint256 amount) {
        amount = _accruedFees[token];
        if (amount == 0) return 0;
        _accruedFees[token] = 0;
        address to = _treasury;
        emit FeesWithdrawn(token, to, amount);
        _send(token, to, amount);
    }

    /* VIEWS */

    /// @inheritdoc IRoyaltyEngine
    function splittableBalance(uint256 assetId, address token) external view returns (uint256 gross, uint256 net) {
        Splittable memory pending = _splittable[assetId][token];
        return (pending.gross, pending.net);
    }

    /// @inheritdoc IRoyaltyEngine
    function collectableBalance(uint256 assetId, address token) external view returns (uint256) {
        return _collectable[assetId][token];
    }

    /// @inheritdoc IRoyaltyEngine
    function accruedFees(address token) external view returns (uint256) {
        return _accruedFees[token];
    }

    /* INTERNAL */

    /// @dev Reverts while paused; returns the fee in force for payments made now.
    function _requireNotPaused() private returns (uint256 feeBps) {
        ProtocolConfig memory config = _config;
        if (config.paused) revert ProtocolPaused();
        return _applyDueFee(config);
    }

    /// @dev One transfer for many payments in `token` from `payer`, then each asset is credited.
    function _payMany(address payer, address token, uint256[] calldata assetIds, uint256[] calldata amounts) private {
        uint256 feeBps = _requireNotPaused();
        if (assetIds.length != amounts.length) revert LengthMismatch(assetIds.length, amounts.length);
        uint256 total;
        for (uint256 i; i < amounts.length; ++i) {
            total += amounts[i];
        }
        _receive(payer, token, total);
        uint256 fees;
        for (uint256 i; i < assetIds.length; ++i) {
            fees += _creditPayment(payer, assetIds[i], token, amounts[i], feeBps);
        }
        if (fees != 0) _accruedFees[token] += fees;
    }

    /// @dev Takes exactly `amount` of `token` from `payer` (ETH: from `msg.value`), refusing
    /// anything else, including a zero total.
    function _receive(address payer, address token, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        if (token == address(0)) {
            if (msg.value != amount) revert IncorrectPaymentValue(amount, msg.value);
            return;
        }
        if (msg.value != 0) revert IncorrectPaymentValue(0, msg.value);
        if (!isTokenAllowed(token)) revert TokenNotAllowed(token);
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(payer, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    /// @dev Credits one paid use of `assetId` and returns its fee (accrued by the caller).
    function _creditPayment(
        address payer,
        uint256 assetId,
        address token,
        uint256 amount,
        uint256 feeBps
    ) private returns (uint256 fee) {
        if (amount == 0) revert ZeroAmount();
        if (amount > type(uint128).max) revert AmountTooLarge(amount, type(uint128).max);
        AssetRecord storage record = _assets[assetId];
        if (record.owner == address(0)) revert AssetNotFound(assetId);
        fee = RoyaltyMath.fee(amount, feeBps);
        _credit(assetId, token, record.parentCount == 0, amount, amount - fee);
        emit Paid(assetId, token, payer, amount, fee);
    }

    /// @dev Credits an asset: an original's money is its own at once; a remix's waits to be split.
    function _credit(uint256 assetId, address token, bool isOriginal, uint256 gross, uint256 net) private {
        if (isOriginal) {
            _collectable[assetId][token] += net;
        } else {
            // A running total past 2^128 reverts with SafeCast's error; allowlisted tokens' supplies
            // are far below (see `setTokenAllowed`), and splitting the asset empties it.
            Splittable storage pending = _splittable[assetId][token];
            pending.gross = SafeCast.toUint128(pending.gross + gross);
            pending.net = SafeCast.toUint128(pending.net + net);
        }
    }

    function _split(uint256 assetId, address token) private returns (uint256 kept) {
        Splittable memory pending = _splittable[assetId][token];
        if (pending.gross == 0) return 0;
        delete _splittable[assetId][token];

        ParentLink[] memory links = _parentLinks(assetId, _assets[assetId].parentCount);
        uint256 cumulativeBps;
        uint256 forwarded;
        for (uint256 i; i < links.length; ++i) {
            ParentLink memory link = links[i];
            uint256 amount = RoyaltyMath.cumulativeShare(pending.gross, cumulativeBps, link.shareBps);
            cumulativeBps += link.shareBps;
            if (amount == 0) continue;
            forwarded += amount;
            _credit(link.parentId, token, link.parentIsOriginal, amount, amount);
            emit RoyaltyForwarded(assetId, link.parentId, token, amount);
        }
        // forwarded <= gross * (10,000 - MAX_FEE_BPS) / 10,000 <= net: shares plus the fee cap never
        // exceed 100%, and every fee in gross - net was at most MAX_FEE_BPS of its payment.
        kept = pending.net - forwarded;
        if (kept != 0) _collectable[assetId][token] += kept;
        emit Split(assetId, token, pending.gross, pending.net, kept);
    }

    /// @dev Pays `recipient` every collectable balance of `assetIds` in `tokens`, one transfer per
    /// token, for `claimer`, who must own or manage every asset.
    function _claimMany(
        address claimer,
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) private returns (uint256[] memory amounts) {
        _checkRecipient(recipient);
        for (uint256 i; i < assetIds.length; ++i) {
            _requireOwnerOrManager(assetIds[i], claimer);
        }
        // Every balance is taken before any transfer, so no recipient callback can act between
        // the authorization and the accounting. A repeated asset or token finds its balance
        // already zeroed, so nothing is paid twice.
        amounts = new uint256[](tokens.length);
        for (uint256 j; j < tokens.length; ++j) {
            for (uint256 i; i < assetIds.length; ++i) {
                amounts[j] += _takeCollectable(assetIds[i], tokens[j], recipient, claimer);
            }
        }
        for (uint256 j; j < tokens.length; ++j) {
            if (amounts[j] != 0) _send(tokens[j], recipient, amounts[j]);
        }
    }

    /// @dev Zeroes and returns the collectable balance of `assetId` in `token`, recording the claim
    /// by `claimer`.
    function _takeCollectable(
        uint256 assetId,
        address token,
        address recipient,
        address claimer
    ) private returns (uint256 amount) {
        amount = _collectable[assetId][token];
        if (amount == 0) return 0;
        _collectable[assetId][token] = 0;
        emit Claimed(assetId, token, recipient, amount, claimer);
    }

    /// @dev A claim must name a recipient that can receive: not zero, and not this contract (which
    /// would keep ERC-20s owed to no one).
    function _checkRecipient(address recipient) private view {
        if (recipient == address(0) || recipient == address(this)) revert InvalidRecipient(recipient);
    }

    function _send(address token, address to, uint256 amount) private {
        if (token == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
    }
}
