// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IProtocolAdmin} from "./interfaces/IProtocolAdmin.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";

/// @notice Settings read by every registration and payment, packed in one slot so each of those
/// calls pays for a single cold read. `feeEffectiveAt` is 0 when no fee change is announced. The
/// ETH fee ledger (accrued fees, as wide as any balance, and the lifetime paid gross modulo
/// 10,000) shares the slot, so an ETH payment writes no other fee slot; asset ids therefore stop
/// at 2^40 - 1 (a trillion registrations).
struct ProtocolConfig {
    uint16 feeBps;
    uint16 pendingFeeBps;
    uint40 feeEffectiveAt;
    bool paused;
    uint40 lastAssetId;
    uint120 ethFees;
    uint16 ethFeeRemainder;
}

/// @title ProtocolAdmin
/// @notice Fee (changed only with notice), treasury, token allowlist and pause; ownership moves in
/// two steps.
abstract contract ProtocolAdmin is Ownable2Step, IProtocolAdmin {
    /* CONSTANTS */

    /// @dev Bounds of `FEE_DELAY`: long enough to react to, short enough to be a notice.
    uint256 private constant _MIN_FEE_DELAY = 1 days;
    uint256 private constant _MAX_FEE_DELAY = 30 days;

    /* IMMUTABLES */

    /// @inheritdoc IProtocolAdmin
    uint16 public immutable MAX_FEE_BPS;

    /// @inheritdoc IProtocolAdmin
    uint32 public immutable FEE_DELAY;

    /* STORAGE */

    ProtocolConfig internal _config;
    address internal _treasury;
    mapping(address token => bool) private _allowedTokens;

    /* CONSTRUCTOR */

    /// @param initialOwner The admin.
    /// @param initialTreasury Receives protocol fees.
    /// @param maxFeeBps Immutable cap on the fee; shares of a remix may use the remaining basis points.
    /// @param initialFeeBps The fee charged from the start.
    /// @param feeDelay Seconds between announcing a fee change and its effect (1 to 30 days).
    /// @param initialTokens ERC-20s allowlisted from the start (ETH always is), so a deployment
    /// needs no admin transaction before it takes payments in them, whoever its owner is.
    constructor(
        address initialOwner,
        address initialTreasury,
        uint16 maxFeeBps,
        uint16 initialFeeBps,
        uint32 feeDelay,
        address[] memory initialTokens
    ) Ownable(initialOwner) {
        if (maxFeeBps > RoyaltyMath.BPS) revert InvalidMaxFee(maxFeeBps);
        if (feeDelay < _MIN_FEE_DELAY || feeDelay > _MAX_FEE_DELAY) {
            revert InvalidFeeDelay(feeDelay, _MIN_FEE_DELAY, _MAX_FEE_DELAY);
        }
        if (initialFeeBps > maxFeeBps) revert FeeAboveMaximum(initialFeeBps, maxFeeBps);
        MAX_FEE_BPS = maxFeeBps;
        FEE_DELAY = feeDelay;
        _setTreasury(initialTreasury);
        _config.feeBps = initialFeeBps;
        emit FeeUpdated(0, initialFeeBps);
        for (uint256 i; i < initialTokens.length; ++i) {
            _setTokenAllowed(initialTokens[i], true);
        }
    }

    /* ADMIN */

    /// @inheritdoc IProtocolAdmin
    function setFee(uint16 newFeeBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS) revert FeeAboveMaximum(newFeeBps, MAX_FEE_BPS);
        ProtocolConfig memory config = _config;
        uint16 current = _applyDueFee(config);
        // Announcing the fee in force cancels any pending change, at once: nothing changes.
        bool cancel = newFeeBps == current;
        uint40 effectiveAt = uint40(cancel ? block.timestamp : block.timestamp + FEE_DELAY);
        config.pendingFeeBps = cancel ? 0 : newFeeBps;
        config.feeEffectiveAt = cancel ? 0 : effectiveAt;
        _config = config;
        emit FeeChangeScheduled(current, newFeeBps, effectiveAt);
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
        ProtocolConfig memory config = _config;
        return _isFeeDue(config) ? config.pendingFeeBps : config.feeBps;
    }

    /// @inheritdoc IProtocolAdmin
    function pendingFee() external view returns (uint16, uint40) {
        ProtocolConfig memory config = _config;
        if (config.feeEffectiveAt == 0 || _isFeeDue(config)) return (0, 0);
        return (config.pendingFeeBps, config.feeEffectiveAt);
    }

    /// @inheritdoc IProtocolAdmin
    function treasury() external view returns (address) {
        return _treasury;
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

    /// @dev The fee in force now, given `config` as just read. An announced change whose time has
    /// come is recorded first (once, by whichever payment or fee change comes first), so that
    /// `FeeUpdated` marks in the logs where the fee changed.
    function _applyDueFee(ProtocolConfig memory config) internal returns (uint16) {
        if (!_isFeeDue(config)) return config.feeBps;
        uint16 previous = config.feeBps;
        config.feeBps = config.pendingFeeBps;
        config.pendingFeeBps = 0;
        config.feeEffectiveAt = 0;
        _config = config;
        emit FeeUpdated(previous, config.feeBps);
        return config.feeBps;
    }

    /// @dev Whether an announced fee change is in force but not yet recorded.
    function _isFeeDue(ProtocolConfig memory config) private view returns (bool) {
        return config.feeEffectiveAt != 0 && block.timestamp >= config.feeEffectiveAt;
    }

    function _setTokenAllowed(address token, bool allowed) private {
        if (token == address(0)) revert InvalidToken();
        _allowedTokens[token] = allowed;
        emit TokenAllowlistUpdated(token, allowed);
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert InvalidTreasury();
        address previousTreasury = _treasury;
        _treasury = newTreasury;
        emit TreasuryUpdated(previousTreasury, newTreasury);
    }
}
