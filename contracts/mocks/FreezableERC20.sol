// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A mintable ERC-20 its issuer can freeze, as USDC can blacklist and some tokens pause:
/// while frozen, every transfer reverts. For tests of claims that must not be blocked by one token.
contract FreezableERC20 is ERC20 {
    /// @notice A transfer was attempted while the token is frozen.
    error TokenFrozen();

    /// @notice Whether transfers revert.
    bool public frozen;

    constructor() ERC20("Freezable USD", "fUSD") {}

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Freezes or unfreezes every transfer; anyone may call (test token).
    function setFrozen(bool frozen_) external {
        frozen = frozen_;
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (frozen) revert TokenFrozen();
        super._update(from, to, value);
    }
}
