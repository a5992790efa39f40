// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A parent named by a remix, with the share of the remix's revenue it receives.
/// @param parentId The parent asset.
/// @param shareBps The parent's share in basis points (1/10,000) of every amount the remix splits.
struct ParentShare {
    uint256 parentId;
    uint16 shareBps;
}

/// @notice Everything the registry records about one asset by its id. The content hash is recorded
/// once, as the key of its asset (`assetIdOf`): read it from the asset's `AssetRegistered` event,
/// and check content against an asset with `assetIdOf(hash) == assetId`.
struct AssetView {
    address owner;
    uint64 createdAt;
    string metadataURI;
    uint256 parentCount;
    uint256 childCount;
}

/// @notice A registration made for `creator` by one of the protocol's own contracts: an original
/// when `parents` is empty, else a remix consuming `creator`'s licences (`licenceIds[i]` for
/// `parents[i]`). A non-zero `salt` reveals a commitment (see `IProtectedRegistration`).
struct RegistrationRequest {
    address creator;
    bytes32 contentHash;
    string metadataURI;
    ParentShare[] parents;
    uint256[] licenceIds;
    bytes32 salt;
}

/// @notice What the registry records about one asset, without its metadata URI: a fixed-size
/// view, cheap to read for every node of a large lineage.
struct AssetSummary {
    address owner;
    uint64 createdAt;
    uint256 parentCount;
    uint256 childCount;
    uint256 metadataURILength;
}

/// @title IAssetRegistry
/// @notice Assets are ERC-721 tokens that record a unique content hash, a metadata URI, their
/// creation time and their parents. Lineage is fixed at registration, so the graph is acyclic.
/// Each asset's storage is one word (owner, creation time, parent and child counts, URI length)
/// and its URI's words; its content hash is stored once, as the key that maps it to the asset.
interface IAssetRegistry {
    /* EVENTS */

    /// @notice An asset was registered and minted to `creator`.
    event AssetRegistered(
        uint256 indexed assetId,
        address indexed creator,
        bytes32 indexed contentHash,
        string metadataURI
    );

    /// @notice `childId` names `parentId` as a parent with `shareBps`. Emitted once per parent,
    /// in registration order, right after `AssetRegistered` of the child.
    event ParentLinked(uint256 indexed childId, uint256 indexed parentId, uint16 shareBps);

    /* ERRORS */

    /// @notice The content hash is zero.
    error ZeroContentHash();
    /// @notice The content is already registered as `existingAssetId`.
    error ContentAlreadyRegistered(bytes32 contentHash, uint256 existingAssetId);
    /// @notice The metadata URI is empty or longer than `maxLength` bytes.
    error InvalidMetadataURI(uint256 length, uint256 maxLength);
    /// @notice No asset has id `assetId`.
    error AssetNotFound(uint256 assetId);
    /// @notice A remix must name between 1 and `maxParents` parents.
    error InvalidParentCount(uint256 count, uint256 maxParents);
    /// @notice `parentId` appears more than once among a remix's parents.
    error DuplicateParent(uint256 parentId);
    /// @notice The parents' shares add up to `totalBps`, above `limitBps` (100% less the maximum fee).
    error SharesExceedLimit(uint256 totalBps, uint256 limitBps);
    /// @notice Only the protocol's licensing contract may call.
    error OnlyLicensing(address caller);
    /// @notice Only the protocol's licensing contract or relay may call.
    error OnlyLicensingOrRelay(address caller);

    /* FUNCTIONS */

    /// @notice Registers an original (an asset with no parents) and mints it to the caller.
    /// @dev Warning: the content hash is public once the transaction is broadcast; whoever is
    /// included first owns it. Safe only through a private mempool: otherwise use commit-reveal or
    /// a signed registration (`IProtectedRegistration`). Refuses content a live commitment holds
    /// (`ContentCommitted`). Reverts while the protocol is paused. The new asset has no terms:
    /// every use is refused until its owner publishes terms in the licensing contract.
    /// @param contentHash Hash of the asset's content; unique across the registry, never zero.
    /// @param metadataURI Metadata URI returned by `tokenURI`; 1 to 512 bytes.
    /// @return assetId The new asset's id, assigned sequentially from 1.
    function registerOriginal(bytes32 contentHash, string calldata metadataURI) external returns (uint256 assetId);

    /// @notice Registers a remix of 1 to 16 distinct existing parents and mints it to the caller.
    /// @dev Each parent needs an unused `Remix` licence held by the caller (`licenceIds[i]` for
    /// `parents[i]`), which is consumed; each share must be at least its licence's minimum, and the
    /// shares plus the maximum fee must not exceed 100%. Lineage can never change afterwards. To buy
    /// the licences in the same transaction, use the licensing contract's `registerRemixWithLicences`.
    /// @param contentHash Hash of the remix's content; unique across the registry, never zero.
    /// @param metadataURI Metadata URI returned by `tokenURI`; 1 to 512 bytes.
    /// @param parents The parents, each with the share of the remix's revenue it receives.
    /// @param licenceIds The caller's `Remix` licence for each parent, in the same order.
    /// @return assetId The new asset's id.
    function registerRemix(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) external returns (uint256 assetId);

    /// @notice Registers `request` for `request.creator`, who receives the asset (and whose licences
    /// a remix consumes). Only the protocol's licensing contract (which buys licences for its
    /// caller first) and relay (which checked the creator's signature) may call.
    /// @param committer Whose commitment a `request.salt` reveals: the licensing contract's caller,
    /// or whoever sent the signed registration to the relay.
    function registerFor(RegistrationRequest calldata request, address committer) external returns (uint256 assetId);

    /// @notice Everything recorded about `assetId`. Reverts with `AssetNotFound` if it does not exist.
    function getAsset(uint256 assetId) external view returns (AssetView memory);

    /// @notice What is recorded about `assetId` but its metadata URI, at a fixed cost. Reverts with
    /// `AssetNotFound` if it does not exist.
    function getAssetSummary(uint256 assetId) external view returns (AssetSummary memory);

    /// @notice The parents of `assetId` with their shares, in registration order.
    function parentsOf(uint256 assetId) external view returns (ParentShare[] memory);

    /// @notice How many remixes name `assetId` as a parent (at most 2^32 - 1: registering a remix of a
    /// parent that has that many reverts).
    function childCount(uint256 assetId) external view returns (uint256);

    /// @notice The asset registered with `contentHash`, or 0 if there is none: the on-chain check
    /// that content is a given asset (the registry proves the first registration of these bytes).
    function assetIdOf(bytes32 contentHash) external view returns (uint256);

    /// @notice How many assets exist. Ids run from 1 to `totalAssets()`, so with `parentsOf` the
    /// whole graph can be walked from the chain alone.
    function totalAssets() external view returns (uint256);

    /// @notice Whether `assetId` exists.
    function exists(uint256 assetId) external view returns (bool);

    /// @notice The licensing contract this protocol created and trusts, fixed forever.
    function LICENSING() external view returns (address);

    /// @notice The relay of signed registrations and claims this protocol created and trusts.
    function RELAY() external view returns (address);

    /// @notice The maximum number of parents of a remix.
    function MAX_PARENTS() external view returns (uint256);

    /// @notice The maximum length in bytes of a metadata URI.
    function MAX_URI_LENGTH() external view returns (uint256);
}
