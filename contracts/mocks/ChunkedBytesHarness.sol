// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ChunkedBytes} from "../libraries/ChunkedBytes.sol";

/// @notice Exposes `ChunkedBytes` over one byte string, so tests can round-trip data through real
/// storage and inspect the stored words.
contract ChunkedBytesHarness {
    using ChunkedBytes for mapping(uint256 => bytes32);

    mapping(uint256 word => bytes32) private _words;

    /// @notice Stores `data` as whole 32-byte words.
    function store(bytes calldata data) external {
        _words.store(data);
    }

    /// @notice Reads `length` bytes back.
    function load(uint256 length) external view returns (bytes memory) {
        return _words.load(length);
    }

    /// @notice The raw storage word `index`.
    function word(uint256 index) external view returns (bytes32) {
        return _words[index];
    }
}
