// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The `aggregate3` entry point of Multicall3, for local nodes where the canonical
/// deployment is absent. The SDK batches its reads through it (viem's `multicall`).
contract Multicall3 {
    /// @notice One call: `target`, whether it may fail, and its calldata.
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    /// @notice One call's outcome.
    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Call `index` failed and did not allow failure.
    error CallFailed(uint256 index);

    /// @notice Makes every call in order and returns each outcome; reverts if a call that does
    /// not allow failure fails.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            // A batch reader must forward arbitrary calldata, which only a low-level call can.
            // solhint-disable-next-line avoid-low-level-calls
            (bool success, bytes memory returnData) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert CallFailed(i);
            results[i] = Result(success, returnData);
        }
    }
}
