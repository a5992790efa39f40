// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ConfigWord} from "../../contracts/libraries/ConfigWord.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice The packed config word: each setter changes its own fields only, every getter reads back
/// what was written, the one-comparison fee-due test equals the plain one, and an ETH payment accrues
/// its fee and advances the remainder exactly, reverting past 120 bits of fees.
contract ConfigWordTest is TestBase {
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint256 private constant MAX = type(uint120).max;

    struct Fields {
        uint256 fee;
        uint256 pending;
        uint256 effectiveAt;
        bool paused;
        uint256 lastId;
        uint256 ethFees;
        uint256 remainder;
    }

    /// @notice Fields written one by one read back exactly, whatever was there before.
    function testFuzz_setters_RoundTripEveryField(uint256 noise, Fields memory f) public pure {
        f = _bounded(f);
        uint256 word = _word(noise, f);
        _assertFields(word, f);
    }

    /// @notice A fee change rewrites fee, announced fee and time only.
    function testFuzz_withFees_KeepsOtherFields(uint256 noise, Fields memory f, uint256 fee, uint256 at) public pure {
        f = _bounded(f);
        uint256 before = _word(noise, f);
        (f.fee, f.pending, f.effectiveAt) = (
            bound(fee, 0, BPS),
            bound(fee >> 16, 0, BPS),
            bound(at, 0, type(uint40).max)
        );
        _assertFields(ConfigWord.withFees(before, f.fee, f.pending, f.effectiveAt), f);
    }

    /// @notice `isFeeDue` is `effectiveAt != 0 && block.timestamp >= effectiveAt`.
    function testFuzz_isFeeDue_EqualsPlainTest(uint256 effectiveAt) public view {
        effectiveAt = bound(effectiveAt, 0, type(uint40).max);
        uint256 word = ConfigWord.withFees(0, 100, 200, effectiveAt);
        assertEq(
            ConfigWord.isFeeDue(word),
            effectiveAt != 0 && block.timestamp >= effectiveAt,
            "isFeeDue != plain test"
        );
        assertEq(ConfigWord.isFeeDue(ConfigWord.withFees(0, 100, 200, block.timestamp)), true, "due at its time");
        assertEq(ConfigWord.isFeeDue(ConfigWord.withFees(0, 100, 0, 0)), false, "none announced");
    }

    /// @notice An ETH payment adds its fee and advances the remainder by the amount modulo 10,000,
    /// leaving every other field.
    function testFuzz_withEthPayment_AccruesFeeAndAdvancesRemainder(
        uint256 noise,
        Fields memory f,
        uint256 fee,
        uint256 amount
    ) public pure {
        f = _bounded(f);
        amount = bound(amount, 1, MAX);
        fee = bound(fee, 0, MAX - f.ethFees);
        uint256 word = ConfigWord.withEthPayment(_word(noise, f), fee, amount);
        (f.ethFees, f.remainder) = (f.ethFees + fee, (f.remainder + amount) % BPS);
        _assertFields(word, f);
    }

    /// @notice Fees past 120 bits revert with SafeCast's error naming the value, on either path.
    function testFuzz_withEthPayment_RevertsPast120Bits(uint256 fees, uint256 fee) public {
        fees = bound(fees, 1, MAX);
        fee = bound(fee, MAX - fees + 1, MAX);
        uint256 word = ConfigWord.withEthFees(0, fees, 0);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 120, fees + fee));
        this.withEthPayment(word, fee, 1);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 120, fees + fee));
        this.withEthFees(word, fees + fee, 0);
    }

    /// @dev `ConfigWord.withEthPayment` as an external call, so that its revert can be expected.
    function withEthPayment(uint256 word, uint256 fee, uint256 amount) external pure returns (uint256) {
        return ConfigWord.withEthPayment(word, fee, amount);
    }

    /// @dev `ConfigWord.withEthFees` as an external call, so that its revert can be expected.
    function withEthFees(uint256 word, uint256 fees, uint256 remainder) external pure returns (uint256) {
        return ConfigWord.withEthFees(word, fees, remainder);
    }

    function _bounded(Fields memory f) private pure returns (Fields memory) {
        f.fee = bound(f.fee, 0, BPS);
        f.pending = bound(f.pending, 0, BPS);
        f.effectiveAt = bound(f.effectiveAt, 0, type(uint40).max);
        f.lastId = bound(f.lastId, 0, type(uint40).max);
        f.ethFees = bound(f.ethFees, 0, MAX);
        f.remainder = bound(f.remainder, 0, BPS - 1);
        return f;
    }

    /// @dev A word holding `f`, written over arbitrary bits `noise` by every setter.
    function _word(uint256 noise, Fields memory f) private pure returns (uint256 word) {
        word = ConfigWord.withFees(noise, f.fee, f.pending, f.effectiveAt);
        word = ConfigWord.withPaused(word, !f.paused);
        word = ConfigWord.withPaused(word, f.paused);
        word = ConfigWord.withLastAssetId(word, f.lastId);
        word = ConfigWord.withEthFees(word, f.ethFees, f.remainder);
    }

    function _assertFields(uint256 word, Fields memory f) private pure {
        assertEq(ConfigWord.feeBps(word), f.fee, "fee");
        assertEq(ConfigWord.pendingFeeBps(word), f.pending, "announced fee");
        assertEq(ConfigWord.feeEffectiveAt(word), f.effectiveAt, "effective at");
        assertEq(ConfigWord.paused(word), f.paused, "paused");
        assertEq(ConfigWord.lastAssetId(word), f.lastId, "last asset id");
        assertEq(ConfigWord.ethFees(word), f.ethFees, "ETH fees");
        assertEq(ConfigWord.ethFeeRemainder(word), f.remainder, "ETH fee remainder");
    }
}
