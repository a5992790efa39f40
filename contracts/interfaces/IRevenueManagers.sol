// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRevenueManagers
/// @notice Who controls an asset's revenue and terms: its owner, and the managers the owner names
/// for that purpose, for one asset or for all of its assets. ERC-721 approvals move the NFT only:
/// a marketplace approved to list a work cannot claim its revenue or rewrite its terms while the
/// work is the owner's (it can move the NFT, and the revenue belongs to whoever holds it).
interface IRevenueManagers {
    /* EVENTS */

    /// @notice `owner` named `manager` for `assetId` (`address(0)`: none). A transfer of the asset
    /// clears it, emitting this event with `manager` zero.
    event RevenueManagerSet(uint256 indexed assetId, address indexed owner, address indexed manager);

    /// @notice `owner` named (`approved`) or revoked `manager` for every asset it owns, now or later.
    event RevenueManagerForAllSet(address indexed owner, address indexed manager, bool approved);

    /* ERRORS */

    /// @notice Only the owner of `assetId` may name its manager; `caller` is not.
    error NotAssetOwner(uint256 assetId, address caller);
    /// @notice `caller` is neither the owner of `assetId` nor a revenue manager of it.
    error NotAssetOwnerOrManager(uint256 assetId, address caller);
    /// @notice A manager for all assets cannot be the zero address.
    error InvalidManager(address manager);

    /* FUNCTIONS */

    /// @notice Names `manager` to claim and set terms for `assetId`, replacing any earlier one;
    /// `address(0)` revokes. Owner only (not an ERC-721 operator). Cleared when the asset changes hands.
    function setRevenueManager(uint256 assetId, address manager) external;

    /// @notice Names (`approved`) or revokes `manager` to claim and set terms for every asset the
    /// caller owns, now or later.
    function setRevenueManagerForAll(address manager, bool approved) external;

    /// @notice The manager the owner of `assetId` named for it (`address(0)`: none).
    function revenueManagerOf(uint256 assetId) external view returns (address);

    /// @notice Whether `owner` named `manager` for all of its assets.
    function isRevenueManagerForAll(address owner, address manager) external view returns (bool);

    /// @notice Whether `account` may claim the revenue of `assetId` and set its terms: its owner, its
    /// manager, or a manager for all of the owner's assets. False for an unknown asset.
    function isOwnerOrManager(uint256 assetId, address account) external view returns (bool);
}
