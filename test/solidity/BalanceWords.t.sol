// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {BalanceWords} from "../../contracts/libraries/BalanceWords.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice The packed balance word: held, pending gross and remainder read back exactly what was
/// written, for any amounts up to 120 bits and any remainder below 10,000; credits, splits and
/// debits change only their own fields and never the remix and in-use flags; an amount past 120
/// bits reverts.
contract BalanceWordsTest is TestBase {
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint256 private constant MAX = type(uint120).max;

    /// @notice A credit adds to held and pending only; the remainder and flags stay as they were.
    function testFuzz_credit_AddsToHeldAndPendingOnly(
        uint256 held,
        uint256 pending,
        uint256 remainder,
        uint256 net,
        uint256 gross,
        bool remix
    ) public pure {
        held = bound(held, 0, MAX);
        pending = bound(pending, 0, MAX);
        remainder = bound(remainder, 0, BPS - 1);
        net = bound(net, 0, MAX - held);
        gross = bound(gross, 0, MAX - pending);
        uint256 word = _word(held, pending, remainder, remix);

        uint256 credited = BalanceWords.credit(word, net, gross);

        _assertFields(credited, held + net, pending + gross, remainder, remix);
    }

    /// @notice A split of `gross` that forwarded `forwarded` takes both out and advances the
    /// remainder by `gross` modulo 10,000; a debit takes from held only.
    function testFuzz_settle_TakesOutGrossAndForwarded(
        uint256 held,
        uint256 pending,
        uint256 remainder,
        uint256 gross,
        uint256 forwarded,
        bool remix
    ) public pure {
        held = bound(held, 0, MAX);
        pending = bound(pending, 0, MAX);
        remainder = bound(remainder, 0, BPS - 1);
        gross = bound(gross, 0, pending);
        forwarded = bound(forwarded, 0, held);
        uint256 word = _word(held, pending, remainder, remix);

        uint256 settled = BalanceWords.settle(word, gross, forwarded);
        _assertFields(settled, held - forwarded, pending - gross, (remainder + gross) % BPS, remix);

        uint256 debited = BalanceWords.debit(settled, held - forwarded);
        _assertFields(debited, 0, pending - gross, (remainder + gross) % BPS, remix);
        assertEq(
            BalanceWords.isEmpty(debited),
            pending == gross && (remainder + gross) % BPS == 0,
            "isEmpty != nothing pending and no remainder"
        );
    }

    /// @notice Held or pending past 120 bits reverts with SafeCast's error naming the value.
    function testFuzz_credit_RevertsPast120Bits(uint256 held, uint256 net, bool onPending) public {
        held = bound(held, 1, MAX);
        net = bound(net, MAX - held + 1, MAX);
        uint256 word = _word(onPending ? 0 : held, onPending ? held : 0, 0, true);

        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 120, held + net));
        this.credit(word, onPending ? 0 : net, onPending ? net : 0);
    }

    /// @dev `BalanceWords.credit` as an external call, so that its revert can be expected.
    function credit(uint256 word, uint256 net, uint256 gross) external pure returns (uint256) {
        return BalanceWords.credit(word, net, gross);
    }

    function _word(uint256 held, uint256 pending, uint256 remainder, bool remix) private pure returns (uint256) {
        return BalanceWords.withRemainder(BalanceWords.credit(BalanceWords.opened(remix), held, pending), remainder);
    }

    function _assertFields(uint256 word, uint256 held, uint256 pending, uint256 remainder, bool remix) private pure {
        assertEq(BalanceWords.held(word), held, "held");
        assertEq(BalanceWords.pendingGross(word), pending, "pending gross");
        assertEq(BalanceWords.remainder(word), remainder, "remainder");
        assertEq(BalanceWords.isRemix(word), remix, "remix flag");
        assertTrue(BalanceWords.inUse(word), "in-use flag cleared");
    }
}
