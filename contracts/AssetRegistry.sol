// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {
    AssetSummary,
    AssetView,
    IAssetRegistry,
    ParentShare,
    RegistrationRequest
} from "./interfaces/IAssetRegistry.sol";
import {ILicensing} from "./interfaces/ILicensing.sol";
import {IProtectedRegistration} from "./interfaces/IProtectedRegistration.sol";
import {ChunkedBytes} from "./libraries/ChunkedBytes.sol";
import {ConfigWord} from "./libraries/ConfigWord.sol";
import {ParentLink, ParentLinks} from "./libraries/ParentLinks.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {AssetRecord} from "./token/AssetToken.sol";
import {RevenueManagers} from "./token/RevenueManagers.sol";
import {ProtocolAdmin} from "./ProtocolAdmin.sol";
import {RegistrationCommitments} from "./RegistrationCommitments.sol";

/// @title AssetRegistry
/// @notice Registers originals and remixes as ERC-721 assets and records their lineage: directly,
/// by commit-reveal, or for a creator through the protocol's licensing contract and relay.
abstract contract AssetRegistry is RevenueManagers, ProtocolAdmin, RegistrationCommitments, IAssetRegistry {
    using ChunkedBytes for mapping(uint256 => bytes32);
    using ParentLinks for mapping(uint256 => uint256);

    /* CONSTANTS */

    /// @inheritdoc IAssetRegistry
    uint256 public constant MAX_PARENTS = 16;

    /// @inheritdoc IAssetRegistry
    uint256 public constant MAX_URI_LENGTH = 512;

    /* IMMUTABLES */

    /// @inheritdoc IAssetRegistry
    address public immutable LICENSING;

    /// @inheritdoc IAssetRegistry
    address public immutable RELAY;

    /* STORAGE */

    mapping(uint256 assetId => mapping(uint256 word => bytes32)) private _uriWords;
    mapping(uint256 assetId => mapping(uint256 word => uint256)) private _parentWords;

    /* CONSTRUCTOR */

    /// @param licensing The licensing contract, created by the deployed protocol for itself.
    /// @param relay The relay of signed requests, created by the deployed protocol for itself.
    constructor(address licensing, address relay) {
        LICENSING = licensing;
        RELAY = relay;
    }

    /* REGISTRATION */

    /// @inheritdoc IAssetRegistry
    function registerOriginal(bytes32 contentHash, string calldata metadataURI) external returns (uint256 assetId) {
        _authorizeContent(contentHash, msg.sender, msg.sender, 0);
        assetId = _register(msg.sender, contentHash, metadataURI, 0);
    }

    /// @inheritdoc IProtectedRegistration
    function revealOriginal(
        bytes32 contentHash,
        string calldata metadataURI,
        bytes32 salt
    ) external returns (uint256 assetId) {
        _authorizeContent(contentHash, msg.sender, msg.sender, _requireSalt(salt));
        assetId = _register(msg.sender, contentHash, metadataURI, 0);
    }

    /// @inheritdoc IAssetRegistry
    function registerRemix(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) external returns (uint256 assetId) {
        _authorizeContent(contentHash, msg.sender, msg.sender, 0);
        assetId = _registerRemix(msg.sender, contentHash, metadataURI, parents, licenceIds);
    }

    /// @inheritdoc IProtectedRegistration
    function revealRemix(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds,
        bytes32 salt
    ) external returns (uint256 assetId) {
        _authorizeContent(contentHash, msg.sender, msg.sender, _requireSalt(salt));
        assetId = _registerRemix(msg.sender, contentHash, metadataURI, parents, licenceIds);
    }

    /// @inheritdoc IAssetRegistry
    function registerFor(RegistrationRequest calldata request, address committer) external returns (uint256 assetId) {
        if (msg.sender != LICENSING && msg.sender != RELAY) revert OnlyLicensingOrRelay(msg.sender);
        address creator = request.creator;
        _authorizeContent(request.contentHash, creator, committer, request.salt);
        // Only the relay registers originals: the licensing contract's requests are remixes, and
        // one naming no parents fails as a remix does (`InvalidParentCount`).
        if (request.parents.length == 0 && msg.sender == RELAY) {
            return _register(creator, request.contentHash, request.metadataURI, 0);
        }
        assetId = _registerRemix(
            creator,
            request.contentHash,
            request.metadataURI,
            request.parents,
            request.licenceIds
        );
    }

    /* VIEWS */

    /// @inheritdoc IAssetRegistry
    function getAsset(uint256 assetId) external view returns (AssetView memory) {
        AssetRecord storage record = _assets[assetId];
        if (record.owner == address(0)) revert AssetNotFound(assetId);
        return
            AssetView({
                owner: record.owner,
                createdAt: record.createdAt,
                metadataURI: string(_uriWords[assetId].load(record.uriLength)),
                parentCount: record.parentCount,
                childCount: record.childCount
            });
    }

    /// @inheritdoc IAssetRegistry
    function getAssetSummary(uint256 assetId) external view returns (AssetSummary memory) {
        AssetRecord storage record = _assets[assetId];
        if (record.owner == address(0)) revert AssetNotFound(assetId);
        return
            AssetSummary({
                owner: record.owner,
                createdAt: record.createdAt,
                parentCount: record.parentCount,
                childCount: record.childCount,
                metadataURILength: record.uriLength
            });
    }

    /// @inheritdoc IAssetRegistry
    function parentsOf(uint256 assetId) external view returns (ParentShare[] memory parents) {
        uint256[] memory lanes = _parentLanes(assetId);
        parents = new ParentShare[](lanes.length);
        for (uint256 i; i < lanes.length; ++i) {
            // Cannot truncate: a share is a 16-bit field.
            parents[i] = ParentShare({
                parentId: ParentLinks.laneParentId(lanes[i]),
                shareBps: uint16(ParentLinks.laneShareBps(lanes[i]))
            });
        }
    }

    /// @inheritdoc IAssetRegistry
    function childCount(uint256 assetId) external view returns (uint256) {
        return _assets[assetId].childCount;
    }

    /// @inheritdoc IAssetRegistry
    function assetIdOf(bytes32 contentHash) external view returns (uint256) {
        return _content[_contentKey(contentHash)].assetId;
    }

    /// @inheritdoc IAssetRegistry
    function totalAssets() external view returns (uint256) {
        return ConfigWord.lastAssetId(_config);
    }

    /// @inheritdoc IAssetRegistry
    function exists(uint256 assetId) external view returns (bool) {
        return _assets[assetId].owner != address(0);
    }

    /// @inheritdoc IERC721Metadata
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        return string(_uriWords[tokenId].load(_assets[tokenId].uriLength));
    }

    /* INTERNAL */

    /// @dev Registers a remix for `creator`, links its parents and consumes `creator`'s licences.
    function _registerRemix(
        address creator,
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) private returns (uint256 assetId) {
        uint256 count = parents.length;
        if (count == 0 || count > MAX_PARENTS) revert InvalidParentCount(count, MAX_PARENTS);
        assetId = _register(creator, contentHash, metadataURI, uint8(count));

        uint256 totalBps;
        for (uint256 i; i < count; ++i) {
            ParentShare calldata parent = parents[i];
            for (uint256 j; j < i; ++j) {
                if (parents[j].parentId == parent.parentId) revert DuplicateParent(parent.parentId);
            }
            // A parent must have existed before this call (an id below the child's), so every edge
            // points to an older asset and the graph stays acyclic.
            AssetRecord storage record = _assets[parent.parentId];
            if (parent.parentId >= assetId || record.owner == address(0)) revert AssetNotFound(parent.parentId);
            totalBps += parent.shareBps;

            _parentWords[assetId].store(
                i,
                ParentLink({
                    // Cannot truncate: ids are assigned one by one, far below 2^64.
                    parentId: uint64(parent.parentId),
                    shareBps: parent.shareBps,
                    parentIsOriginal: record.parentCount == 0
                })
            );
            // Checked: a parent's 2^32nd remix reverts rather than wrap its count.
            ++record.childCount;
            emit ParentLinked(assetId, parent.parentId, parent.shareBps);
        }
        _parentWords[assetId].storeCount(count);
        uint256 limitBps = RoyaltyMath.BPS - MAX_FEE_BPS;
        if (totalBps > limitBps) revert SharesExceedLimit(totalBps, limitBps);
        // Last, after every local check. The licensing contract is code fixed at deployment.
        ILicensing(LICENSING).consumeRemixLicences(creator, assetId, parents, licenceIds);
    }

    /// @dev Validates and stores a new asset of `creator` with `parentCount` parents (linked by the caller).
    function _register(
        address creator,
        bytes32 contentHash,
        string calldata metadataURI,
        uint8 parentCount
    ) private returns (uint256 assetId) {
        uint256 config = _config;
        if (ConfigWord.paused(config)) revert ProtocolPaused();
        if (contentHash == bytes32(0)) revert ZeroContentHash();
        bytes32 contentKey = _contentKey(contentHash);
        uint256 existing = _content[contentKey].assetId;
        if (existing != 0) revert ContentAlreadyRegistered(contentHash, existing);
        uint256 uriLength = bytes(metadataURI).length;
        if (uriLength == 0 || uriLength > MAX_URI_LENGTH) revert InvalidMetadataURI(uriLength, MAX_URI_LENGTH);

        // Cannot overflow: the last id has 40 bits.
        unchecked {
            assetId = ConfigWord.lastAssetId(config) + 1;
        }
        // Reverts past 2^40 - 1 ids (see `ConfigWord`), a trillion registrations.
        _config = ConfigWord.withLastAssetId(config, assetId);
        _content[contentKey].assetId = uint64(assetId);
        _uriWords[assetId].store(bytes(metadataURI));
        _mint(
            assetId,
            AssetRecord({
                owner: creator,
                createdAt: uint40(block.timestamp),
                parentCount: parentCount,
                uriLength: uint16(uriLength),
                childCount: 0
            })
        );
        emit AssetRegistered(assetId, creator, contentHash, metadataURI);
    }

    /// @dev Registrations, reveals and commitments stop while the protocol is paused.
    function _requireRegistrationsOpen() internal view override {
        if (ConfigWord.paused(_config)) revert ProtocolPaused();
    }

    /// @dev `salt`, which a reveal needs (zero would be the direct path).
    function _requireSalt(bytes32 salt) private pure returns (bytes32) {
        if (salt == 0) revert ZeroSalt();
        return salt;
    }

    /// @dev Reverts unless `account` owns `assetId` or manages its revenue (transfer approvals do
    /// not count: they move the NFT, not its money).
    function _requireOwnerOrManager(uint256 assetId, address account) internal view {
        address owner = _assets[assetId].owner;
        if (owner == address(0)) revert AssetNotFound(assetId);
        if (!_isOwnerOrManager(owner, account, assetId)) revert NotAssetOwnerOrManager(assetId, account);
    }

    /// @dev The parent links of `assetId` (none for an original) as packed lanes (see
    /// `ParentLinks.laneAt`), reading each packed word once.
    function _parentLanes(uint256 assetId) internal view returns (uint256[] memory lanes) {
        mapping(uint256 => uint256) storage words = _parentWords[assetId];
        uint256 word = words[0];
        uint256 count = ParentLinks.linkCount(word);
        lanes = new uint256[](count);
        if (count == 0) return lanes;
        // Unchecked: i <= count <= 16.
        unchecked {
            for (uint256 i; ;) {
                lanes[i] = ParentLinks.laneAt(word, i);
                if (++i == count) break;
                if (i % ParentLinks.PER_WORD == 0) word = words[i / ParentLinks.PER_WORD];
            }
        }
    }
}
