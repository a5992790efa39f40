// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A recipient that refuses every ETH transfer, like a contract wallet without `receive`.
contract RevertingRecipient {
    /// @notice This contract does not accept ETH.
    error EtherRefused(uint256 amount);

    /// @notice Always reverts with `EtherRefused`.
    receive() external payable {
        revert EtherRefused(msg.value);
    }
}
