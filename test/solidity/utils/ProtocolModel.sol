// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare, RemixPolicy} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {RoyaltyMath} from "../../../contracts/libraries/RoyaltyMath.sol";

/// @notice An independent model of the protocol's books, written from the royalty rules rather than
/// from the contract: what every asset must hold (splittable gross and net, collectable), the fees,
/// the money that flowed in and out, and the lineage as registered. The handler updates it after
/// every successful action; the invariants compare it with the contract.
abstract contract ProtocolModel {
    /* FLOWS */

    mapping(address token => uint256) public paidIn;
    mapping(address token => uint256) public claimedOut;
    mapping(address token => uint256) public feesWithdrawn;

    /* BALANCES */

    /// @notice Everything ever credited to an asset's collectable balance.
    mapping(uint256 assetId => mapping(address token => uint256)) public credited;
    /// @notice Everything ever claimed from an asset.
    mapping(uint256 assetId => mapping(address token => uint256)) public claimed;
    mapping(uint256 assetId => mapping(address token => uint256)) public expectedGross;
    mapping(uint256 assetId => mapping(address token => uint256)) public expectedNet;
    mapping(address token => uint256) public expectedFees;
    uint16 public expectedFeeBps;

    /* LINEAGE */

    mapping(uint256 assetId => ParentShare[]) private _parents;
    mapping(uint256 assetId => RemixPolicy) internal _policies;
    mapping(uint256 assetId => uint256) public expectedChildCount;

    constructor(uint16 initialFeeBps) {
        expectedFeeBps = initialFeeBps;
    }

    /// @notice The parents `assetId` was registered with, in order.
    function recordedParents(uint256 assetId) external view returns (ParentShare[] memory) {
        return _parents[assetId];
    }

    function _modelRegistration(uint256 assetId, RemixPolicy memory policy, ParentShare[] memory parents) internal {
        _policies[assetId] = policy;
        for (uint256 i; i < parents.length; ++i) {
            _parents[assetId].push(parents[i]);
            ++expectedChildCount[parents[i].parentId];
        }
    }

    function _modelPayment(uint256 assetId, address token, uint256 amount) internal {
        paidIn[token] += amount;
        uint256 fee = RoyaltyMath.fee(amount, expectedFeeBps);
        expectedFees[token] += fee;
        _credit(assetId, token, amount, amount - fee);
    }

    /// @dev Applies the split rule and returns what the asset keeps.
    function _modelSplit(uint256 assetId, address token) internal returns (uint256 kept) {
        uint256 gross = expectedGross[assetId][token];
        if (gross == 0) return 0;
        uint256 net = expectedNet[assetId][token];
        (expectedGross[assetId][token], expectedNet[assetId][token]) = (0, 0);
        ParentShare[] storage parents = _parents[assetId];
        uint256 cumulative;
        uint256 forwarded;
        for (uint256 i; i < parents.length; ++i) {
            uint256 part = RoyaltyMath.cumulativeShare(gross, cumulative, parents[i].shareBps);
            cumulative += parents[i].shareBps;
            forwarded += part;
            _credit(parents[i].parentId, token, part, part);
        }
        kept = net - forwarded;
        credited[assetId][token] += kept;
    }

    /// @dev What a claim of `assetId` in `token` must pay.
    function _modelCollectable(uint256 assetId, address token) internal view returns (uint256) {
        return credited[assetId][token] - claimed[assetId][token];
    }

    /// @dev Records a claim of the whole collectable balance and returns it.
    function _modelClaim(uint256 assetId, address token) internal returns (uint256 amount) {
        amount = _modelCollectable(assetId, token);
        claimed[assetId][token] += amount;
        claimedOut[token] += amount;
    }

    /// @dev Records a withdrawal of all accrued fees and returns them.
    function _modelFeeWithdrawal(address token) internal returns (uint256 amount) {
        amount = expectedFees[token];
        expectedFees[token] = 0;
        feesWithdrawn[token] += amount;
    }

    /// @dev An original's money is its own at once; a remix's waits to be split.
    function _credit(uint256 assetId, address token, uint256 gross, uint256 net) private {
        if (_parents[assetId].length == 0) {
            credited[assetId][token] += net;
        } else {
            expectedGross[assetId][token] += gross;
            expectedNet[assetId][token] += net;
        }
    }
}
