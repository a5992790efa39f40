// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IProtocolAdmin} from "./interfaces/IProtocolAdmin.sol";
import {ConfigWord} from "./libraries/ConfigWord.sol";
import {RoyaltyMath} from "./libraries/RoyaltyMath.sol";

/// @title ProtocolAdmin
/// @notice Fee (changed only with notice), treasury, token allowlist and pause; ownership moves in
/// two steps.
abstract contract ProtocolAdmin is Ownable2Step, IProtocolAdmin {
    /* CONSTANTS */

    /// @dev Bounds of `FEE_DELAY`: long enough to react to, short enough to be a notice.
    uint256 private constant _MIN_FEE_DELAY = 1 days;
    uint256 private constant _MAX_FEE_DELAY = 30 days;

    /// @dev The allowlist bit of a token's word (see `_tokenWords`).
    uint256 internal constant _TOKEN_ALLOWED = 1 << 254;

    /* IMMUTABLES */

    /// @inheritdoc IProtocolAdmin
    uint16 public immutable MAX_FEE_BPS;

    /// @inheritdoc IProtocolAdmin
    uint32 public immutable FEE_DELAY;

    /* STORAGE */

    /// @dev Fee, pause, last asset id and the ETH fee ledger, packed (see `ConfigWord`).
    uint256 internal _config;
    address internal _treasury;
    /// @dev Per ERC-20, one word: its fee ledger (accrued fees as held and the lifetime paid gross
    /// modulo 10,000 as remainder, see `BalanceWords`) and whether it is allowlisted (bit 254, the
    /// remix flag of an asset's word, which no fee-word operation reads or changes), so a payment
    /// learns both from one cold read.
    mapping(address token => uint256 word) internal _tokenWords;

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
        _config = ConfigWord.withFees(0, initialFeeBps, 0, 0);
        emit FeeUpdated(0, initialFeeBps);
        for (uint256 i; i < initialTokens.length; ++i) {
            _setTokenAllowed(initialTokens[i], true);
        }
    }

    /* ADMIN */

    /// @inheritdoc IProtocolAdmin
    function setFee(uint16 newFeeBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS) revert FeeAboveMaximum(newFeeBps, MAX_FEE_BPS);
        (uint256 config, uint256 current) = _applyDueFee(_config);
        // Announcing the fee in force cancels any pending change, at once: nothing changes.
        bool cancel = newFeeBps == current;
        // Cannot truncate: timestamps fit 40 bits for millennia.
        uint40 effectiveAt = uint40(cancel ? block.timestamp : block.timestamp + FEE_DELAY);
        _config = ConfigWord.withFees(config, current, cancel ? 0 : newFeeBps, cancel ? 0 : effectiveAt);
        // Cannot truncate: the fee in force is at most `MAX_FEE_BPS`.
        emit FeeChangeScheduled(uint16(current), newFeeBps, effectiveAt);
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
        uint256 config = _config;
        if (ConfigWord.paused(config) == newPaused) revert PauseUnchanged(newPaused);
        _config = ConfigWord.withPaused(config, newPaused);
        emit PauseUpdated(msg.sender, newPaused);
    }

    /// @notice Always reverts: the protocol keeps an admin, so that a pause can always be lifted.
    function renounceOwnership() public view override onlyOwner {
        revert RenounceDisabled();
    }

    /* VIEWS */

    /// @inheritdoc IProtocolAdmin
    function feeBps() external view returns (uint16) {
        uint256 config = _config;
        // Cannot truncate: fees are at most 10,000.
        return uint16(ConfigWord.isFeeDue(config) ? ConfigWord.pendingFeeBps(config) : ConfigWord.feeBps(config));
    }

    /// @inheritdoc IProtocolAdmin
    function pendingFee() external view returns (uint16, uint40) {
        uint256 config = _config;
        uint256 effectiveAt = ConfigWord.feeEffectiveAt(config);
        if (effectiveAt == 0 || ConfigWord.isFeeDue(config)) return (0, 0);
        // Cannot truncate: both are read from fields of these widths.
        return (uint16(ConfigWord.pendingFeeBps(config)), uint40(effectiveAt));
    }

    /// @inheritdoc IProtocolAdmin
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IProtocolAdmin
    function isTokenAllowed(address token) public view returns (bool) {
        return token == address(0) || _tokenWords[token] & _TOKEN_ALLOWED != 0;
    }

    /// @inheritdoc IProtocolAdmin
    function paused() external view returns (bool) {
        return ConfigWord.paused(_config);
    }

    /* INTERNAL */

    /// @dev The config word and the fee in force now, given `config` as just read. An announced
    /// change whose time has come is recorded first (once, by whichever payment or fee change comes
    /// first), so that `FeeUpdated` marks in the logs where the fee changed; the word returned is
    /// then the one written.
    function _applyDueFee(uint256 config) internal returns (uint256, uint256) {
        if (!ConfigWord.isFeeDue(config)) return (config, ConfigWord.feeBps(config));
        return _recordDueFee(config);
    }

    /// @dev Records the announced fee of `config`, whose time has come, as the fee in force; returns
    /// the word written and that fee.
    function _recordDueFee(uint256 config) internal returns (uint256, uint256) {
        uint256 previous = ConfigWord.feeBps(config);
        uint256 fee = ConfigWord.pendingFeeBps(config);
        config = ConfigWord.withFees(config, fee, 0, 0);
        _config = config;
        // Cannot truncate: fees are at most 10,000.
        emit FeeUpdated(uint16(previous), uint16(fee));
        return (config, fee);
    }

    function _setTokenAllowed(address token, bool allowed) private {
        if (token == address(0)) revert InvalidToken();
        uint256 word = _tokenWords[token];
        _tokenWords[token] = allowed ? word | _TOKEN_ALLOWED : word & ~_TOKEN_ALLOWED;
        emit TokenAllowlistUpdated(token, allowed);
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert InvalidTreasury();
        address previousTreasury = _treasury;
        _treasury = newTreasury;
        emit TreasuryUpdated(previousTreasury, newTreasury);
    }
}
