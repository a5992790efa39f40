// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {RoyaltyMath} from "./RoyaltyMath.sol";

/// @title BalanceWords
/// @notice What the engine keeps per asset and token, packed in one storage word, so that a payment
/// or a split writes a single slot, and a slot once used stays non-zero (its next write costs 2,900
/// gas instead of 20,000). Layout:
/// - held (bits 0-119): everything held for the asset, its own revenue and what its parents are
///   still owed;
/// - pending gross (120-239): received and not yet split, what the parents' shares apply to;
/// - remainder (240-253): the asset's lifetime split gross modulo 10,000, which fixes each
///   parent's rounding at the next split (see `RoyaltyMath.increment`);
/// - remix flag (254), in-use flag (255).
/// A fee word (per ERC-20) keeps the accrued fees as held and the token's lifetime paid gross
/// modulo 10,000 as remainder. An amount past 120 bits reverts with SafeCast's error; allowlisted
/// tokens' supplies are below it (see `setTokenAllowed`).
library BalanceWords {
    uint256 private constant PENDING_SHIFT = 120;
    uint256 private constant REMAINDER_SHIFT = 240;
    uint256 private constant AMOUNT_MASK = type(uint120).max;
    uint256 private constant REMAINDER_MASK = (1 << 14) - 1;
    uint256 private constant REMIX_BIT = 1 << 254;
    uint256 private constant IN_USE_BIT = 1 << 255;

    /// @notice An empty word in use, for a remix or not.
    function opened(bool remix) internal pure returns (uint256) {
        return remix ? IN_USE_BIT | REMIX_BIT : IN_USE_BIT;
    }

    /// @notice Whether the word was ever written (an unused word reads as zero).
    function inUse(uint256 word) internal pure returns (bool) {
        return word & IN_USE_BIT != 0;
    }

    /// @notice Whether the word belongs to a remix (whose credits are also pending).
    function isRemix(uint256 word) internal pure returns (bool) {
        return word & REMIX_BIT != 0;
    }

    /// @notice Everything held.
    function held(uint256 word) internal pure returns (uint256) {
        return word & AMOUNT_MASK;
    }

    /// @notice The gross received and not yet split.
    function pendingGross(uint256 word) internal pure returns (uint256) {
        return (word >> PENDING_SHIFT) & AMOUNT_MASK;
    }

    /// @notice The lifetime split (or, in a fee word, paid) gross modulo 10,000.
    function remainder(uint256 word) internal pure returns (uint256) {
        return (word >> REMAINDER_SHIFT) & REMAINDER_MASK;
    }

    /// @notice `word` with `net` more held and `gross` more pending; reverts with SafeCast's error
    /// naming the new value if either passes 120 bits.
    /// @dev `net` and `gross` must be below 2^120, as every engine amount is (a payment is at most
    /// 2^120 - 1, and a split or fee credit at most a held amount), so neither sum can overflow.
    function credit(uint256 word, uint256 net, uint256 gross) internal pure returns (uint256) {
        unchecked {
            uint256 newHeld = (word & AMOUNT_MASK) + net;
            // `x >> 120 != 0` is `x > AMOUNT_MASK`, in fewer instructions.
            if (newHeld >> PENDING_SHIFT != 0) revert SafeCast.SafeCastOverflowedUintDowncast(120, newHeld);
            uint256 newPending = ((word >> PENDING_SHIFT) & AMOUNT_MASK) + gross;
            if (newPending >> PENDING_SHIFT != 0) revert SafeCast.SafeCastOverflowedUintDowncast(120, newPending);
            // Both sums fit their fields, so adding in place carries into no other field.
            return (word + net + (gross << PENDING_SHIFT)) | IN_USE_BIT;
        }
    }

    /// @notice `word` after a split of `gross` that forwarded `forwarded`: both leave the word and
    /// the remainder advances by `gross`.
    function settle(uint256 word, uint256 gross, uint256 forwarded) internal pure returns (uint256) {
        // Both fields only shrink (checked), so neither can outgrow its 120 bits.
        uint256 amounts = (held(word) - forwarded) | ((pendingGross(word) - gross) << PENDING_SHIFT);
        return
            withRemainder(
                (word & ~(AMOUNT_MASK | (AMOUNT_MASK << PENDING_SHIFT))) | amounts,
                RoyaltyMath.advance(remainder(word), gross)
            );
    }

    /// @notice `word` with `amount` (at most what is held) less held.
    function debit(uint256 word, uint256 amount) internal pure returns (uint256) {
        return (word & ~AMOUNT_MASK) | (held(word) - amount);
    }

    /// @notice `word` with its remainder replaced by `newRemainder` (below 10,000).
    function withRemainder(uint256 word, uint256 newRemainder) internal pure returns (uint256) {
        return (word & ~(REMAINDER_MASK << REMAINDER_SHIFT)) | (newRemainder << REMAINDER_SHIFT) | IN_USE_BIT;
    }

    /// @notice Whether the word holds nothing worth keeping: no amount and no remainder.
    function isEmpty(uint256 word) internal pure returns (bool) {
        return word & ~(REMIX_BIT | IN_USE_BIT) == 0;
    }
}
