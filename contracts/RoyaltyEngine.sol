// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRoyaltyEngine} from "./interfaces/IRoyaltyEngine.sol";
import {BalanceWords} from "./libraries/BalanceWords.sol";
import {ParentLink} from "./libraries/ParentLinks.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {AssetRecord} from "./token/AssetToken.sol";
import {AssetRegistry} from "./AssetRegistry.sol";
import {ProtocolConfig} from "./ProtocolAdmin.sol";

/// @title RoyaltyEngine
/// @notice Payments credit the paid asset, splits move money one hop up, claims pay out.
abstract contract RoyaltyEngine is AssetRegistry, ReentrancyGuardTransient, IRoyaltyEngine {
    using SafeERC20 for IERC20;

    /* STORAGE */

    /// @dev Per asset and token, everything the engine keeps, packed (see `BalanceWords`).
    mapping(uint256 assetId => mapping(address token => uint256 word)) private _balances;
    /// @dev Per ERC-20, accrued fees and the lifetime paid gross modulo 10,000, packed the same
    /// way. ETH's are kept in the protocol's config slot, which every payment reads anyway.
    mapping(address token => uint256 word) private _erc20Fees;

    /* PAYMENTS */

    /// @inheritdoc IRoyaltyEngine
    function pay(uint256 assetId, address token, uint256 amount) external payable nonReentrant {
        uint256 feeBps = _requireNotPaused();
        _receive(msg.sender, token, amount);
        uint256 fees = _loadFees(token);
        fees = _creditPayment(msg.sender, assetId, token, amount, feeBps, fees);
        _storeFees(token, fees);
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
    function split(uint256 assetId, address token) external nonReentrant returns (uint256 forwarded) {
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
        amount = _take(assetId, token);
        if (amount == 0) return 0;
        uint256[] memory assetIds = new uint256[](1);
        uint256[] memory amounts = new uint256[](1);
        (assetIds[0], amounts[0]) = (assetId, amount);
        emit Claimed(token, recipient, msg.sender, assetIds, amounts);
        _send(token, recipient, amount);
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
        uint256 fees = _loadFees(token);
        amount = BalanceWords.held(fees);
        if (amount == 0) return 0;
        _storeFees(token, BalanceWords.debit(fees, amount));
        address to = _treasury;
        emit FeesWithdrawn(token, to, amount);
        _send(token, to, amount);
    }

    /* VIEWS */

    /// @inheritdoc IRoyaltyEngine
    function royaltyBalance(
        uint256 assetId,
        address token
    ) external view returns (uint256 held, uint256 pendingGross, uint256 remainder) {
        uint256 word = _balances[assetId][token];
        return (BalanceWords.held(word), BalanceWords.pendingGross(word), BalanceWords.remainder(word));
    }

    /// @inheritdoc IRoyaltyEngine
    function collectableBalance(uint256 assetId, address token) external view returns (uint256) {
        uint256 word = _balances[assetId][token];
        uint256 pending = BalanceWords.pendingGross(word);
        if (pending == 0) return BalanceWords.held(word);
        (uint256 gross, , uint256 forwarded) = _coveredSplit(_parentLinks(assetId), word);
        // Gross left unsplit means everything held is owed to the parents (see `claim`).
        return gross == pending ? BalanceWords.held(word) - forwarded : 0;
    }

    /// @inheritdoc IRoyaltyEngine
    function accruedFees(address token) external view returns (uint256 amount, uint256 grossRemainder) {
        uint256 fees = _loadFees(token);
        return (BalanceWords.held(fees), BalanceWords.remainder(fees));
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
        uint256 fees = _loadFees(token);
        for (uint256 i; i < assetIds.length; ++i) {
            fees = _creditPayment(payer, assetIds[i], token, amounts[i], feeBps, fees);
        }
        _storeFees(token, fees);
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

    /// @dev Credits one paid use of `assetId` and returns `fees` charged its fee (written by the
    /// caller). The fee is the increment of floor(lifetime paid gross * fee) in the token, so
    /// however payments are chunked their fees add up to the fee on their total, within one unit
    /// per fee change.
    function _creditPayment(
        address payer,
        uint256 assetId,
        address token,
        uint256 amount,
        uint256 feeBps,
        uint256 fees
    ) private returns (uint256) {
        if (amount == 0) revert ZeroAmount();
        if (amount > type(uint120).max) revert AmountTooLarge(amount, type(uint120).max);
        uint256 word = _balances[assetId][token];
        // A word in use belongs to an existing asset and knows whether it is a remix, so a
        // steady payment never reads the asset's record.
        if (!BalanceWords.inUse(word)) {
            AssetRecord storage record = _assets[assetId];
            if (record.owner == address(0)) revert AssetNotFound(assetId);
            word = BalanceWords.opened(record.parentCount != 0);
        }
        uint256 paidBefore = BalanceWords.remainder(fees);
        uint256 fee = RoyaltyMath.increment(paidBefore, amount, feeBps);
        _balances[assetId][token] = BalanceWords.credit(word, amount - fee, BalanceWords.isRemix(word) ? amount : 0);
        emit Paid(assetId, token, payer, amount, fee);
        return BalanceWords.withRemainder(BalanceWords.credit(fees, fee, 0), RoyaltyMath.advance(paidBefore, amount));
    }

    /// @dev The fee word of `token` (see `BalanceWords`); ETH's is assembled from the config slot.
    function _loadFees(address token) private view returns (uint256) {
        if (token != address(0)) return _erc20Fees[token];
        ProtocolConfig storage config = _config;
        return BalanceWords.withRemainder(BalanceWords.credit(0, config.ethFees, 0), config.ethFeeRemainder);
    }

    /// @dev Stores the fee word of `token`. ETH's fields are written into the config slot in place
    /// (never from a copy read earlier, which could undo a change made since).
    function _storeFees(address token, uint256 fees) private {
        if (token != address(0)) {
            _erc20Fees[token] = fees;
            return;
        }
        ProtocolConfig storage config = _config;
        // One assignment, so the slot is written once. Cannot truncate: a remainder is below 10,000.
        (config.ethFees, config.ethFeeRemainder) = (
            SafeCast.toUint120(BalanceWords.held(fees)),
            uint16(BalanceWords.remainder(fees))
        );
    }

    /// @dev Splits what is pending for `assetId` in `token`; returns what its parents received.
    function _split(uint256 assetId, address token) private returns (uint256 forwarded) {
        mapping(address => uint256) storage balances = _balances[assetId];
        uint256 word = balances[token];
        if (BalanceWords.pendingGross(word) == 0) return 0;
        uint256 settled;
        (settled, forwarded) = _settle(assetId, token, word);
        if (settled != word) balances[token] = settled;
    }

    /// @dev Splits `word` (pending, so of a remix) of `assetId` in `token` and credits its parents;
    /// returns the word afterwards, for the caller to write, and what the parents received. A split
    /// that covers nothing changes nothing and emits nothing.
    function _settle(
        uint256 assetId,
        address token,
        uint256 word
    ) private returns (uint256 settled, uint256 forwarded) {
        ParentLink[] memory links = _parentLinks(assetId);
        (uint256 gross, uint256[] memory amounts, uint256 total) = _coveredSplit(links, word);
        if (gross == 0) return (word, 0);
        for (uint256 i; i < links.length; ++i) {
            if (amounts[i] != 0) _creditParent(links[i], token, amounts[i]);
        }
        emit Split(assetId, token, gross, amounts);
        return (BalanceWords.settle(word, gross, total), total);
    }

    /// @dev The split of `word` over `links`: parent i is owed the increment of
    /// floor(lifetime split gross * s_i). Each parent rounds on its own, so on a tiny split the
    /// parents together may be owed more than is held (16 parents, 1 unit held). Then only the
    /// largest part of the pending gross that is covered is split, and the rest waits for the next
    /// split: no parent is rounded down for good and a split never forwards more than it holds.
    /// What parents are owed only grows with the gross split, so the largest covered part is found
    /// by bisection.
    /// @return gross The part of the pending gross split.
    /// @return amounts Each parent's credit, in link order.
    /// @return forwarded Their total (at most what is held).
    function _coveredSplit(
        ParentLink[] memory links,
        uint256 word
    ) private pure returns (uint256 gross, uint256[] memory amounts, uint256 forwarded) {
        gross = BalanceWords.pendingGross(word);
        uint256 held = BalanceWords.held(word);
        uint256 remainder = BalanceWords.remainder(word);
        (amounts, forwarded) = _owed(links, remainder, gross);
        if (forwarded <= held) return (gross, amounts, forwarded);
        // Invariant: owed(low) <= held < owed(high). Each of the n parents is owed at most one unit
        // more than its exact share, so owed(g) <= g * S / 10,000 + n for the shares' total S (not
        // 0: something is owed): the search starts there and takes a few steps, not log2(gross).
        uint256 shares;
        for (uint256 i; i < links.length; ++i) {
            shares += links[i].shareBps;
        }
        uint256 low = held > links.length ? ((held - links.length) * RoyaltyMath.BPS) / shares : 0;
        uint256 high = gross;
        while (high - low > 1) {
            uint256 middle = low + (high - low) / 2;
            if (_owedTotal(links, remainder, middle) <= held) low = middle;
            else high = middle;
        }
        gross = low;
        (amounts, forwarded) = _owed(links, remainder, gross);
    }

    /// @dev What each parent is owed of `gross` split after a lifetime split gross of `remainder`
    /// modulo 10,000, and their total.
    function _owed(
        ParentLink[] memory links,
        uint256 remainder,
        uint256 gross
    ) private pure returns (uint256[] memory amounts, uint256 total) {
        amounts = new uint256[](links.length);
        for (uint256 i; i < links.length; ++i) {
            amounts[i] = RoyaltyMath.increment(remainder, gross, links[i].shareBps);
            total += amounts[i];
        }
    }

    /// @dev What the parents are owed in total of `gross` split after a lifetime split gross of
    /// `remainder` modulo 10,000.
    function _owedTotal(
        ParentLink[] memory links,
        uint256 remainder,
        uint256 gross
    ) private pure returns (uint256 total) {
        for (uint256 i; i < links.length; ++i) {
            total += RoyaltyMath.increment(remainder, gross, links[i].shareBps);
        }
    }

    /// @dev Credits a split's `amount` to a parent: held at once, and pending too if the parent is
    /// itself a remix (a forwarded amount carries no fee, so it is gross and net alike).
    function _creditParent(ParentLink memory link, address token, uint256 amount) private {
        mapping(address => uint256) storage parentBalances = _balances[link.parentId];
        uint256 word = parentBalances[token];
        if (!BalanceWords.inUse(word)) word = BalanceWords.opened(!link.parentIsOriginal);
        parentBalances[token] = BalanceWords.credit(word, amount, link.parentIsOriginal ? 0 : amount);
    }

    /// @dev Pays `recipient` what `assetIds` hold for their owners in `tokens`, one transfer per
    /// token, for `claimer`, who must own or manage every asset.
    function _claimMany(
        address claimer,
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) private returns (uint256[] memory totals) {
        _checkRecipient(recipient);
        for (uint256 i; i < assetIds.length; ++i) {
            _requireOwnerOrManager(assetIds[i], claimer);
        }
        // Every balance is taken before any transfer, so no recipient callback can act between
        // the authorization and the accounting. A repeated asset or token finds its balance
        // already zeroed, so nothing is paid twice.
        totals = new uint256[](tokens.length);
        for (uint256 j; j < tokens.length; ++j) {
            address token = tokens[j];
            uint256[] memory amounts = new uint256[](assetIds.length);
            uint256 total;
            for (uint256 i; i < assetIds.length; ++i) {
                uint256 amount = _take(assetIds[i], token);
                amounts[i] = amount;
                total += amount;
            }
            totals[j] = total;
            if (total != 0) emit Claimed(token, recipient, claimer, assetIds, amounts);
        }
        for (uint256 j; j < tokens.length; ++j) {
            if (totals[j] != 0) _send(tokens[j], recipient, totals[j]);
        }
    }

    /// @dev Splits what `assetId` has pending in `token` (so its parents get their shares first),
    /// then zeroes and returns what it holds (the caller records the claim). Gross left unsplit
    /// (what is held does not reach the parents' next rounding step) means everything held is owed
    /// to the parents: then nothing is paid, or an owner claiming after every payment would keep
    /// its parents from ever being paid.
    function _take(uint256 assetId, address token) private returns (uint256 amount) {
        mapping(address => uint256) storage balances = _balances[assetId];
        uint256 word = balances[token];
        uint256 settled = word;
        if (BalanceWords.pendingGross(word) != 0) {
            (settled, ) = _settle(assetId, token, word);
            if (BalanceWords.pendingGross(settled) != 0) {
                if (settled != word) balances[token] = settled;
                return 0;
            }
        }
        amount = BalanceWords.held(settled);
        if (amount == 0 && settled == word) return 0;
        settled = BalanceWords.debit(settled, amount);
        // Nothing left to remember: free the slot (the refund lowers the claim's cost).
        if (BalanceWords.isEmpty(settled)) delete balances[token];
        else balances[token] = settled;
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
