// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {ILicensing, Licence} from "../interfaces/ILicensing.sol";

/// @notice ERC-5192: minimal soulbound NFTs.
interface IERC5192 {
    /// @notice Emitted when a token becomes locked (here: at mint, forever).
    event Locked(uint256 tokenId);

    /// @notice Whether `tokenId` is locked (always true here).
    function locked(uint256 tokenId) external view returns (bool);
}

/// @title LicenceToken
/// @notice Licences as non-transferable ERC-721 tokens (ERC-5192). A licence is granted to its
/// holder, so validity can be indexed per holder exactly; transfers and approvals revert.
abstract contract LicenceToken is ERC165, IERC721, IERC721Metadata, IERC721Errors, IERC5192, ILicensing {
    /* STORAGE */

    mapping(uint256 licenceId => Licence) internal _licences;
    mapping(address holder => uint256) private _balances;

    /* ERC-165 */

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view virtual override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC5192).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    /* VIEWS */

    /// @inheritdoc IERC721Metadata
    function name() external pure returns (string memory) {
        return "Remix Licence";
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external pure returns (string memory) {
        return "RLIC";
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _balances[owner];
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireIssued(tokenId).holder;
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireIssued(tokenId);
        return address(0);
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireIssued(tokenId);
        return true;
    }

    /* TRANSFERS: NONE */

    /// @notice Always reverts: licences cannot be approved.
    function approve(address, uint256) external pure {
        revert LicenceNonTransferable();
    }

    /// @notice Always reverts: licences cannot be approved.
    function setApprovalForAll(address, bool) external pure {
        revert LicenceNonTransferable();
    }

    /// @notice Always reverts: licences cannot be transferred.
    function transferFrom(address, address, uint256) external pure {
        revert LicenceNonTransferable();
    }

    /// @notice Always reverts: licences cannot be transferred.
    function safeTransferFrom(address, address, uint256) external pure {
        revert LicenceNonTransferable();
    }

    /// @notice Always reverts: licences cannot be transferred.
    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert LicenceNonTransferable();
    }

    /* INTERNAL */

    /// @dev Stores `licence` as `licenceId` and emits the mint. No receiver callback: nothing can be
    /// done with a licence but hold it, and no call out keeps purchases free of reentrancy.
    function _mintLicence(uint256 licenceId, Licence memory licence) internal {
        _licences[licenceId] = licence;
        unchecked {
            ++_balances[licence.holder];
        }
        emit Transfer(address(0), licence.holder, licenceId);
        emit Locked(licenceId);
    }

    /// @dev The licence `licenceId`; reverts with `ERC721NonexistentToken` if it was never issued.
    function _requireIssued(uint256 licenceId) internal view returns (Licence storage licence) {
        licence = _licences[licenceId];
        if (licence.holder == address(0)) revert ERC721NonexistentToken(licenceId);
    }
}
