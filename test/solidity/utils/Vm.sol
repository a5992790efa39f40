// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The few cheatcodes these tests use. Hardhat's Solidity test runner serves them at
/// `VM_ADDRESS`; forge-std is not available offline, so only what is needed is declared here.
interface Vm {
    /// @notice Makes the next call come from `sender`.
    function prank(address sender) external;

    /// @notice Sets the ETH balance of `account`.
    function deal(address account, uint256 newBalance) external;
}

/// @dev The cheatcode address: `address(uint160(uint256(keccak256("hevm cheat code"))))`.
Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
