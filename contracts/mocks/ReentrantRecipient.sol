// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice An attacker contract: it forwards arbitrary calls (so it can own assets and claim), and
/// when it receives ETH it makes one armed call back, e.g. into the protocol that is paying it.
contract ReentrantRecipient {
    address private _target;
    bytes private _data;
    uint256 private _value;
    bool private _bubble;

    /// @notice The revert data of the last re-entry attempt that failed and was swallowed.
    bytes public lastReentryError;
    /// @notice How many times `receive` ran.
    uint256 public receiveCount;

    /// @notice Arms a one-shot call of `target` with `data` and `value` wei, made on the next ETH
    /// receipt. With `bubble`, a failure of that call reverts the receipt; otherwise it is recorded.
    function arm(address target, bytes calldata data, uint256 value, bool bubble) external {
        _target = target;
        _data = data;
        _value = value;
        _bubble = bubble;
    }

    /// @notice Calls `target` with `data` and `msg.value`, bubbling any revert.
    function execute(address target, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory returndata) = target.call{value: msg.value}(data);
        if (!ok) _revertWith(returndata);
        return returndata;
    }

    /// @notice Accepts ETH and runs the armed call, if any.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        ++receiveCount;
        address target = _target;
        if (target == address(0)) return;
        delete _target;
        (bool ok, bytes memory returndata) = target.call{value: _value}(_data);
        if (ok) return;
        if (_bubble) _revertWith(returndata);
        lastReentryError = returndata;
    }

    function _revertWith(bytes memory returndata) private pure {
        assembly ("memory-safe") {
            revert(add(returndata, 0x20), mload(returndata))
        }
    }
}
