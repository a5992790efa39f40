// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAssetRegistry} from "./IAssetRegistry.sol";
import {IProtocolAdmin} from "./IProtocolAdmin.sol";
import {IRoyaltyEngine} from "./IRoyaltyEngine.sol";

/// @title IRemixProtocol
/// @notice The deployed protocol: registry, royalty engine and admin in one contract.
interface IRemixProtocol is IAssetRegistry, IRoyaltyEngine, IProtocolAdmin {}
