// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {ParentShare, RegistrationRequest} from "./interfaces/IAssetRegistry.sol";
import {ClaimRequest, IRelay} from "./interfaces/IRelay.sol";
import {IRemixProtocol} from "./interfaces/IRemixProtocol.sol";

/// @title Relay
/// @notice Checks EIP-712 signatures of registrations and claims and passes them to the protocol
/// that created it, which trusts it by code. The domain is this contract on this chain; each action
/// has its own type hash; the whole request, the signer's nonce and the deadline are signed.
contract Relay is EIP712, Nonces, IRelay {
    /* CONSTANTS */

    // The EIP-712 type strings are longer than a word; they are hashed at compile time, so their
    // length costs nothing at run time.
    // solhint-disable gas-small-strings

    /// @inheritdoc IRelay
    bytes32 public constant REGISTRATION_TYPEHASH = keccak256(
        "Registration(address creator,bytes32 contentHash,string metadataURI,ParentShare[] parents,uint256[] licenceIds,bytes32 salt,uint256 nonce,uint256 deadline)ParentShare(uint256 parentId,uint16 shareBps)"
    );

    /// @inheritdoc IRelay
    bytes32 public constant CLAIM_TYPEHASH = keccak256(
        "Claim(address claimer,uint256[] assetIds,address[] tokens,address recipient,uint256 nonce,uint256 deadline)"
    );

    /// @dev The EIP-712 type of one parent of a signed remix.
    bytes32 private constant _PARENT_SHARE_TYPEHASH = keccak256("ParentShare(uint256 parentId,uint16 shareBps)");

    // solhint-enable gas-small-strings

    /* IMMUTABLES */

    /// @inheritdoc IRelay
    address public immutable PROTOCOL;

    /* CONSTRUCTOR */

    constructor() EIP712("RemixProtocol Relay", "1") {
        PROTOCOL = msg.sender;
    }

    /* ACTIONS */

    /// @inheritdoc IRelay
    function registerBySig(
        RegistrationRequest calldata request,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 assetId) {
        bytes32[] memory parentHashes = new bytes32[](request.parents.length);
        for (uint256 i; i < parentHashes.length; ++i) {
            ParentShare calldata parent = request.parents[i];
            parentHashes[i] = keccak256(abi.encode(_PARENT_SHARE_TYPEHASH, parent.parentId, parent.shareBps));
        }
        bytes memory members = abi.encode(
            REGISTRATION_TYPEHASH,
            request.creator,
            request.contentHash,
            keccak256(bytes(request.metadataURI)),
            keccak256(abi.encodePacked(parentHashes)),
            keccak256(abi.encodePacked(request.licenceIds)),
            request.salt
        );
        _useSignature(request.creator, members, deadline, signature);
        // The sender is the committer a salt's commitment must belong to.
        return IRemixProtocol(PROTOCOL).registerFor(request, msg.sender);
    }

    /// @inheritdoc IRelay
    function claimBySig(
        ClaimRequest calldata request,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256[] memory amounts) {
        bytes memory members = abi.encode(
            CLAIM_TYPEHASH,
            request.claimer,
            keccak256(abi.encodePacked(request.assetIds)),
            keccak256(abi.encodePacked(request.tokens)),
            request.recipient
        );
        _useSignature(request.claimer, members, deadline, signature);
        return IRemixProtocol(PROTOCOL).claimFor(request.claimer, request.assetIds, request.tokens, request.recipient);
    }

    /* INTERNAL */

    /// @dev Reverts unless `deadline` has not passed and `signature` is `signer`'s over the typed
    /// struct whose members up to the nonce (type hash first, as 32-byte words) are `members`,
    /// followed by `signer`'s current nonce, which this consumes, and `deadline`.
    function _useSignature(address signer, bytes memory members, uint256 deadline, bytes calldata signature) private {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        bytes32 structHash = keccak256(abi.encodePacked(members, abi.encode(_useNonce(signer), deadline)));
        if (!SignatureChecker.isValidSignatureNow(signer, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(signer);
        }
    }
}
