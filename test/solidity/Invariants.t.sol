// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {InvariantSetup} from "./utils/InvariantSetup.sol";

/// @notice Protocol-wide invariants under random sequences of registrations, licence purchases, pay
/// per use, payments (ETH and ERC-20), splits, claims, fee withdrawals, fee changes, NFT transfers,
/// pauses and time warps.
contract InvariantsTest is InvariantSetup {
    /// @notice (1) Per token, the contract holds exactly what it owes: every asset's splittable net
    /// and collectable balances plus the accrued fees.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_BalanceEqualsOwed() public view {
        address[] memory tokens = royaltyHandler.paymentTokens();
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
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            assertEq(
                royaltyModel.paidIn(tokens[j]),
                royaltyModel.claimedOut(tokens[j]) + royaltyModel.feesWithdrawn(tokens[j]) + _held(tokens[j]),
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
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            address token = tokens[j];
            assertEq(protocol.accruedFees(token), royaltyModel.expectedFees(token), "accrued fees != model");
            for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
                uint256 credited = royaltyModel.credited(assetId, token);
                uint256 claimed = royaltyModel.claimed(assetId, token);
                assertLe(claimed, credited, "asset claimed more than was credited to it");
                assertEq(protocol.collectableBalance(assetId, token), credited - claimed, "collectable != model");
                (uint256 gross, uint256 net) = protocol.splittableBalance(assetId, token);
                assertEq(gross, royaltyModel.expectedGross(assetId, token), "splittable gross != model");
                assertEq(net, royaltyModel.expectedNet(assetId, token), "splittable net != model");
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
            ParentShare[] memory recorded = royaltyModel.recordedParents(assetId);
            assertEq(actual.length, recorded.length, "parent count changed");
            assertEq(protocol.getAsset(assetId).parentCount, recorded.length, "recorded parent count changed");
            for (uint256 i; i < actual.length; ++i) {
                assertEq(actual[i].parentId, recorded[i].parentId, "parent changed");
                assertEq(actual[i].shareBps, recorded[i].shareBps, "parent share changed");
                assertLt(actual[i].parentId, assetId, "parent not older than child");
            }
            assertEq(
                protocol.childCount(assetId),
                royaltyModel.expectedChildCount(assetId),
                "child count != registrations"
            );
        }
    }

    /// @notice (5) The fee never exceeds the immutable maximum and is the last one the owner announced
    /// whose notice has passed.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_FeeWithinMaximum() public view {
        assertLe(protocol.feeBps(), protocol.MAX_FEE_BPS(), "fee above maximum");
        assertEq(protocol.feeBps(), royaltyModel.expectedFeeBps(), "fee != last announced in force");
    }

    /// @notice (6) Pausing stops registrations, payments and every licence purchase and paid view,
    /// free ones too (with `ProtocolPaused`, issuing nothing), but never claims.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_PauseBlocksWritesNotClaims() public view {
        assertEq(royaltyHandler.pausedClaimFailures(), 0, "a claim reverted while paused");
        assertEq(_pausedWritesAccepted(), 0, "a registration, payment or purchase was not refused while paused");
    }

    /// @notice (7) ERC-721 approvals are not revenue control: no transfer operator ever claimed an
    /// asset it does not manage.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_TransferApprovalsCannotClaim() public view {
        assertEq(royaltyHandler.operatorClaimsAccepted(), 0, "a transfer operator claimed an asset's revenue");
    }

    /// @notice After each run, settling everything (split all, claim all, withdraw fees) empties the
    /// contract: no wei is ever stuck.
    function afterInvariant() public {
        royaltyHandler.settleEverything();
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            assertEq(_held(tokens[j]), 0, "wei left in the contract after settling everything");
            assertEq(
                royaltyModel.paidIn(tokens[j]),
                royaltyModel.claimedOut(tokens[j]) + royaltyModel.feesWithdrawn(tokens[j]),
                "paid in != paid out after settling everything"
            );
        }
    }

    function _held(address token) private view returns (uint256) {
        return _held(token, address(protocol));
    }
}
