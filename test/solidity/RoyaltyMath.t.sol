// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Properties of the split arithmetic over the whole input range the engine allows:
/// amounts up to 2^128, 1 to 16 shares, shares plus fee at most 100%.
contract RoyaltyMathTest is TestBase {
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint256 private constant MAX_AMOUNT = 1 << 128;

    /// @notice The parts telescope: their sum is exactly floor(amount * total / 10,000), so no wei
    /// is created or lost by rounding each part separately.
    function testFuzz_cumulativeShare_PartsSumToFlooredTotal(
        uint256 amount,
        uint16[16] memory raw,
        uint256 count
    ) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        (uint256[] memory shares, uint256 total) = boundShares(raw, count, BPS);

        uint256 sum;
        uint256 cumulative;
        for (uint256 i; i < shares.length; ++i) {
            sum += RoyaltyMath.cumulativeShare(amount, cumulative, shares[i]);
            cumulative += shares[i];
        }
        assertEq(sum, (amount * total) / BPS, "sum of parts != floor(amount * total / BPS)");
    }

    /// @notice Each part is its exact share rounded down or up, never further off: rounding moves at
    /// most one wei between neighbours.
    function testFuzz_cumulativeShare_EachPartWithinOneWeiOfExactShare(
        uint256 amount,
        uint16[16] memory raw,
        uint256 count
    ) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        (uint256[] memory shares, ) = boundShares(raw, count, BPS);

        uint256 cumulative;
        for (uint256 i; i < shares.length; ++i) {
            uint256 part = RoyaltyMath.cumulativeShare(amount, cumulative, shares[i]);
            uint256 exactFloor = (amount * shares[i]) / BPS;
            uint256 exactCeil = (amount * shares[i] + BPS - 1) / BPS;
            assertGe(part, exactFloor, "part below floor(amount * share / BPS)");
            assertLe(part, exactCeil, "part above ceil(amount * share / BPS)");
            cumulative += shares[i];
        }
    }

    /// @notice The fee is amount * fee / 10,000 rounded down, so it never exceeds the amount times
    /// the maximum fee, nor the amount itself.
    function testFuzz_fee_AtMostAmountTimesMaxFee(uint256 amount, uint256 feeBps, uint256 maxFeeBps) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        maxFeeBps = bound(maxFeeBps, 0, BPS);
        feeBps = bound(feeBps, 0, maxFeeBps);

        uint256 fee = RoyaltyMath.fee(amount, feeBps);
        assertEq(fee, (amount * feeBps) / BPS, "fee != floor(amount * fee / BPS)");
        assertLe(fee * BPS, amount * maxFeeBps, "fee above amount * maxFee");
        assertLe(fee, amount, "fee above amount");
    }

    /// @notice With shares plus fee at most 100%, the fee plus everything forwarded to parents never
    /// exceeds the payment: the premise of the engine's `kept = net - forwarded`.
    function testFuzz_cumulativeShare_FeePlusPartsAtMostAmount(
        uint256 amount,
        uint256 feeBps,
        uint16[16] memory raw,
        uint256 count
    ) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        feeBps = bound(feeBps, 0, BPS);
        (uint256[] memory shares, ) = boundShares(raw, count, BPS - feeBps);

        uint256 paidOut = RoyaltyMath.fee(amount, feeBps);
        uint256 cumulative;
        for (uint256 i; i < shares.length; ++i) {
            paidOut += RoyaltyMath.cumulativeShare(amount, cumulative, shares[i]);
            cumulative += shares[i];
        }
        assertLe(paidOut, amount, "fee plus parts above amount");
    }
}
