// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {InvariantSetup} from "./utils/InvariantSetup.sol";
import {ProtocolModel} from "./utils/ProtocolModel.sol";

/// @notice Protocol-wide invariants under random sequences of registrations, licence purchases, pay
/// per use, payments (ETH and ERC-20, one or many per call, tiny or large), splits, claims, fee
/// withdrawals, fee changes, NFT transfers, pauses and time warps.
contract InvariantsTest is InvariantSetup {
    uint256 private constant BPS = RoyaltyMath.BPS;

    /// @notice (1) Per token, the contract holds exactly what it owes: the sum of every asset's
    /// `held` plus the accrued fees, as the contract reports them and as the model has them.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_BalanceEqualsOwed() public view {
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            (uint256 owed, ) = protocol.accruedFees(tokens[j]);
            for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
                (uint256 held, , ) = protocol.royaltyBalance(assetId, tokens[j]);
                owed += held;
            }
            assertEq(_held(tokens[j]), owed, "balance != sum of held + accrued fees");
            uint256 modelOwed = royaltyModel.totalHeld(tokens[j]) + royaltyModel.expectedFees(tokens[j]);
            assertEq(_held(tokens[j]), modelOwed, "balance != model's sum of held + fees");
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

    /// @notice (3) No asset ever claims more than was credited to it, and every balance equals the
    /// model of the rules, which keeps lifetime totals: `royaltyBalance` (held, pending gross, and
    /// the remainder == the lifetime split gross modulo 10,000), `collectableBalance` (held after
    /// the split, or 0 while gross stays pending) and `accruedFees` (fees charged less withdrawn,
    /// and the remainder == the lifetime gross paid in the token modulo 10,000); and the model's
    /// held is what its flows leave (credited - forwarded - claimed).
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ClaimsNeverExceedCredits() public view {
        address[] memory tokens = royaltyHandler.paymentTokens();
        uint256 assetCount = protocol.totalAssets();
        for (uint256 j; j < tokens.length; ++j) {
            address token = tokens[j];
            (uint256 fees, uint256 grossRemainder) = protocol.accruedFees(token);
            assertEq(fees, royaltyModel.expectedFees(token), "accrued fees != model");
            assertEq(grossRemainder, royaltyModel.paidIn(token) % BPS, "fee remainder != lifetime paid % BPS");
            ProtocolModel.Expected[] memory expected = royaltyModel.expectedBalances(assetCount, token);
            for (uint256 assetId = 1; assetId <= assetCount; ++assetId) {
                _assertBalanceMatchesModel(assetId, token, expected[assetId - 1]);
            }
        }
    }

    /// @notice (3b) Every parent received exactly its share of what its child split, rounded down
    /// once over the child's life: per child, parent and token, the sum of the parent's amounts in
    /// the child's `Split` events == floor(G * s_i / 10,000), where G is the sum of those events'
    /// gross (which equals the model's lifetime split gross). A rule that rounded each split down
    /// would lose up to a unit per split and fail this after a few tiny splits.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ParentsReceiveExactShareOfSplitGross() public view {
        ProtocolModel.ShareMismatch memory m = royaltyModel.firstShareMismatch(
            protocol.totalAssets(),
            royaltyHandler.paymentTokens()
        );
        if (m.childId == 0) return;
        assertEq(m.observedGross, m.modelGross, "gross of Split events != model's lifetime split gross");
        assertEq(m.received, m.expected, "parent received != floor(child's split gross * share)");
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

    /// @notice After each run, settling everything (split all children first, claim all, withdraw
    /// fees) leaves in the contract only what remixes hold against gross still pending because it
    /// does not reach their parents' next rounding step: less than one unit per parent each. No
    /// other wei is ever stuck, and paid in == paid out + that.
    function afterInvariant() public {
        royaltyHandler.settleEverything();
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            uint256 left;
            for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
                (uint256 held, uint256 pending, ) = protocol.royaltyBalance(assetId, tokens[j]);
                if (pending == 0) {
                    assertEq(held, 0, "an asset with nothing pending holds wei after settling everything");
                    continue;
                }
                assertEq(protocol.collectableBalance(assetId, tokens[j]), 0, "a settled asset is still collectable");
                assertLt(held, protocol.parentsOf(assetId).length, "held against pending gross >= one unit a parent");
                left += held;
            }
            assertEq(_held(tokens[j]), left, "wei left in the contract beyond what uncovered remixes hold");
            assertEq(
                royaltyModel.paidIn(tokens[j]),
                royaltyModel.claimedOut(tokens[j]) + royaltyModel.feesWithdrawn(tokens[j]) + left,
                "paid in != paid out + held against pending after settling everything"
            );
        }
    }

    /// @dev `royaltyBalance` and `collectableBalance` of `assetId` in `token` against the model.
    function _assertBalanceMatchesModel(
        uint256 assetId,
        address token,
        ProtocolModel.Expected memory expected
    ) private view {
        assertLe(expected.claimed, expected.credited, "asset claimed more than was credited to it");
        assertEq(expected.held, expected.credited - expected.forwarded - expected.claimed, "model held != flows");
        (uint256 held, uint256 pending, uint256 remainder) = protocol.royaltyBalance(assetId, token);
        assertEq(held, expected.held, "held != model");
        assertEq(pending, expected.pending, "pending gross != model");
        assertEq(remainder, expected.splitGross % BPS, "remainder != lifetime split gross % BPS");
        assertEq(protocol.collectableBalance(assetId, token), expected.collectable, "collectable != model");
    }

    function _held(address token) private view returns (uint256) {
        return _held(token, address(protocol));
    }
}
