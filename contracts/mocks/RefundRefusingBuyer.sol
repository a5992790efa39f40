// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A contract buyer that forwards calls (so it can buy licences) but refuses every ETH
/// transfer, so any refund of overpaid ETH to it fails.
contract RefundRefusingBuyer {
    /// @notice This contract does not accept ETH.
    error RefundRefused(uint256 amount);

    /// @notice Calls `target` with `data` and `msg.value`, bubbling any revert.
    function execute(address target, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory returndata) = target.call{value: msg.value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(returndata, 0x20), mload(returndata))
            }
        }
        return returndata;
    }

    /// @notice Always reverts with `RefundRefused`.
    receive() external payable {
        revert RefundRefused(msg.value);
    }
}
