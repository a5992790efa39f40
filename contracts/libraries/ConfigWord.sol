// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {RoyaltyMath} from "./RoyaltyMath.sol";

/// @title ConfigWord
/// @notice The protocol's settings, read by every registration and payment, packed in one storage
/// word so each of those calls pays for a single cold read and decodes only the fields it needs.
/// Layout, from the low bits (the same as the `ProtocolConfig` struct it replaces):
/// - fee (bits 0-15) and announced fee (16-31), in basis points;
/// - when the announced fee applies (32-71; 0 when no change is announced);
/// - paused (72-79, 0 or 1);
/// - the last asset id (80-119), so ids stop at 2^40 - 1 (a trillion registrations);
/// - the ETH fee ledger: accrued fees (120-239, as wide as any balance) and the lifetime paid gross
///   modulo 10,000 (240-255), so an ETH payment writes no other fee slot.
library ConfigWord {
    uint256 private constant PENDING_FEE_SHIFT = 16;
    uint256 private constant EFFECTIVE_AT_SHIFT = 32;
    uint256 private constant PAUSED_SHIFT = 72;
    uint256 private constant LAST_ID_SHIFT = 80;
    uint256 private constant ETH_FEES_SHIFT = 120;
    uint256 private constant ETH_REMAINDER_SHIFT = 240;
    uint256 private constant BPS_MASK = type(uint16).max;
    uint256 private constant TIME_MASK = type(uint40).max;
    uint256 private constant AMOUNT_MASK = type(uint120).max;
    /// @dev The bits a fee change rewrites: fee, announced fee and its time.
    uint256 private constant FEE_FIELDS = (1 << PAUSED_SHIFT) - 1;

    /// @notice The fee recorded in force.
    function feeBps(uint256 word) internal pure returns (uint256) {
        return word & BPS_MASK;
    }

    /// @notice The announced fee (0 when none is).
    function pendingFeeBps(uint256 word) internal pure returns (uint256) {
        return (word >> PENDING_FEE_SHIFT) & BPS_MASK;
    }

    /// @notice When the announced fee applies (0 when none is announced).
    function feeEffectiveAt(uint256 word) internal pure returns (uint256) {
        return (word >> EFFECTIVE_AT_SHIFT) & TIME_MASK;
    }

    /// @notice Whether registrations, payments and licence purchases are paused.
    function paused(uint256 word) internal pure returns (bool) {
        return (word >> PAUSED_SHIFT) & 1 != 0;
    }

    /// @notice The last asset id assigned (the number of assets).
    function lastAssetId(uint256 word) internal pure returns (uint256) {
        return (word >> LAST_ID_SHIFT) & TIME_MASK;
    }

    /// @notice The ETH fees accrued and not withdrawn.
    function ethFees(uint256 word) internal pure returns (uint256) {
        return (word >> ETH_FEES_SHIFT) & AMOUNT_MASK;
    }

    /// @notice ETH's lifetime paid gross modulo 10,000.
    function ethFeeRemainder(uint256 word) internal pure returns (uint256) {
        return word >> ETH_REMAINDER_SHIFT;
    }

    /// @notice Whether an announced fee change is in force but not yet recorded.
    function isFeeDue(uint256 word) internal view returns (bool) {
        // `effectiveAt != 0 && effectiveAt <= block.timestamp` in one comparison: unchecked, a time
        // of 0 (none announced) wraps to 2^256 - 1, which no timestamp exceeds.
        unchecked {
            return feeEffectiveAt(word) - 1 < block.timestamp;
        }
    }

    /// @notice `word` with fee `fee` in force and `pending` announced for `effectiveAt` (both 0 for none).
    /// @dev The callers pass values that fit: fees are at most 10,000, times are 40-bit timestamps.
    function withFees(uint256 word, uint256 fee, uint256 pending, uint256 effectiveAt) internal pure returns (uint256) {
        return (word & ~FEE_FIELDS) | fee | (pending << PENDING_FEE_SHIFT) | (effectiveAt << EFFECTIVE_AT_SHIFT);
    }

    /// @notice `word` paused or not.
    function withPaused(uint256 word, bool isPaused) internal pure returns (uint256) {
        return (word & ~(uint256(0xff) << PAUSED_SHIFT)) | (isPaused ? uint256(1) << PAUSED_SHIFT : 0);
    }

    /// @notice `word` with the last asset id `assetId`; reverts with SafeCast's error past 40 bits.
    function withLastAssetId(uint256 word, uint256 assetId) internal pure returns (uint256) {
        return (word & ~(TIME_MASK << LAST_ID_SHIFT)) | (uint256(SafeCast.toUint40(assetId)) << LAST_ID_SHIFT);
    }

    /// @notice `word` after an ETH payment of `amount` charged `fee`: the fee is accrued (reverting
    /// with SafeCast's error past 120 bits) and the paid gross's remainder advances by `amount`.
    /// @dev `amount` is at most 2^120 - 1 (checked by the engine), so nothing here can overflow.
    function withEthPayment(uint256 word, uint256 fee, uint256 amount) internal pure returns (uint256) {
        unchecked {
            uint256 fees = ethFees(word) + fee;
            // `fees >> 120 != 0` is `fees > AMOUNT_MASK`, in fewer instructions.
            if (fees >> 120 != 0) revert SafeCast.SafeCastOverflowedUintDowncast(120, fees);
            uint256 remainder = (ethFeeRemainder(word) + amount) % RoyaltyMath.BPS;
            // Bits 0-119 kept; the fee ledger (120-255) rewritten.
            return (word & ((1 << ETH_FEES_SHIFT) - 1)) | (fees << ETH_FEES_SHIFT) | (remainder << ETH_REMAINDER_SHIFT);
        }
    }

    /// @notice `word` with the ETH fee ledger `fees` (reverting with SafeCast's error past 120
    /// bits) and `remainder` (below 10,000).
    function withEthFees(uint256 word, uint256 fees, uint256 remainder) internal pure returns (uint256) {
        return
            (word & ((1 << ETH_FEES_SHIFT) - 1)) |
            (uint256(SafeCast.toUint120(fees)) << ETH_FEES_SHIFT) |
            (remainder << ETH_REMAINDER_SHIFT);
    }
}
