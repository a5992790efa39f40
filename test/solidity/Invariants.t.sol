// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {HandlerDeployer, ProtocolDeployer} from "./utils/Deployers.sol";
import {InvariantBase} from "./utils/InvariantBase.sol";
import {ProtocolHandler} from "./utils/ProtocolHandler.sol";

/// @notice Protocol-wide invariants under random sequences of registrations, payments (ETH and
/// ERC-20), splits, claims, fee withdrawals, fee changes, NFT transfers and pauses.
contract InvariantsTest is InvariantBase {
    address private constant ADMIN = address(0xAD);
    address private constant TREASURY = address(0x7EA5);
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint16 private constant INITIAL_FEE_BPS = 250;

    RemixProtocol private protocol;
    ProtocolHandler private handler;

    function setUp() public {
        protocol = ProtocolDeployer.deploy(ADMIN, TREASURY, MAX_FEE_BPS, INITIAL_FEE_BPS);
        MockERC20 erc20 = new MockERC20("Test", "TST", 18);
        vm.prank(ADMIN);
        protocol.setTokenAllowed(address(erc20), true);
        handler = HandlerDeployer.deploy(protocol, erc20, ADMIN);
        targetContract(address(handler));
        _seedGraph();
    }

    /// @notice (1) Per token, the contract holds exactly what it owes: every asset's splittable net
    /// and collectable balances plus the accrued fees.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_BalanceEqualsOwed() public view {
        address[] memory tokens = handler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            uint256 owed = protocol.accruedFees(tokens[j]);
            for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
                (, uint256 net) = protocol.splittableBalance(assetId, tokens[j]);
                owed += net + protocol.collectableBalance(assetId, tokens[j]);
            }
            assertEq(_held(tokens[j]), owed, "balance != splittable net + collectable + fees");
        }
    }

    /// @notice (2) Per token, everything paid in was claimed, withdrawn as fees or is still held.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_PaidInEqualsPaidOutPlusHeld() public view {
        address[] memory tokens = handler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            assertEq(
                handler.paidIn(tokens[j]),
                handler.claimedOut(tokens[j]) + handler.feesWithdrawn(tokens[j]) + _held(tokens[j]),
                "paid in != claimed + fees withdrawn + held"
            );
        }
    }

    /// @notice (3) No asset ever claims more than was credited to it, and every balance (collectable,
    /// splittable gross and net, fees) equals the handler's independent model of the split rules.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ClaimsNeverExceedCredits() public view {
        address[] memory tokens = handler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            address token = tokens[j];
            assertEq(protocol.accruedFees(token), handler.expectedFees(token), "accrued fees != model");
            for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
                uint256 credited = handler.credited(assetId, token);
                uint256 claimed = handler.claimed(assetId, token);
                assertLe(claimed, credited, "asset claimed more than was credited to it");
                assertEq(protocol.collectableBalance(assetId, token), credited - claimed, "collectable != model");
                (uint256 gross, uint256 net) = protocol.splittableBalance(assetId, token);
                assertEq(gross, handler.expectedGross(assetId, token), "splittable gross != model");
                assertEq(net, handler.expectedNet(assetId, token), "splittable net != model");
            }
        }
    }

    /// @notice (4) Lineage never changes: every asset's parents are those it was registered with,
    /// each older than it, and child counts match the registrations.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_LineageImmutable() public view {
        for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
            ParentShare[] memory actual = protocol.parentsOf(assetId);
            ParentShare[] memory recorded = handler.recordedParents(assetId);
            assertEq(actual.length, recorded.length, "parent count changed");
            assertEq(protocol.getAsset(assetId).parentCount, recorded.length, "recorded parent count changed");
            for (uint256 i; i < actual.length; ++i) {
                assertEq(actual[i].parentId, recorded[i].parentId, "parent changed");
                assertEq(actual[i].shareBps, recorded[i].shareBps, "parent share changed");
                assertLt(actual[i].parentId, assetId, "parent not older than child");
            }
            assertEq(protocol.childCount(assetId), handler.expectedChildCount(assetId), "child count != registrations");
        }
    }

    /// @notice (5) The fee never exceeds the immutable maximum and is the last one the owner set.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_FeeWithinMaximum() public view {
        assertLe(protocol.feeBps(), protocol.MAX_FEE_BPS(), "fee above maximum");
        assertEq(protocol.feeBps(), handler.expectedFeeBps(), "fee != last set");
    }

    /// @notice (6) Pausing stops registrations and payments (with `ProtocolPaused`) but never claims.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_PauseBlocksWritesNotClaims() public view {
        assertEq(handler.pausedClaimFailures(), 0, "a claim reverted while paused");
        assertEq(handler.pausedWritesAccepted(), 0, "a registration or payment was not refused while paused");
    }

    /// @notice After each run, settling everything (split all, claim all, withdraw fees) empties the
    /// contract: no wei is ever stuck.
    function afterInvariant() public {
        handler.settleEverything();
        address[] memory tokens = handler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            assertEq(_held(tokens[j]), 0, "wei left in the contract after settling everything");
            assertEq(
                handler.paidIn(tokens[j]),
                handler.claimedOut(tokens[j]) + handler.feesWithdrawn(tokens[j]),
                "paid in != paid out after settling everything"
            );
        }
    }

    /// @dev Starts every run from a small graph (four originals, four remixes of up to four parents,
    /// some of them remixes), so short runs already pay, split and claim across several hops.
    function _seedGraph() private {
        for (uint256 i; i < 4; ++i) {
            handler.registerOriginal(i, i << 8);
        }
        for (uint256 i; i < 4; ++i) {
            handler.registerRemix(i, 0, i, (uint256(3 + i) << 128) | i);
        }
    }

    function _held(address token) private view returns (uint256) {
        return token == address(0) ? address(protocol).balance : MockERC20(token).balanceOf(address(protocol));
    }
}
