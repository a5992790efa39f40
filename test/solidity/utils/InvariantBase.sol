// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TestBase} from "./TestBase.sol";

/// @notice What the invariant runner asks a test contract for: the contracts whose functions it
/// calls at random. Only the handlers registered here are called, never the protocol directly.
abstract contract InvariantBase is TestBase {
    address[] private _targets;

    /// @notice The contracts the runner calls at random.
    function targetContracts() public view returns (address[] memory) {
        return _targets;
    }

    function targetContract(address target) internal {
        _targets.push(target);
    }
}
