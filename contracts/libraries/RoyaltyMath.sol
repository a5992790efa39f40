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
    function increment(uint256 remainder, uint256 amount, uint256 bps) internal pure returns (uint256) {
        return ((remainder + amount) * bps) / BPS - (remainder * bps) / BPS;
    }

    /// @notice The running total's remainder modulo `BPS` after `amount` is added to it.
    function advance(uint256 remainder, uint256 amount) internal pure returns (uint256) {
        return (remainder + amount) % BPS;
    }
}
