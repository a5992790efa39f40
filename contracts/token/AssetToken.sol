// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";

/// @notice One asset's record: a single storage word with the owner, so a registration writes the
/// owner and the asset's data with one fresh slot, and a remix counts itself in each parent's word,
/// which it reads anyway. The content hash is not repeated here: it is the key of the asset's
/// content record.
struct AssetRecord {
    address owner;
    uint40 createdAt;
    uint8 parentCount;
    uint16 uriLength;
    uint32 childCount;
}

/// @title AssetToken
/// @notice ERC-721 whose ownership slot also holds the asset's registry data. Behaviour and errors
/// follow OpenZeppelin's ERC721 (IERC6093 errors, `ERC721Utils` receiver check); only the storage
/// layout differs. Tokens are minted by the registry and never burned.
abstract contract AssetToken is ERC165, IERC721, IERC721Metadata, IERC721Errors {
    /* STORAGE */

    mapping(uint256 assetId => AssetRecord) internal _assets;
    mapping(address owner => uint256) private _balances;
    mapping(uint256 assetId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;

    /* ERC-165 */

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view virtual override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    /* ERC-721 VIEWS */

    /// @inheritdoc IERC721Metadata
    function name() external pure returns (string memory) {
        return "Remix Asset";
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external pure returns (string memory) {
        return "REMIX";
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _balances[owner];
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return _tokenApprovals[tokenId];
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /* ERC-721 ACTIONS */

    /// @inheritdoc IERC721
    function approve(address to, uint256 tokenId) external {
        address owner = _requireOwned(tokenId);
        if (msg.sender != owner && !isApprovedForAll(owner, msg.sender)) revert ERC721InvalidApprover(msg.sender);
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC721InvalidOperator(operator);
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        address owner = _requireOwned(tokenId);
        // Same order as OpenZeppelin's ERC721: authorization first, then the claimed owner.
        if (!_isAuthorized(owner, msg.sender, tokenId)) revert ERC721InsufficientApproval(msg.sender, tokenId);
        if (owner != from) revert ERC721IncorrectOwner(from, tokenId, owner);

        delete _tokenApprovals[tokenId];
        _onTransfer(tokenId, from);
        unchecked {
            // Cannot underflow: `from` owns `tokenId`. Cannot overflow: fewer than 2^64 tokens exist.
            --_balances[from];
            ++_balances[to];
        }
        _assets[tokenId].owner = to;
        emit Transfer(from, to, tokenId);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    /* INTERNAL */

    /// @dev Stores `record` (whose `owner` must be set and non-zero) under the new id `tokenId`.
    /// No receiver callback: the recipient is the caller registering the asset.
    function _mint(uint256 tokenId, AssetRecord memory record) internal {
        _assets[tokenId] = record;
        unchecked {
            ++_balances[record.owner];
        }
        emit Transfer(address(0), record.owner, tokenId);
    }

    /// @dev Clears what belonged to the previous owner `from` of `tokenId` beyond the transfer approval.
    function _onTransfer(uint256 tokenId, address from) internal virtual;

    /// @dev The owner of `tokenId`; reverts with `ERC721NonexistentToken` if there is none.
    function _requireOwned(uint256 tokenId) internal view returns (address owner) {
        owner = _assets[tokenId].owner;
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// @dev Whether `spender` may act for `owner` on `tokenId`: owner, operator or approved.
    function _isAuthorized(address owner, address spender, uint256 tokenId) internal view returns (bool) {
        return spender == owner || isApprovedForAll(owner, spender) || _tokenApprovals[tokenId] == spender;
    }
}
