// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IProtectedRegistration} from "./interfaces/IProtectedRegistration.sol";

/// @title RegistrationCommitments
/// @notice Commit-reveal for registrations, and the content records both paths check: which asset
/// a content hash is registered as, and until when a commitment holds it against the direct path.
abstract contract RegistrationCommitments is IProtectedRegistration {
    /// @dev One content hash's record, keyed by `keccak256(abi.encode(contentHash))`, the key a
    /// commitment can name without revealing the hash.
    struct ContentRecord {
        uint64 assetId;
        uint40 lockedUntil;
    }

    /// @dev A live commitment: the block it was made in and the last second it can be revealed.
    struct CommitmentRecord {
        uint48 committedAt;
        uint40 expiresAt;
    }

    /* CONSTANTS */

    /// @inheritdoc IProtectedRegistration
    uint256 public constant COMMITMENT_LIFETIME = 1 days;

    /* STORAGE */

    mapping(bytes32 contentKey => ContentRecord) internal _content;
    mapping(address committer => mapping(bytes32 commitment => CommitmentRecord)) private _commitments;

    /* ACTIONS */

    /// @inheritdoc IProtectedRegistration
    function commitRegistration(bytes32 commitment, bytes32 contentKey) external {
        if (commitment == 0) revert ZeroCommitment();
        // Cannot truncate: block numbers and times fit their fields for millennia.
        uint40 expiresAt = uint40(block.timestamp + COMMITMENT_LIFETIME);
        // Stored per committer, so copying someone's commitment from the mempool gains nothing.
        _commitments[msg.sender][commitment] = CommitmentRecord(uint48(block.number), expiresAt);
        if (contentKey != 0 && _content[contentKey].lockedUntil < expiresAt) {
            _content[contentKey].lockedUntil = expiresAt;
        }
        emit RegistrationCommitted(msg.sender, commitment, contentKey, expiresAt);
    }

    /* VIEWS */

    /// @inheritdoc IProtectedRegistration
    function contentLockedUntil(bytes32 contentHash) external view returns (uint256) {
        return _content[_contentKey(contentHash)].lockedUntil;
    }

    /// @inheritdoc IProtectedRegistration
    function commitmentOf(address committer, bytes32 commitment) external view returns (uint256, uint256) {
        CommitmentRecord memory record = _commitments[committer][commitment];
        return (record.committedAt, record.expiresAt);
    }

    /* INTERNAL */

    /// @dev Lets `contentHash` be registered for `creator`: with a `salt`, by consuming the live
    /// commitment `committer` made to (`creator`, `contentHash`, `salt`), made in an earlier block;
    /// without one (the direct path), only if no commitment holds the content.
    function _authorizeContent(bytes32 contentHash, address creator, address committer, bytes32 salt) internal {
        if (salt == 0) {
            uint256 lockedUntil = _content[_contentKey(contentHash)].lockedUntil;
            if (lockedUntil >= block.timestamp) revert ContentCommitted(contentHash, lockedUntil);
            return;
        }
        bytes32 commitment = keccak256(abi.encode(creator, contentHash, salt));
        CommitmentRecord memory record = _commitments[committer][commitment];
        if (record.expiresAt == 0) revert UnknownCommitment(committer, commitment);
        if (block.number <= record.committedAt) revert CommitmentTooRecent(commitment, record.committedAt);
        if (block.timestamp > record.expiresAt) revert CommitmentExpired(commitment, record.expiresAt);
        delete _commitments[committer][commitment];
    }

    /// @dev The key of `contentHash`'s record.
    function _contentKey(bytes32 contentHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(contentHash));
    }
}
