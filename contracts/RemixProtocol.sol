// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AssetRegistry} from "./AssetRegistry.sol";
import {Licensing} from "./Licensing.sol";
import {Relay} from "./Relay.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";
import {ProtocolAdmin} from "./ProtocolAdmin.sol";
import {RoyaltyEngine} from "./RoyaltyEngine.sol";

/// @title RemixProtocol
/// @notice The deployed protocol: asset registry with remix lineage (ERC-721), lazy recursive
/// royalty engine and pull claims, in one non-upgradeable contract so payments, splits and claims
/// read lineage without external calls. Its constructor creates the licensing contract and the relay
/// of signed requests, so each is bound to the protocol by code, with no admin step that could
/// rebind them.
contract RemixProtocol is RoyaltyEngine {
    /// @param initialOwner The admin (fee, treasury, token allowlist, pause).
    /// @param initialTreasury Receives protocol fees.
    /// @param maxFeeBps Immutable cap on the fee, in basis points.
    /// @param initialFeeBps The fee charged from the start, in basis points.
    /// @param feeDelay Immutable notice, in seconds, between announcing a fee change and its effect.
    /// @param initialTokens ERC-20s allowlisted from the start (ETH always is).
    constructor(
        address initialOwner,
        address initialTreasury,
        uint16 maxFeeBps,
        uint16 initialFeeBps,
        uint32 feeDelay,
        address[] memory initialTokens
    )
        ProtocolAdmin(initialOwner, initialTreasury, maxFeeBps, initialFeeBps, feeDelay, initialTokens)
        AssetRegistry(_createLicensing(maxFeeBps), address(new Relay()))
    {}

    /// @dev Runs before `ProtocolAdmin`'s constructor, so it checks the cap itself: the licensing
    /// contract derives its share limit (100% less the cap) from it.
    function _createLicensing(uint16 maxFeeBps) private returns (address) {
        if (maxFeeBps > RoyaltyMath.BPS) revert InvalidMaxFee(maxFeeBps);
        return address(new Licensing(maxFeeBps));
    }
}
