// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {RoyaltyMath} from "../../../contracts/libraries/RoyaltyMath.sol";
import {ModelAccess} from "./ModelAccess.sol";

/// @notice An independent model of the protocol's books, written from the royalty rules rather than
/// from the contract: what every asset must hold (splittable gross and net, collectable), the fees,
/// the money that flowed in and out, and the lineage as registered. The handlers update it after
/// every successful action; the invariants compare it with the contract.
contract ProtocolModel is ModelAccess {
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
    uint16 private _feeBps;
    uint16 private _pendingFeeBps;
    uint256 private _feeEffectiveAt;

    /* LINEAGE */

    mapping(uint256 assetId => ParentShare[]) private _parents;
    mapping(uint256 assetId => uint256) public expectedChildCount;

    constructor(uint16 initialFeeBps) {
        _feeBps = initialFeeBps;
    }

    /// @notice The fee in force now: the last one announced whose time has come.
    function expectedFeeBps() public view returns (uint16) {
        return _feeEffectiveAt != 0 && block.timestamp >= _feeEffectiveAt ? _pendingFeeBps : _feeBps;
    }

    /// @notice The parents `assetId` was registered with, in order.
    function recordedParents(uint256 assetId) external view returns (ParentShare[] memory) {
        return _parents[assetId];
    }

    /// @notice What a claim of `assetId` in `token` must pay.
    function collectable(uint256 assetId, address token) public view returns (uint256) {
        return credited[assetId][token] - claimed[assetId][token];
    }

    /// @notice Records the registration of `assetId` with `parents` (none for an original).
    function recordRegistration(uint256 assetId, ParentShare[] calldata parents) external onlyWriter {
        for (uint256 i; i < parents.length; ++i) {
            _parents[assetId].push(parents[i]);
            ++expectedChildCount[parents[i].parentId];
        }
    }

    /// @notice Records a payment of `amount` of `token` for a use of `assetId`, at the current fee.
    function recordPayment(uint256 assetId, address token, uint256 amount) external onlyWriter {
        paidIn[token] += amount;
        uint256 fee = RoyaltyMath.fee(amount, expectedFeeBps());
        expectedFees[token] += fee;
        _credit(assetId, token, amount, amount - fee);
    }

    /// @notice Applies the split rule to `assetId` in `token`; returns what the asset keeps.
    function recordSplit(uint256 assetId, address token) external onlyWriter returns (uint256 kept) {
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

    /// @notice Records a claim of the whole collectable balance of `assetId` in `token`; returns it.
    function recordClaim(uint256 assetId, address token) external onlyWriter returns (uint256 amount) {
        amount = collectable(assetId, token);
        claimed[assetId][token] += amount;
        claimedOut[token] += amount;
    }

    /// @notice Records a withdrawal of all accrued fees in `token`; returns them.
    function recordFeeWithdrawal(address token) external onlyWriter returns (uint256 amount) {
        amount = expectedFees[token];
        expectedFees[token] = 0;
        feesWithdrawn[token] += amount;
    }

    /// @notice Records a fee change announced now, in force at `effectiveAt` (replacing any
    /// announced change not yet in force).
    function recordFeeScheduled(uint16 feeBps, uint256 effectiveAt) external onlyWriter {
        _feeBps = expectedFeeBps();
        _pendingFeeBps = feeBps;
        _feeEffectiveAt = effectiveAt;
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
