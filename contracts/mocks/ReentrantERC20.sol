// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @notice A token with an ERC-777-like hook: the next transfer first calls an armed target, as a
/// malicious or callback-bearing token could, to test re-entry from inside a token transfer.
contract ReentrantERC20 is MockERC20 {
    address private _target;
    bytes private _data;

    constructor(uint8 decimals_) MockERC20("Reentrant", "RE", decimals_) {}

    /// @notice Arms a one-shot call of `target` with `data`, made during the next transfer.
    function arm(address target, bytes calldata data) external {
        _target = target;
        _data = data;
    }

    /// @dev Runs the armed call once, bubbling its revert, before moving the tokens.
    function _update(address from, address to, uint256 value) internal override {
        address target = _target;
        if (target != address(0) && from != address(0)) {
            delete _target;
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory returndata) = target.call(_data);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(returndata, 0x20), mload(returndata))
                }
            }
        }
        super._update(from, to, value);
    }
}
