// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {IRoyaltyEngine} from "../../contracts/interfaces/IRoyaltyEngine.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";
import {Vm} from "./utils/Vm.sol";

/// @notice Payments and one split of a remix with 1-16 parents (originals or remixes), for any
/// amount, any fee up to any maximum and any shares within the limit: the fee and every parent's
/// credit follow the lifetime rounding rule exactly, and every wei is accounted for.
contract SplitTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    /// @dev The largest single payment (balances are 120-bit fields).
    uint256 private constant MAX_AMOUNT = type(uint120).max;
    uint256 private constant BPS = RoyaltyMath.BPS;

    /// @dev One fuzzed scenario: a fresh protocol, a child remix and its parents.
    struct Case {
        RemixProtocol protocol;
        address token;
        uint256 child;
        uint256[] parents;
        uint256[] shares;
        bool[] parentIsRemix;
    }

    /// @notice After one payment (any amount up to 2^120 - 1, in ETH or an ERC-20) and one split: the fee
    /// is floor(amount * fee / BPS) and the token's gross remainder is amount % BPS; each parent is
    /// credited exactly floor(amount * s_i / BPS) (held, and pending too if it is a remix), as the
    /// `Split` event reports; the split returns their total and leaves the child holding the rest
    /// with nothing pending and its remainder at amount % BPS; fee + forwarded + kept == amount,
    /// and the contract holds exactly what it owes. A first split of a single payment is always
    /// covered: the floors of the shares add up to at most amount - fee when shares + fee <= 100%.
    function testFuzz_split_ConservesEveryWei(
        uint256 amount,
        uint256 maxFeeBps,
        uint256 feeBps,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 remixMask,
        bool inErc20
    ) public {
        Case memory c = _setUpCase(maxFeeBps, feeBps, rawShares, count, remixMask, inErc20);
        amount = bound(amount, 1, MAX_AMOUNT);

        _pay(c, amount);
        (uint256 fee, uint256 grossRemainder) = c.protocol.accruedFees(c.token);
        assertEq(fee, (amount * c.protocol.feeBps()) / BPS, "fee != floor(amount * fee / BPS)");
        assertEq(grossRemainder, amount % BPS, "fee remainder != amount % BPS");
        _assertBalance(c, c.child, amount - fee, amount, 0, "child before split");

        _splitOnceAndCheck(c, amount, fee);
    }

    /// @notice Four payments in an ERC-20 under different fees: each payment's fee is the rise of
    /// floor(lifetime paid * fee / BPS) at the fee in force, the child's pending gross is their sum
    /// and it holds their sum less fees. A split then forwards floor(G * s_i / BPS) to each parent
    /// for the gross G it splits: all of it if those shares are covered by what is held, else the
    /// largest G that is, and then one more unit would not be. Nothing is created or lost.
    function testFuzz_split_ConservesAcrossPaymentsAtDifferentFees(
        uint256[4] memory amounts,
        uint256[4] memory fees,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 remixMask
    ) public {
        Case memory c = _setUpCase(BPS / 10, 0, rawShares, count, remixMask, true);
        uint256 gross;
        uint256 fee;
        for (uint256 i; i < amounts.length; ++i) {
            // Small amounts one time in two, where rounding the fees up can leave a split uncovered.
            amounts[i] = bound(amounts[i], 1, fees[i] % 2 == 0 ? 100 : MAX_AMOUNT / amounts.length);
            setFeeInForce(c.protocol, uint16(bound(fees[i] >> 1, 0, c.protocol.MAX_FEE_BPS())));
            uint256 feeBps = c.protocol.feeBps();
            fee += ((gross + amounts[i]) * feeBps) / BPS - (gross * feeBps) / BPS;
            _pay(c, amounts[i]);
            gross += amounts[i];
        }
        (uint256 accrued, uint256 grossRemainder) = c.protocol.accruedFees(c.token);
        assertEq(accrued, fee, "fees != sum of rises of floor(lifetime paid * fee)");
        assertEq(grossRemainder, gross % BPS, "fee remainder != paid % BPS");
        _assertBalance(c, c.child, gross - fee, gross, 0, "child before split");

        uint256 forwarded = c.protocol.split(c.child, c.token);

        (, uint256 pending, ) = c.protocol.royaltyBalance(c.child, c.token);
        uint256 split = gross - pending;
        uint256[] memory expected = _expectedShares(c, split);
        assertEq(forwarded, _sum(expected), "forwarded != sum of floor(split gross * s_i)");
        assertLe(forwarded, gross - fee, "forwarded more than was held");
        if (pending != 0) {
            assertLt(gross - fee, _sum(_expectedShares(c, split + 1)), "split stopped short of the covered part");
        }
        _assertParentsCredited(c, expected);
        uint256 kept = gross - fee - forwarded;
        _assertBalance(c, c.child, kept, pending, split % BPS, "child after split");
        assertEq(fee + forwarded + kept, gross, "fee + forwarded + kept != paid");
        assertEq(_held(c), gross, "contract balance != paid");
    }

    /// @dev Deploys a protocol with the bounded fees (this contract owns it) and registers a child
    /// with 1-16 parents, each an original or (by `remixMask`) a remix of a common original.
    function _setUpCase(
        uint256 maxFeeBps,
        uint256 feeBps,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 remixMask,
        bool inErc20
    ) private returns (Case memory c) {
        maxFeeBps = bound(maxFeeBps, 0, BPS);
        c.protocol = Deployers.protocol(
            address(this),
            TREASURY,
            uint16(maxFeeBps),
            uint16(bound(feeBps, 0, maxFeeBps))
        );
        if (inErc20) {
            c.token = address(new MockERC20("Test", "TST", 18));
            c.protocol.setTokenAllowed(c.token, true);
        }
        (c.shares, ) = boundShares(rawShares, count, BPS - maxFeeBps);

        uint256 root = c.protocol.original(CREATOR);
        ParentShare[] memory links = new ParentShare[](c.shares.length);
        c.parents = new uint256[](c.shares.length);
        c.parentIsRemix = new bool[](c.shares.length);
        for (uint256 i; i < links.length; ++i) {
            c.parentIsRemix[i] = (remixMask >> i) & 1 == 1;
            c.parents[i] = c.parentIsRemix[i] ? c.protocol.remixOf(CREATOR, root, 0) : c.protocol.original(CREATOR);
            links[i] = ParentShare({parentId: c.parents[i], shareBps: uint16(c.shares[i])});
        }
        c.child = c.protocol.remix(CREATOR, links);
    }

    function _pay(Case memory c, uint256 amount) private {
        if (c.token == address(0)) {
            vm.deal(address(this), amount);
            c.protocol.pay{value: amount}(c.child, c.token, amount);
        } else {
            MockERC20(c.token).mint(address(this), amount);
            MockERC20(c.token).approve(address(c.protocol), amount);
            c.protocol.pay(c.child, c.token, amount);
        }
    }

    /// @dev Splits the child, which holds `amount - fee` and has `amount` pending, never split
    /// before, and checks the split against the closed form (see `testFuzz_split_ConservesEveryWei`).
    function _splitOnceAndCheck(Case memory c, uint256 amount, uint256 fee) private {
        uint256[] memory expected = _expectedShares(c, amount);
        assertEq(
            c.protocol.collectableBalance(c.child, c.token),
            amount - fee - _sum(expected),
            "collectable before split != held - shares"
        );

        vm.recordLogs();
        uint256 forwarded = c.protocol.split(c.child, c.token);

        _assertSplitEvent(c, vm.getRecordedLogs(), amount, expected);
        assertEq(forwarded, _sum(expected), "split returned != sum of floor(amount * s_i)");
        _assertParentsCredited(c, expected);
        uint256 kept = amount - fee - forwarded;
        _assertBalance(c, c.child, kept, 0, amount % BPS, "child after split");
        assertEq(c.protocol.collectableBalance(c.child, c.token), kept, "child collectable != kept");
        assertEq(_held(c), fee + forwarded + kept, "contract balance != owed");
    }

    /// @dev floor(gross * s_i / BPS) for each parent: what a first split of `gross` owes it.
    function _expectedShares(Case memory c, uint256 gross) private pure returns (uint256[] memory expected) {
        expected = new uint256[](c.shares.length);
        for (uint256 i; i < expected.length; ++i) {
            expected[i] = (gross * c.shares[i]) / BPS;
        }
    }

    /// @dev Each parent holds `expected[i]`, pending too if it is a remix (a forwarded amount is
    /// gross and net alike), and can collect it all if it is an original.
    function _assertParentsCredited(Case memory c, uint256[] memory expected) private view {
        for (uint256 i; i < c.parents.length; ++i) {
            uint256 pending = c.parentIsRemix[i] ? expected[i] : 0;
            _assertBalance(c, c.parents[i], expected[i], pending, 0, "parent after split");
            if (!c.parentIsRemix[i]) {
                uint256 collectable = c.protocol.collectableBalance(c.parents[i], c.token);
                assertEq(collectable, expected[i], "original parent: collectable != share");
            }
        }
    }

    /// @dev Exactly one `Split` event, for the child in the token, with `gross` and `expected`.
    function _assertSplitEvent(
        Case memory c,
        Vm.Log[] memory logs,
        uint256 gross,
        uint256[] memory expected
    ) private pure {
        uint256 found;
        for (uint256 k; k < logs.length; ++k) {
            if (logs[k].emitter != address(c.protocol) || logs[k].topics[0] != IRoyaltyEngine.Split.selector) continue;
            ++found;
            assertEq(uint256(logs[k].topics[1]), c.child, "Split: asset != child");
            assertEq(address(uint160(uint256(logs[k].topics[2]))), c.token, "Split: token");
            (uint256 eventGross, uint256[] memory amounts) = abi.decode(logs[k].data, (uint256, uint256[]));
            assertEq(eventGross, gross, "Split: gross != pending gross");
            assertEq(amounts.length, expected.length, "Split: amounts != parents");
            for (uint256 i; i < amounts.length; ++i) {
                assertEq(amounts[i], expected[i], "Split: amount != floor(gross * s_i)");
            }
        }
        assertEq(found, 1, "Split events != 1");
    }

    function _assertBalance(
        Case memory c,
        uint256 assetId,
        uint256 held,
        uint256 pending,
        uint256 remainder,
        string memory label
    ) private view {
        (uint256 actualHeld, uint256 actualPending, uint256 actualRemainder) = c.protocol.royaltyBalance(
            assetId,
            c.token
        );
        assertEq(actualHeld, held, string.concat(label, ": held"));
        assertEq(actualPending, pending, string.concat(label, ": pending gross"));
        assertEq(actualRemainder, remainder, string.concat(label, ": remainder"));
    }

    function _sum(uint256[] memory values) private pure returns (uint256 total) {
        for (uint256 i; i < values.length; ++i) {
            total += values[i];
        }
    }

    function _held(Case memory c) private view returns (uint256) {
        return c.token == address(0) ? address(c.protocol).balance : MockERC20(c.token).balanceOf(address(c.protocol));
    }
}
