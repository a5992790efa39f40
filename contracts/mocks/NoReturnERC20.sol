// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {LegacyERC20Base} from "./LegacyERC20Base.sol";

/// @notice A USDT-style token: `transfer` and `transferFrom` return nothing and revert on failure.
contract NoReturnERC20 is LegacyERC20Base {
    /// @notice The balance or allowance is too low.
    error TransferFailed();

    constructor(uint8 decimals_) LegacyERC20Base(decimals_) {}

    /// @notice Transfers `amount` to `to`; returns no value.
    function transfer(address to, uint256 amount) external {
        if (!_tryMove(msg.sender, msg.sender, to, amount)) revert TransferFailed();
    }

    /// @notice Transfers `amount` from `from` to `to` using the caller's allowance; returns no value.
    function transferFrom(address from, address to, uint256 amount) external {
        if (!_tryMove(msg.sender, from, to, amount)) revert TransferFailed();
    }
}
