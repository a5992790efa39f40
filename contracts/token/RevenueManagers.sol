// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRevenueManagers} from "../interfaces/IRevenueManagers.sol";
import {AssetToken} from "./AssetToken.sol";

/// @title RevenueManagers
/// @notice Control of an asset's revenue and terms, kept apart from ERC-721 transfer approvals.
abstract contract RevenueManagers is AssetToken, IRevenueManagers {
    /* STORAGE */

    mapping(uint256 assetId => address) private _managers;
    mapping(address owner => mapping(address manager => bool)) private _managersForAll;

    /* ACTIONS */

    /// @inheritdoc IRevenueManagers
    function setRevenueManager(uint256 assetId, address manager) external {
        address owner = _requireOwned(assetId);
        if (msg.sender != owner) revert NotAssetOwner(assetId, msg.sender);
        _managers[assetId] = manager;
        emit RevenueManagerSet(assetId, owner, manager);
    }

    /// @inheritdoc IRevenueManagers
    function setRevenueManagerForAll(address manager, bool approved) external {
        if (manager == address(0)) revert InvalidManager(manager);
        _managersForAll[msg.sender][manager] = approved;
        emit RevenueManagerForAllSet(msg.sender, manager, approved);
    }

    /* VIEWS */

    /// @inheritdoc IRevenueManagers
    function revenueManagerOf(uint256 assetId) external view returns (address) {
        _requireOwned(assetId);
        return _managers[assetId];
    }

    /// @inheritdoc IRevenueManagers
    function isRevenueManagerForAll(address owner, address manager) external view returns (bool) {
        return _managersForAll[owner][manager];
    }

    /// @inheritdoc IRevenueManagers
    function isOwnerOrManager(uint256 assetId, address account) external view returns (bool) {
        address owner = _assets[assetId].owner;
        return owner != address(0) && _isOwnerOrManager(owner, account, assetId);
    }

    /* INTERNAL */

    /// @dev A new owner starts with no per-asset manager; its managers for all apply at once.
    function _onTransfer(uint256 tokenId, address from) internal override {
        if (_managers[tokenId] == address(0)) return;
        delete _managers[tokenId];
        emit RevenueManagerSet(tokenId, from, address(0));
    }

    /// @dev Whether `account` controls the revenue and terms of `assetId`, owned by `owner`.
    function _isOwnerOrManager(address owner, address account, uint256 assetId) internal view returns (bool) {
        if (account == address(0)) return false;
        return account == owner || _managers[assetId] == account || _managersForAll[owner][account];
    }
}
