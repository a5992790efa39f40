// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IProtocolAdmin} from "./interfaces/IProtocolAdmin.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";

/// @notice Settings read by every registration and payment, packed in one slot so each of those
/// calls pays for a single cold read.
struct ProtocolConfig {
    address treasury;
    uint16 feeBps;
    bool paused;
    uint64 lastAssetId;
}

/// @title ProtocolAdmin
/// @notice Fee, treasury, token allowlist and pause; ownership moves in two steps.
abstract contract ProtocolAdmin is Ownable2Step, IProtocolAdmin {
    /* IMMUTABLES */

    /// @inheritdoc IProtocolAdmin
    uint16 public immutable MAX_FEE_BPS;

    /* STORAGE */

    ProtocolConfig internal _config;
    mapping(address token => bool) private _allowedTokens;

    /* CONSTRUCTOR */

    /// @param initialOwner The admin.
    /// @param initialTreasury Receives protocol fees.
    /// @param maxFeeBps Immutable cap on the fee; shares of a remix may use the remaining basis points.
    /// @param initialFeeBps The fee charged from the start.
    /// @param initialTokens ERC-20s allowlisted from the start (ETH always is), so a deployment
    /// needs no admin transaction before it takes payments in them, whoever its owner is.
    constructor(
        address initialOwner,
        address initialTreasury,
        uint16 maxFeeBps,
        uint16 initialFeeBps,
        address[] memory initialTokens
    ) Ownable(initialOwner) {
        if (maxFeeBps > RoyaltyMath.BPS) revert InvalidMaxFee(maxFeeBps);
        MAX_FEE_BPS = maxFeeBps;
        _setTreasury(initialTreasury);
        _setFee(initialFeeBps);
        for (uint256 i; i < initialTokens.length; ++i) {
            _setTokenAllowed(initialTokens[i], true);
        }
    }

    /* ADMIN */

    /// @inheritdoc IProtocolAdmin
    function setFee(uint16 newFeeBps) external onlyOwner {
        _setFee(newFeeBps);
    }

    /// @inheritdoc IProtocolAdmin
    function setTreasury(address newTreasury) external onlyOwner {
        _setTreasury(newTreasury);
    }

    /// @inheritdoc IProtocolAdmin
    function setTokenAllowed(address token, bool allowed) external onlyOwner {
        _setTokenAllowed(token, allowed);
    }

    /// @inheritdoc IProtocolAdmin
    function setPaused(bool newPaused) external onlyOwner {
        if (_config.paused == newPaused) revert PauseUnchanged(newPaused);
        _config.paused = newPaused;
        emit PauseUpdated(msg.sender, newPaused);
    }

    /// @notice Always reverts: the protocol keeps an admin, so that a pause can always be lifted.
    function renounceOwnership() public view override onlyOwner {
        revert RenounceDisabled();
    }

    /* VIEWS */

    /// @inheritdoc IProtocolAdmin
    function feeBps() external view returns (uint16) {
        return _config.feeBps;
    }

    /// @inheritdoc IProtocolAdmin
    function treasury() external view returns (address) {
        return _config.treasury;
    }

    /// @inheritdoc IProtocolAdmin
    function isTokenAllowed(address token) public view returns (bool) {
        return token == address(0) || _allowedTokens[token];
    }

    /// @inheritdoc IProtocolAdmin
    function paused() external view returns (bool) {
        return _config.paused;
    }

    /* INTERNAL */

    function _setFee(uint16 newFeeBps) private {
        if (newFeeBps > MAX_FEE_BPS) revert FeeAboveMaximum(newFeeBps, MAX_FEE_BPS);
        uint16 previousFeeBps = _config.feeBps;
        _config.feeBps = newFeeBps;
        emit FeeUpdated(previousFeeBps, newFeeBps);
    }

    function _setTokenAllowed(address token, bool allowed) private {
        if (token == address(0)) revert InvalidToken();
        _allowedTokens[token] = allowed;
        emit TokenAllowlistUpdated(token, allowed);
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert InvalidTreasury();
        address previousTreasury = _config.treasury;
        _config.treasury = newTreasury;
        emit TreasuryUpdated(previousTreasury, newTreasury);
    }
}
