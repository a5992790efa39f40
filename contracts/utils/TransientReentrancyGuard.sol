// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title TransientReentrancyGuard
/// @notice OpenZeppelin's `ReentrancyGuardTransient` (same modifier, same error), on a Solidity
/// `transient` state variable (EIP-1153) instead of a library slot: the lock is the same one
/// TLOAD and two TSTOREs, without the library's internal calls, which the money paths take on
/// every call.
abstract contract TransientReentrancyGuard {
    /// @dev 1 while a guarded function runs, else 0; transient, so it costs no storage write. A
    /// whole word (not a `bool`), so that setting it is a single TSTORE with no TLOAD to merge into.
    uint256 private transient _entered;

    /// @notice A guarded function was entered again before it returned (OpenZeppelin's error).
    error ReentrancyGuardReentrantCall();

    /// @dev Prevents a guarded function from being entered while any guarded function runs.
    modifier nonReentrant() {
        if (_entered != 0) revert ReentrancyGuardReentrantCall();
        _entered = 1;
        _;
        _entered = 0;
    }
}
