// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Properties of the rounding rule over the whole input range the engine allows: running
/// totals up to 2^128, amounts below 2^120, weights up to 100%, 1 to 16 receivers. Each property is
/// checked against lifetime totals, never against the library's own remainder arithmetic.
contract RoyaltyMathTest is TestBase {
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint256 private constant MAX_TOTAL = 1 << 128;
    uint256 private constant MAX_AMOUNT = type(uint120).max;
    uint256 private constant MAX_CHUNKS = 32;

    /// @notice Given only the running total's remainder, the increment is the rise of
    /// floor(total * bps / 10,000) over the whole total: the remainder is all a ledger must keep.
    function testFuzz_increment_EqualsRiseOfLifetimeFloor(uint256 total, uint256 amount, uint256 bps) public pure {
        total = bound(total, 0, MAX_TOTAL);
        amount = bound(amount, 0, MAX_AMOUNT);
        bps = bound(bps, 0, BPS);

        assertEq(
            RoyaltyMath.increment(total % BPS, amount, bps),
            ((total + amount) * bps) / BPS - (total * bps) / BPS,
            "increment != floor((T + a) * bps) - floor(T * bps)"
        );
    }

    /// @notice However a total is chunked, and whatever came before it, the increments over the
    /// chunks (each from the remainder `advance` kept) add up to the rise of floor over the total:
    /// the rounding of a receiver's lifetime amount never depends on the chunking.
    function testFuzz_increment_TelescopesOverAnyChunking(
        uint256 before,
        uint256 amount,
        uint256 bps,
        uint256 chunks,
        uint256 seed
    ) public pure {
        before = bound(before, 0, MAX_TOTAL);
        amount = bound(amount, 0, MAX_AMOUNT);
        bps = bound(bps, 0, BPS);
        chunks = bound(chunks, 1, MAX_CHUNKS);

        uint256 remainder = before % BPS;
        uint256 sum;
        uint256 left = amount;
        for (uint256 k; k < chunks; ++k) {
            uint256 chunk = k == chunks - 1 ? left : uint256(keccak256(abi.encode(seed, k))) % (left + 1);
            sum += RoyaltyMath.increment(remainder, chunk, bps);
            remainder = RoyaltyMath.advance(remainder, chunk);
            left -= chunk;
        }
        assertEq(sum, ((before + amount) * bps) / BPS - (before * bps) / BPS, "chunked increments != rise of floor");
        assertEq(remainder, (before + amount) % BPS, "advanced remainder != lifetime total % BPS");
    }

    /// @notice The increment of an amount is its exact share rounded down or up, never further
    /// off, so on one split each receiver may get up to one unit more than its exact share.
    function testFuzz_increment_WithinOneUnitOfExactShare(uint256 remainder, uint256 amount, uint256 bps) public pure {
        remainder = bound(remainder, 0, BPS - 1);
        amount = bound(amount, 0, MAX_AMOUNT);
        bps = bound(bps, 0, BPS);

        uint256 part = RoyaltyMath.increment(remainder, amount, bps);
        assertGe(part, (amount * bps) / BPS, "increment below floor(amount * bps)");
        assertLe(part, (amount * bps + BPS - 1) / BPS, "increment above ceil(amount * bps)");
    }

    /// @notice What a receiver is owed only grows with the amount: the premise of the engine's
    /// bisection for the largest covered part of a split.
    function testFuzz_increment_MonotoneInAmount(uint256 remainder, uint256 a, uint256 b, uint256 bps) public pure {
        remainder = bound(remainder, 0, BPS - 1);
        a = bound(a, 0, MAX_AMOUNT);
        b = bound(b, a, MAX_AMOUNT);
        bps = bound(bps, 0, BPS);

        assertLe(
            RoyaltyMath.increment(remainder, a, bps),
            RoyaltyMath.increment(remainder, b, bps),
            "increment decreased as the amount grew"
        );
    }

    /// @notice With shares plus fee at most 100%, the lifetime fee plus every receiver's lifetime
    /// amount never exceed the lifetime total: a split can run short only for a while (each
    /// receiver rounding up on its own), never over an asset's life.
    function testFuzz_increment_LifetimeFeePlusSharesAtMostTotal(
        uint256 total,
        uint256 feeBps,
        uint16[16] memory raw,
        uint256 count
    ) public pure {
        total = bound(total, 0, MAX_TOTAL);
        feeBps = bound(feeBps, 0, BPS);
        (uint256[] memory shares, ) = boundShares(raw, count, BPS - feeBps);

        uint256 paidOut = RoyaltyMath.increment(0, total, feeBps);
        for (uint256 i; i < shares.length; ++i) {
            paidOut += RoyaltyMath.increment(0, total, shares[i]);
        }
        assertLe(paidOut, total, "lifetime fee plus shares above total");
    }

    /// @notice `advance` keeps the running total modulo 10,000.
    function testFuzz_advance_IsTotalModBps(uint256 total, uint256 amount) public pure {
        total = bound(total, 0, MAX_TOTAL);
        amount = bound(amount, 0, MAX_AMOUNT);

        assertEq(RoyaltyMath.advance(total % BPS, amount), (total + amount) % BPS, "advance != (T + a) % BPS");
    }
}
