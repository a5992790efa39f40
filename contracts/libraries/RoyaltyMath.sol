// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RoyaltyMath
/// @notice The rounding rule of fees and shares, in basis points: a receiver of `bps` of a running
/// total is owed floor(total * bps / 10,000) of it over its life, whatever the total was paid or
/// split in. Amounts are below 2^128 and weights at most `BPS`, so no product can overflow.
library RoyaltyMath {
    /// @notice 100% in basis points.
    uint256 internal constant BPS = 10_000;

    /// @notice What a receiver of `bps` is owed of `amount` added to a running total whose value
    /// modulo `BPS` is `remainder`: floor((T + amount) * bps) - floor(T * bps), in basis points.
    /// @dev For T = q * BPS + remainder the q * bps terms cancel, so the remainder is all a ledger
    /// keeps. Summed over any chunking of a total, the increments telescope to floor(total * bps).
    /// Unchecked: every caller passes a remainder below `BPS`, an amount below 2^128 (the engine's
    /// are below 2^120: a payment or a balance's pending gross) and `bps` at most `BPS`, so the
    /// product stays below 2^142, and floor(x * bps / BPS) only grows with x, so the difference is
    /// never negative.
    function increment(uint256 remainder, uint256 amount, uint256 bps) internal pure returns (uint256) {
        unchecked {
            return ((remainder + amount) * bps) / BPS - (remainder * bps) / BPS;
        }
    }

    /// @notice The running total's remainder modulo `BPS` after `amount` is added to it.
    /// Unchecked: the remainder is below `BPS` and the amount below 2^128 (see `increment`).
    function advance(uint256 remainder, uint256 amount) internal pure returns (uint256) {
        unchecked {
            return (remainder + amount) % BPS;
        }
    }
}
