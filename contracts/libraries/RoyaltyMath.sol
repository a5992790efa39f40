// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RoyaltyMath
/// @notice The split arithmetic, in basis points. Amounts are at most 2^128 and weights at most
/// `BPS`, so no product can overflow.
library RoyaltyMath {
    /// @notice 100% in basis points.
    uint256 internal constant BPS = 10_000;

    /// @notice The protocol fee on `amount`, rounded down (the remainder stays with the paid asset).
    function fee(uint256 amount, uint256 feeBps) internal pure returns (uint256) {
        return (amount * feeBps) / BPS;
    }

    /// @notice What receiver i gets of `amount` when the receivers before it hold `cumulativeBefore`
    /// basis points in total and it holds `shareBps`: floor(amount * c_i) - floor(amount * c_{i-1}).
    /// @dev Summed over receivers this telescopes to floor(amount * total / BPS), so shares add up
    /// exactly and the rounding remainder stays with the splitter.
    function cumulativeShare(
        uint256 amount,
        uint256 cumulativeBefore,
        uint256 shareBps
    ) internal pure returns (uint256) {
        return (amount * (cumulativeBefore + shareBps)) / BPS - (amount * cumulativeBefore) / BPS;
    }
}
