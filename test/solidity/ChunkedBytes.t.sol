// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ChunkedBytesHarness} from "../../contracts/mocks/ChunkedBytesHarness.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Storing a byte string as bare 32-byte words (length kept elsewhere) loses nothing, and
/// never keeps bytes from past the end of the data.
contract ChunkedBytesTest is TestBase {
    uint256 private constant MAX_LENGTH = 400;

    ChunkedBytesHarness private harness;

    function setUp() public {
        harness = new ChunkedBytesHarness();
    }

    /// @notice Any byte string reads back exactly.
    function testFuzz_store_RoundTripsAnyBytes(bytes memory data) public {
        _truncate(data);

        harness.store(data);

        assertEq(harness.load(data.length), data, "bytes changed by storage round trip");
    }

    /// @notice Writing a string over a longer one reads back the new string exactly: stale words past
    /// its end are outside the recorded length.
    function testFuzz_store_OverwritesLongerData(bytes memory first, bytes memory second) public {
        _truncate(first);
        _truncate(second);

        harness.store(first);
        harness.store(second);

        assertEq(harness.load(second.length), second, "overwritten bytes changed by storage round trip");
    }

    /// @notice Even when the calldata after the data is dirty (non-standard ABI padding), the last
    /// word is stored with zeros past the end, so reading whole words never leaks foreign bytes.
    function testFuzz_store_ZeroesBytesPastTheEnd(uint256 seed, uint256 length) public {
        length = bound(length, 1, MAX_LENGTH);
        bytes memory data = _pseudoRandomBytes(seed, length);
        uint256 lastWord = (length - 1) / 32;

        bytes memory callData = abi.encodeCall(ChunkedBytesHarness.store, (data));
        // ABI encoding pads the data with zeros up to a whole word; make that padding all ones.
        for (uint256 i = callData.length - (lastWord + 1) * 32 + length; i < callData.length; ++i) {
            callData[i] = 0xff;
        }
        (bool ok, ) = address(harness).call(callData);
        assertTrue(ok, "store with dirty padding reverted");

        assertEq(harness.load(length), data, "bytes changed by storage round trip");
        uint256 tailBits = ((lastWord + 1) * 32 - length) * 8;
        uint256 tail = tailBits == 0 ? 0 : uint256(harness.word(lastWord)) & ((1 << tailBits) - 1);
        assertEq(tail, 0, "bytes past the end were stored");
    }

    /// @dev Keeps at most the first `MAX_LENGTH` bytes, to bound gas per run.
    function _truncate(bytes memory data) private pure {
        if (data.length > MAX_LENGTH) {
            assembly ("memory-safe") {
                mstore(data, MAX_LENGTH)
            }
        }
    }

    function _pseudoRandomBytes(uint256 seed, uint256 length) private pure returns (bytes memory data) {
        data = new bytes(length);
        for (uint256 i; i < length; ++i) {
            data[i] = keccak256(abi.encode(seed, i / 32))[i % 32];
        }
    }
}
