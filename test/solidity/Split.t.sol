// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice One payment and one split of a remix with 1-16 parents, for any amount, any fee up to
/// any maximum and any shares within the limit: every wei is accounted for, exactly.
contract SplitTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    uint256 private constant MAX_AMOUNT = 1 << 120;
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

    /// @notice After pay and split, fee + what the parents got + what the child kept == amount; each
    /// parent got exactly its cumulative share of the amount; the contract holds exactly what it owes.
    function testFuzz_split_ConservesEveryWei(
        uint256 amount,
        uint256 maxFeeBps,
        uint256 feeBps,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 remixMask,
        bool inErc20
    ) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        Case memory c = _setUpCase(maxFeeBps, feeBps, rawShares, count, remixMask, inErc20);

        _pay(c, amount);
        uint256 fee = c.protocol.accruedFees(c.token);
        assertEq(fee, (amount * c.protocol.feeBps()) / BPS, "fee != floor(amount * fee / BPS)");

        uint256 kept = c.protocol.split(c.child, c.token);

        uint256 forwarded = _assertParentsCredited(c, amount);
        assertEq(fee + forwarded + kept, amount, "fee + forwarded + kept != amount");
        _assertChildSettled(c, kept);
        assertEq(_held(c), fee + forwarded + kept, "contract balance != owed");
    }

    /// @notice Payments made under different fees accumulate: parents' shares apply to the summed
    /// gross, the child keeps the summed net less what was forwarded, and nothing is lost.
    function testFuzz_split_ConservesAcrossPaymentsAtDifferentFees(
        uint256[4] memory amounts,
        uint256[4] memory fees,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 remixMask
    ) public {
        Case memory c = _setUpCase(BPS / 10, 0, rawShares, count, remixMask, false);
        uint256 gross;
        for (uint256 i; i < amounts.length; ++i) {
            amounts[i] = bound(amounts[i], 1, MAX_AMOUNT);
            setFeeInForce(c.protocol, uint16(bound(fees[i], 0, c.protocol.MAX_FEE_BPS())));
            _pay(c, amounts[i]);
            gross += amounts[i];
        }
        uint256 fee = c.protocol.accruedFees(c.token);
        (uint256 splittableGross, uint256 splittableNet) = c.protocol.splittableBalance(c.child, c.token);
        assertEq(splittableGross, gross, "splittable gross != sum of payments");
        assertEq(splittableNet, gross - fee, "splittable net != sum of payments less fees");

        uint256 kept = c.protocol.split(c.child, c.token);

        uint256 forwarded = _assertParentsCredited(c, gross);
        assertEq(kept, splittableNet - forwarded, "kept != net - forwarded");
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

    /// @dev Checks each parent received its cumulative share of `gross` in the right balance
    /// (collectable for originals, splittable for remixes) and returns the total forwarded.
    function _assertParentsCredited(Case memory c, uint256 gross) private view returns (uint256 forwarded) {
        uint256 cumulative;
        for (uint256 i; i < c.parents.length; ++i) {
            uint256 expected = RoyaltyMath.cumulativeShare(gross, cumulative, c.shares[i]);
            cumulative += c.shares[i];
            uint256 collectable = c.protocol.collectableBalance(c.parents[i], c.token);
            (uint256 splittableGross, uint256 splittableNet) = c.protocol.splittableBalance(c.parents[i], c.token);
            if (c.parentIsRemix[i]) {
                assertEq(splittableGross, expected, "remix parent: splittable gross != cumulative share");
                assertEq(splittableNet, expected, "remix parent: splittable net != cumulative share");
                assertEq(collectable, 0, "remix parent: credited to collectable");
            } else {
                assertEq(collectable, expected, "original parent: collectable != cumulative share");
                assertEq(splittableGross, 0, "original parent: credited to splittable");
            }
            forwarded += expected;
        }
        assertEq(forwarded, (gross * cumulative) / BPS, "forwarded != floor(gross * total / BPS)");
    }

    function _assertChildSettled(Case memory c, uint256 kept) private view {
        assertEq(c.protocol.collectableBalance(c.child, c.token), kept, "child collectable != kept");
        (uint256 splittableGross, uint256 splittableNet) = c.protocol.splittableBalance(c.child, c.token);
        assertEq(splittableGross + splittableNet, 0, "child splittable not cleared by split");
    }

    function _held(Case memory c) private view returns (uint256) {
        return c.token == address(0) ? address(c.protocol).balance : MockERC20(c.token).balanceOf(address(c.protocol));
    }
}
