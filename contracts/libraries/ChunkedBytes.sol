// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ChunkedBytes
/// @notice Stores a byte string as whole 32-byte words, with its length kept by the caller (packed
/// elsewhere), which saves the length slot a Solidity `string` would use.
library ChunkedBytes {
    /// @notice Writes `data` into `words[0 .. ceil(len / 32))`; bytes past the end are zeroed.
    function store(mapping(uint256 => bytes32) storage words, bytes calldata data) internal {
        uint256 length = data.length;
        for (uint256 i; i * 32 < length; ++i) {
            bytes32 word;
            assembly ("memory-safe") {
                word := calldataload(add(data.offset, mul(i, 32)))
            }
            uint256 remaining = length - i * 32;
            if (remaining < 32) word &= bytes32(~(type(uint256).max >> (remaining * 8)));
            words[i] = word;
        }
    }

    /// @notice Reads `length` bytes back from `words`.
    function load(mapping(uint256 => bytes32) storage words, uint256 length) internal view returns (bytes memory data) {
        data = new bytes(length);
        for (uint256 i; i * 32 < length; ++i) {
            bytes32 word = words[i];
            assembly ("memory-safe") {
                mstore(add(add(data, 32), mul(i, 32)), word)
            }
        }
    }
}
