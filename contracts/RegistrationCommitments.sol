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

    /// @inheritdoc IProtectedRegistration
    uint256 public constant MIN_COMMITMENT_AGE = 1 minutes;

    /* STORAGE */

    mapping(bytes32 contentKey => ContentRecord) internal _content;
    mapping(address committer => mapping(bytes32 commitment => CommitmentRecord)) private _commitments;

    /* ACTIONS */

    /// @inheritdoc IProtectedRegistration
    function commitRegistration(bytes32 commitment, bytes32 contentKey) external {
        // Refused while paused: reveals are, so no one may line up a reveal for the unpause.
        _requireRegistrationsOpen();
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
    /// commitment `committer` made to (`creator`, `contentHash`, `salt`) at least a block and
    /// `MIN_COMMITMENT_AGE` ago; without one (the direct path), only if no commitment holds the
    /// content. The age means that whoever learns a content hash from a reveal that failed (or
    /// waits in the mempool) cannot commit and reveal it before the creator sends the reveal again.
    function _authorizeContent(bytes32 contentHash, address creator, address committer, bytes32 salt) internal {
        if (salt == 0) {
            ContentRecord memory content = _content[_contentKey(contentHash)];
            // Registered content is left to the registry's own `ContentAlreadyRegistered`.
            if (content.assetId == 0 && content.lockedUntil >= block.timestamp) {
                revert ContentCommitted(contentHash, content.lockedUntil);
            }
            return;
        }
        bytes32 commitment = keccak256(abi.encode(creator, contentHash, salt));
        CommitmentRecord memory record = _commitments[committer][commitment];
        if (record.expiresAt == 0) revert UnknownCommitment(committer, commitment);
        uint256 revealableAt = record.expiresAt - COMMITMENT_LIFETIME + MIN_COMMITMENT_AGE;
        if (block.number <= record.committedAt || block.timestamp < revealableAt) {
            revert CommitmentTooRecent(commitment, record.committedAt, revealableAt);
        }
        if (block.timestamp > record.expiresAt) revert CommitmentExpired(commitment, record.expiresAt);
        delete _commitments[committer][commitment];
    }

    /// @dev Reverts while registrations are paused.
    function _requireRegistrationsOpen() internal view virtual;

    /// @dev The key of `contentHash`'s record.
    function _contentKey(bytes32 contentHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(contentHash));
    }
}
