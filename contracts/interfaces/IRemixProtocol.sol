// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAssetRegistry} from "./IAssetRegistry.sol";
import {IProtectedRegistration} from "./IProtectedRegistration.sol";
import {IProtocolAdmin} from "./IProtocolAdmin.sol";
import {IRevenueManagers} from "./IRevenueManagers.sol";
import {IRoyaltyEngine} from "./IRoyaltyEngine.sol";

/// @title IRemixProtocol
/// @notice The deployed protocol: registry, revenue managers, royalty engine and admin in one contract.
interface IRemixProtocol is IAssetRegistry, IProtectedRegistration, IRevenueManagers, IRoyaltyEngine, IProtocolAdmin {}
