// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RegistrationRequest} from "./IAssetRegistry.sol";

/// @notice A claim its `claimer` (the owner or revenue manager of every asset in `assetIds`) signs:
/// every collectable balance of `assetIds` in `tokens`, paid to `recipient`.
struct ClaimRequest {
    address claimer;
    uint256[] assetIds;
    address[] tokens;
    address recipient;
}

/// @title IRelay
/// @notice Requests signed with EIP-712 by creators and owners, sent by anyone, who pays the gas:
/// the gasless path for creators without ETH, and a registration whose creator of record is the
/// signer whoever sends it. Each signer has one sequential nonce across both actions (`nonces`), and
/// every request a deadline, so a signature works once, for one action, on this deployment only.
/// Contract wallets sign through ERC-1271.
interface IRelay {
    /* ERRORS */

    /// @notice The signed request's deadline has passed.
    error SignatureExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature is not `signer`'s over this request with its current nonce.
    error InvalidSignature(address signer);

    /* FUNCTIONS */

    /// @notice Registers what `request.creator` signed, minted to the creator. A remix consumes the
    /// creator's held licences. A `request.salt` reveals a commitment the sender made for the
    /// creator (commit first, then relay: nobody watching the mempool can register the content first).
    /// @param deadline The last second the signature may be used.
    function registerBySig(
        RegistrationRequest calldata request,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 assetId);

    /// @notice Claims what `request.claimer` signed, paid to the signed recipient.
    function claimBySig(
        ClaimRequest calldata request,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256[] memory amounts);

    /// @notice The protocol that created this relay.
    function PROTOCOL() external view returns (address);

    /// @notice The EIP-712 type of `registerBySig` requests.
    function REGISTRATION_TYPEHASH() external view returns (bytes32);

    /// @notice The EIP-712 type of `claimBySig` requests.
    function CLAIM_TYPEHASH() external view returns (bytes32);
}
