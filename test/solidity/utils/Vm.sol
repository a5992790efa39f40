// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The few cheatcodes these tests use. Hardhat's Solidity test runner serves them at
/// `VM_ADDRESS`; forge-std is not available offline, so only what is needed is declared here.
interface Vm {
    /// @notice An event emitted since `recordLogs`.
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    /// @notice Makes the next call come from `sender`.
    function prank(address sender) external;

    /// @notice Sets the ETH balance of `account`.
    function deal(address account, uint256 newBalance) external;

    /// @notice Sets `block.timestamp`.
    function warp(uint256 timestamp) external;

    /// @notice Sets `block.number`.
    function roll(uint256 blockNumber) external;

    /// @notice Makes the next call revert with exactly `revertData`, or fails the test.
    function expectRevert(bytes calldata revertData) external;

    /// @notice Starts recording every event emitted.
    function recordLogs() external;

    /// @notice The events recorded since `recordLogs` or the last call to this; clears them.
    function getRecordedLogs() external returns (Log[] memory logs);

    /// @notice The creation code of the artifact `artifactPath` ("File.sol:Contract").
    function getCode(string calldata artifactPath) external view returns (bytes memory creationCode);
}

/// @dev The cheatcode address: `address(uint160(uint256(keccak256("hevm cheat code"))))`.
Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
