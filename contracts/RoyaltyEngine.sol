// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {TransientReentrancyGuard} from "./utils/TransientReentrancyGuard.sol";
import {IRoyaltyEngine} from "./interfaces/IRoyaltyEngine.sol";
import {BalanceWords} from "./libraries/BalanceWords.sol";
import {ConfigWord} from "./libraries/ConfigWord.sol";
import {ParentLinks} from "./libraries/ParentLinks.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {AssetRecord} from "./token/AssetToken.sol";
import {AssetRegistry} from "./AssetRegistry.sol";

/// @title RoyaltyEngine
/// @notice Payments credit the paid asset, splits move money one hop up, claims pay out.
abstract contract RoyaltyEngine is AssetRegistry, TransientReentrancyGuard, IRoyaltyEngine {
    using SafeERC20 for IERC20;

    /// @dev One balance word (see `BalanceWords`), held in a struct so that a storage reference to
    /// it lets a read and the write that follows share one computation of its slot. Its layout is
    /// that of a plain `uint256` entry.
    struct Balance {
        uint256 word;
    }

    /* STORAGE */

    /// @dev Per asset and token, everything the engine keeps, packed (see `BalanceWords`). The fee
    /// ledgers are ETH's in the config word (which every payment reads anyway) and each ERC-20's in
    /// its token word, beside its allowlist bit (see `ProtocolAdmin`).
    mapping(uint256 assetId => mapping(address token => Balance)) private _balances;

    /* PAYMENTS */

    /// @inheritdoc IRoyaltyEngine
    function pay(uint256 assetId, address token, uint256 amount) external payable nonReentrant {
        // The same checks, in the same order, as `payMany` of one payment (see `_openForPayments`),
        // with each fee ledger updated in place: ETH's in the config word read here (no call is
        // made before it is written back), an ERC-20's read after its transfer.
        uint256 config = _config;
        if (ConfigWord.paused(config)) revert ProtocolPaused();
        uint256 feeBps = ConfigWord.feeBps(config);
        if (ConfigWord.isFeeDue(config)) (config, feeBps) = _recordDueFee(config);
        if (amount == 0) revert ZeroAmount();
        if (token == address(0)) {
            if (msg.value != amount) revert IncorrectPaymentValue(amount, msg.value);
            uint256 fee = _creditPayment(
                msg.sender,
                assetId,
                token,
                amount,
                feeBps,
                ConfigWord.ethFeeRemainder(config)
            );
            _config = ConfigWord.withEthPayment(config, fee, amount);
        } else {
            _receiveToken(msg.sender, token, amount);
            uint256 fees = _tokenWords[token];
            uint256 fee = _creditPayment(msg.sender, assetId, token, amount, feeBps, BalanceWords.remainder(fees));
            _tokenWords[token] = _withFee(fees, fee, amount);
        }
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
        uint256 word = _balances[assetId][token].word;
        return (BalanceWords.held(word), BalanceWords.pendingGross(word), BalanceWords.remainder(word));
    }

    /// @inheritdoc IRoyaltyEngine
    function collectableBalance(uint256 assetId, address token) external view returns (uint256) {
        uint256 word = _balances[assetId][token].word;
        uint256 pending = BalanceWords.pendingGross(word);
        if (pending == 0) return BalanceWords.held(word);
        (uint256 gross, , uint256 forwarded) = _coveredSplit(_parentLanes(assetId), word);
        // Gross left unsplit means everything held is owed to the parents (see `claim`).
        return gross == pending ? BalanceWords.held(word) - forwarded : 0;
    }

    /// @inheritdoc IRoyaltyEngine
    function accruedFees(address token) external view returns (uint256 amount, uint256 grossRemainder) {
        uint256 fees = _loadFees(token);
        return (BalanceWords.held(fees), BalanceWords.remainder(fees));
    }

    /* INTERNAL */

    /// @dev Reverts while paused; returns the config word (as written, if a due fee was recorded)
    /// and the fee in force for payments made now.
    function _openForPayments() private returns (uint256 config, uint256 feeBps) {
        config = _config;
        if (ConfigWord.paused(config)) revert ProtocolPaused();
        return _applyDueFee(config);
    }

    /// @dev One transfer for many payments in `token` from `payer`, then each asset is credited.
    function _payMany(address payer, address token, uint256[] calldata assetIds, uint256[] calldata amounts) private {
        (, uint256 feeBps) = _openForPayments();
        if (assetIds.length != amounts.length) revert LengthMismatch(assetIds.length, amounts.length);
        uint256 total;
        for (uint256 i; i < amounts.length; ++i) {
            total += amounts[i];
        }
        _receive(payer, token, total);
        uint256 fees = _loadFees(token);
        for (uint256 i; i < assetIds.length; ++i) {
            uint256 amount = amounts[i];
            if (amount == 0) revert ZeroAmount();
            uint256 fee = _creditPayment(payer, assetIds[i], token, amount, feeBps, BalanceWords.remainder(fees));
            fees = _withFee(fees, fee, amount);
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
        _receiveToken(payer, token, amount);
    }

    /// @dev Takes exactly `amount` (not zero) of the ERC-20 `token` from `payer`, refusing ETH sent
    /// with it, a token off the allowlist and a transfer that delivers any other amount.
    function _receiveToken(address payer, address token, uint256 amount) private {
        if (msg.value != 0) revert IncorrectPaymentValue(0, msg.value);
        if (_tokenWords[token] & _TOKEN_ALLOWED == 0) revert TokenNotAllowed(token);
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(payer, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - balanceBefore;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    /// @dev Credits one paid use of `assetId` (of a non-zero `amount`) and returns its fee (which the caller accrues). The
    /// fee is the increment of floor(lifetime paid gross * fee) in the token, given that gross's
    /// remainder `paidBefore`, so however payments are chunked their fees add up to the fee on
    /// their total, within one unit per fee change.
    function _creditPayment(
        address payer,
        uint256 assetId,
        address token,
        uint256 amount,
        uint256 feeBps,
        uint256 paidBefore
    ) private returns (uint256 fee) {
        // `amount >> 120 != 0` is `amount > type(uint120).max`, in fewer instructions.
        if (amount >> 120 != 0) revert AmountTooLarge(amount, type(uint120).max);
        Balance storage balance = _balances[assetId][token];
        uint256 word = balance.word;
        // A word in use belongs to an existing asset and knows whether it is a remix, so a
        // steady payment never reads the asset's record.
        if (!BalanceWords.inUse(word)) {
            AssetRecord storage record = _assets[assetId];
            if (record.owner == address(0)) revert AssetNotFound(assetId);
            word = BalanceWords.opened(record.parentCount != 0);
        }
        fee = RoyaltyMath.increment(paidBefore, amount, feeBps);
        uint256 net;
        // Cannot underflow: a fee of at most 100% is at most the amount (`RoyaltyMath.increment`).
        unchecked {
            net = amount - fee;
        }
        balance.word = BalanceWords.credit(word, net, BalanceWords.isRemix(word) ? amount : 0);
        emit Paid(assetId, token, payer, amount, fee);
    }

    /// @dev The fee word `fees` after a payment of `amount` charged `fee`: the fee accrued and the
    /// paid gross's remainder advanced.
    function _withFee(uint256 fees, uint256 fee, uint256 amount) private pure returns (uint256) {
        return
            BalanceWords.withRemainder(
                BalanceWords.credit(fees, fee, 0),
                RoyaltyMath.advance(BalanceWords.remainder(fees), amount)
            );
    }

    /// @dev The fee word of `token` (see `BalanceWords`); ETH's is assembled from the config slot.
    function _loadFees(address token) private view returns (uint256) {
        if (token != address(0)) return _tokenWords[token];
        uint256 config = _config;
        return BalanceWords.withRemainder(ConfigWord.ethFees(config), ConfigWord.ethFeeRemainder(config));
    }

    /// @dev Stores the fee word of `token`. ETH's fields are written into the config slot in place
    /// (never from a copy read earlier, which could undo a change made since).
    function _storeFees(address token, uint256 fees) private {
        if (token != address(0)) {
            _tokenWords[token] = fees;
            return;
        }
        _config = ConfigWord.withEthFees(_config, BalanceWords.held(fees), BalanceWords.remainder(fees));
    }

    /// @dev Splits what is pending for `assetId` in `token`; returns what its parents received.
    function _split(uint256 assetId, address token) private returns (uint256 forwarded) {
        Balance storage balance = _balances[assetId][token];
        uint256 word = balance.word;
        if (BalanceWords.pendingGross(word) == 0) return 0;
        uint256 settled;
        (settled, forwarded) = _settle(assetId, token, word);
        if (settled != word) balance.word = settled;
    }

    /// @dev Splits `word` (pending, so of a remix) of `assetId` in `token` and credits its parents;
    /// returns the word afterwards, for the caller to write, and what the parents received. A split
    /// that covers nothing changes nothing and emits nothing.
    function _settle(
        uint256 assetId,
        address token,
        uint256 word
    ) private returns (uint256 settled, uint256 forwarded) {
        uint256[] memory lanes = _parentLanes(assetId);
        (uint256 gross, uint256[] memory amounts, uint256 total) = _coveredSplit(lanes, word);
        if (gross == 0) return (word, 0);
        uint256 count = lanes.length;
        for (uint256 i; i < count; ++i) {
            uint256 amount = amounts[i];
            if (amount != 0) _creditParent(lanes[i], token, amount);
        }
        emit Split(assetId, token, gross, amounts);
        return (BalanceWords.settle(word, gross, total), total);
    }

    /// @dev The split of `word` over the parent links `lanes`: parent i is owed the increment of
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
        uint256[] memory lanes,
        uint256 word
    ) private pure returns (uint256 gross, uint256[] memory amounts, uint256 forwarded) {
        gross = BalanceWords.pendingGross(word);
        uint256 held = BalanceWords.held(word);
        uint256 remainder = BalanceWords.remainder(word);
        (amounts, forwarded) = _owed(lanes, remainder, gross);
        if (forwarded <= held) return (gross, amounts, forwarded);
        // Invariant: owed(low) <= held < owed(high). Each of the n parents is owed at most one unit
        // more than its exact share, so owed(g) <= g * S / 10,000 + n for the shares' total S (not
        // 0: something is owed): the search starts there and takes a few steps, not log2(gross).
        uint256 shares;
        for (uint256 i; i < lanes.length; ++i) {
            shares += ParentLinks.laneShareBps(lanes[i]);
        }
        uint256 low = held > lanes.length ? ((held - lanes.length) * RoyaltyMath.BPS) / shares : 0;
        uint256 high = gross;
        while (high - low > 1) {
            uint256 middle = low + (high - low) / 2;
            if (_owedTotal(lanes, remainder, middle) <= held) low = middle;
            else high = middle;
        }
        gross = low;
        (amounts, forwarded) = _owed(lanes, remainder, gross);
    }

    /// @dev What each parent is owed of `gross` split after a lifetime split gross of `remainder`
    /// modulo 10,000, and their total.
    function _owed(
        uint256[] memory lanes,
        uint256 remainder,
        uint256 gross
    ) private pure returns (uint256[] memory amounts, uint256 total) {
        uint256 count = lanes.length;
        amounts = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            uint256 amount = RoyaltyMath.increment(remainder, gross, ParentLinks.laneShareBps(lanes[i]));
            amounts[i] = amount;
            // Unchecked: each of at most 16 parents is owed at most its share of `gross` (below
            // 2^120) plus one unit, so the total stays far below 2^256.
            unchecked {
                total += amount;
            }
        }
    }

    /// @dev What the parents are owed in total of `gross` split after a lifetime split gross of
    /// `remainder` modulo 10,000.
    function _owedTotal(uint256[] memory lanes, uint256 remainder, uint256 gross) private pure returns (uint256 total) {
        for (uint256 i; i < lanes.length; ++i) {
            // Unchecked: as in `_owed`.
            unchecked {
                total += RoyaltyMath.increment(remainder, gross, ParentLinks.laneShareBps(lanes[i]));
            }
        }
    }

    /// @dev Credits a split's `amount` to the parent of `lane`: held at once, and pending too if the parent is
    /// itself a remix (a forwarded amount carries no fee, so it is gross and net alike).
    function _creditParent(uint256 lane, address token, uint256 amount) private {
        Balance storage balance = _balances[ParentLinks.laneParentId(lane)][token];
        uint256 word = balance.word;
        bool parentIsOriginal = ParentLinks.laneParentIsOriginal(lane);
        if (!BalanceWords.inUse(word)) word = BalanceWords.opened(!parentIsOriginal);
        balance.word = BalanceWords.credit(word, amount, parentIsOriginal ? 0 : amount);
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
        Balance storage balance = _balances[assetId][token];
        uint256 word = balance.word;
        uint256 settled = word;
        if (BalanceWords.pendingGross(word) != 0) {
            (settled, ) = _settle(assetId, token, word);
            if (BalanceWords.pendingGross(settled) != 0) {
                if (settled != word) balance.word = settled;
                return 0;
            }
        }
        amount = BalanceWords.held(settled);
        if (amount == 0 && settled == word) return 0;
        settled = BalanceWords.debit(settled, amount);
        // Nothing left to remember: free the slot (the refund lowers the claim's cost).
        if (BalanceWords.isEmpty(settled)) delete balance.word;
        else balance.word = settled;
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
