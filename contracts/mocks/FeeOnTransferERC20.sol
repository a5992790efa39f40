// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A token that burns `feeBps` of every transfer, so the receiver gets less than was sent.
contract FeeOnTransferERC20 is ERC20 {
    /// @notice The burn on each transfer, in basis points.
    uint256 public immutable feeBps;

    constructor(uint256 feeBps_) ERC20("Fee On Transfer", "FOT") {
        feeBps = feeBps_;
    }

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Burns the fee out of every transfer between holders (mints and burns are exact).
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 burned = (value * feeBps) / 10_000;
        super._update(from, address(0), burned);
        super._update(from, to, value - burned);
    }
}
