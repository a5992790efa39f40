// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {LegacyERC20Base} from "./LegacyERC20Base.sol";

/// @notice A token that returns false instead of reverting when a transfer fails, and can be told
/// to fail every transfer (to model a token that blocks an address or is frozen).
contract FalseReturnERC20 is LegacyERC20Base {
    /// @notice When true, every transfer returns false and moves nothing.
    bool public failAll;

    constructor(uint8 decimals_) LegacyERC20Base(decimals_) {}

    /// @notice Makes every later transfer fail (return false) or behave normally again.
    function setFailAll(bool fail) external {
        failAll = fail;
    }

    /// @notice Transfers `amount` to `to`; returns false instead of reverting on failure.
    function transfer(address to, uint256 amount) external returns (bool) {
        return !failAll && _tryMove(msg.sender, msg.sender, to, amount);
    }

    /// @notice Transfers `amount` from `from` to `to`; returns false instead of reverting on failure.
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        return !failAll && _tryMove(msg.sender, from, to, amount);
    }
}
