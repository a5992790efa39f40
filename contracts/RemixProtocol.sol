// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ProtocolAdmin} from "./ProtocolAdmin.sol";
import {RoyaltyEngine} from "./RoyaltyEngine.sol";

/// @title RemixProtocol
/// @notice The deployed protocol: asset registry with remix lineage (ERC-721), lazy recursive
/// royalty engine and pull claims, in one non-upgradeable contract so payments, splits and claims
/// read lineage without external calls.
contract RemixProtocol is RoyaltyEngine {
    /// @param initialOwner The admin (fee, treasury, token allowlist, pause).
    /// @param initialTreasury Receives protocol fees.
    /// @param maxFeeBps Immutable cap on the fee, in basis points.
    /// @param initialFeeBps The fee charged from the start, in basis points.
    constructor(
        address initialOwner,
        address initialTreasury,
        uint16 maxFeeBps,
        uint16 initialFeeBps
    ) ProtocolAdmin(initialOwner, initialTreasury, maxFeeBps, initialFeeBps) {}
}
