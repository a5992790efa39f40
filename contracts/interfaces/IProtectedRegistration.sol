// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "./IAssetRegistry.sol";

/// @title IProtectedRegistration
/// @notice Registration nobody can front-run. A content hash in a public mempool can be copied
/// and registered first by whoever watches it; two paths prevent that:
/// - commit-reveal: `commitRegistration(keccak256(abi.encode(creator, contentHash, salt)), ...)`
///   hides the content, then, from a later block and `MIN_COMMITMENT_AGE` on, until the commitment
///   expires, the committer reveals it (`revealOriginal`, `revealRemix`, or
///   `registerRemixWithLicences` of the licensing contract with the salt). A commitment can name a
///   content key (`keccak256(abi.encode(contentHash))`) that stops the direct path from taking that
///   content until the commitment expires, so a watcher who sees the reveal cannot register it
///   first; and a watcher who learns the hash from a reveal that failed needs a commitment of its
///   own, too young to reveal before the creator sends the reveal again. Anyone who knows a hash
///   can keep its direct path shut this way: commit-reveal stays open to every committer;
/// - signed registration (the protocol's `RELAY`): the creator signs, anyone relays and pays the
///   gas, and the creator of record is the signer whoever sends it (the gasless path for creators
///   without ETH). The signed request shows the content hash to the relayer and, once sent, to the
///   mempool: a relayer that commits first (for the creator) and reveals with the signature keeps
///   it from watchers; only a trusted relayer should see an unrevealed work.
/// The direct `registerOriginal` and `registerRemix` stay, safe only through a private mempool.
interface IProtectedRegistration {
    /* EVENTS */

    /// @notice `committer` committed to a registration it may reveal until `expiresAt`; while
    /// then, the direct path refuses the content whose key is `contentKey` (zero: none named).
    event RegistrationCommitted(
        address indexed committer,
        bytes32 indexed commitment,
        bytes32 indexed contentKey,
        uint40 expiresAt
    );

    /* ERRORS */

    /// @notice The commitment is zero.
    error ZeroCommitment();
    /// @notice `committer` has no live commitment `commitment` (never made, already revealed, or
    /// made for another creator, content or salt).
    error UnknownCommitment(address committer, bytes32 commitment);
    /// @notice The commitment was made in block `committedBlock`; it can be revealed from the next
    /// block at or after time `revealableAt`.
    error CommitmentTooRecent(bytes32 commitment, uint256 committedBlock, uint256 revealableAt);
    /// @notice The commitment expired at `expiresAt`.
    error CommitmentExpired(bytes32 commitment, uint256 expiresAt);
    /// @notice `contentHash` is held by a commitment until `lockedUntil`: only its reveal may
    /// register it until then.
    error ContentCommitted(bytes32 contentHash, uint256 lockedUntil);
    /// @notice A reveal needs a non-zero salt (zero is the direct path).
    error ZeroSalt();

    /* FUNCTIONS */

    /// @notice Commits the caller to a registration without revealing its content: `commitment` is
    /// `keccak256(abi.encode(creator, contentHash, salt))`, with a secret random `salt`. Only the
    /// caller can reveal it, from the next block until `COMMITMENT_LIFETIME` seconds from now.
    /// @param contentKey `keccak256(abi.encode(contentHash))` to stop the direct path from taking
    /// the content meanwhile (it tells only someone who already has the content that it is being
    /// registered), or zero.
    function commitRegistration(bytes32 commitment, bytes32 contentKey) external;

    /// @notice Reveals the caller's commitment and registers the original, minted to the caller.
    function revealOriginal(bytes32 contentHash, string calldata metadataURI, bytes32 salt) external returns (uint256);

    /// @notice Reveals the caller's commitment and registers the remix, minted to the caller, with
    /// its held licences, as `registerRemix` does.
    function revealRemix(
        bytes32 contentHash,
        string calldata metadataURI,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds,
        bytes32 salt
    ) external returns (uint256);

    /// @notice Seconds a commitment can be revealed for.
    function COMMITMENT_LIFETIME() external view returns (uint256);

    /// @notice Seconds a commitment must wait before it can be revealed (besides a new block).
    function MIN_COMMITMENT_AGE() external view returns (uint256);

    /// @notice Until when the direct path refuses `contentHash` (0 or past: not held).
    function contentLockedUntil(bytes32 contentHash) external view returns (uint256);

    /// @notice The block a live commitment of `committer` was made in and when it expires (0, 0:
    /// none).
    function commitmentOf(
        address committer,
        bytes32 commitment
    ) external view returns (uint256 committedAt, uint256 expiresAt);
}
