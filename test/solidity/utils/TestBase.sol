// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IProtocolAdmin} from "../../../contracts/interfaces/IProtocolAdmin.sol";
import {VM, Vm} from "./Vm.sol";

/// @notice Cheatcodes, input bounding and assertions that revert with a readable message, so a
/// failing test says which property broke and with which values.
abstract contract TestBase {
    using Strings for uint256;

    Vm internal constant vm = VM;

    /// @dev Maps `x` into [min, max]. Values already inside are kept as they are, so the fuzzer's
    /// edge values (0, 1, max, ...) survive bounding.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        // The range cannot be all of uint256 here: every x would have been inside it.
        return min + (x % (max - min + 1));
    }

    /// @dev Bounds the first 1-16 raw shares (count bounded too), each by what the earlier ones
    /// left of `limit`, so the total never exceeds `limit`.
    function boundShares(
        uint16[16] memory raw,
        uint256 count,
        uint256 limit
    ) internal pure returns (uint256[] memory shares, uint256 total) {
        shares = new uint256[](bound(count, 1, 16));
        for (uint256 i; i < shares.length; ++i) {
            shares[i] = bound(raw[i], 0, limit - total);
            total += shares[i];
        }
    }

    /// @dev Announces `feeBps` (as the protocol's owner, which the caller must be) and lets the
    /// notice pass, so the next payment pays it.
    function setFeeInForce(IProtocolAdmin protocol, uint16 feeBps) internal {
        protocol.setFee(feeBps);
        vm.warp(block.timestamp + protocol.FEE_DELAY());
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert(message);
    }

    function assertEq(uint256 actual, uint256 expected, string memory message) internal pure {
        if (actual != expected) _fail(message, actual.toString(), "!=", expected.toString());
    }

    function assertEq(bool actual, bool expected, string memory message) internal pure {
        if (actual != expected) _fail(message, actual ? "true" : "false", "!=", expected ? "true" : "false");
    }

    function assertEq(address actual, address expected, string memory message) internal pure {
        if (actual != expected) _fail(message, Strings.toHexString(actual), "!=", Strings.toHexString(expected));
    }

    function assertEq(bytes memory actual, bytes memory expected, string memory message) internal pure {
        if (keccak256(actual) != keccak256(expected)) {
            _fail(
                message,
                Strings.toHexString(uint256(keccak256(actual)), 32),
                "!= (hashes)",
                Strings.toHexString(uint256(keccak256(expected)), 32)
            );
        }
    }

    function assertLe(uint256 actual, uint256 limit, string memory message) internal pure {
        if (actual > limit) _fail(message, actual.toString(), ">", limit.toString());
    }

    function assertGe(uint256 actual, uint256 limit, string memory message) internal pure {
        if (actual < limit) _fail(message, actual.toString(), "<", limit.toString());
    }

    function assertLt(uint256 actual, uint256 limit, string memory message) internal pure {
        if (actual >= limit) _fail(message, actual.toString(), ">=", limit.toString());
    }

    function _fail(
        string memory message,
        string memory actual,
        string memory relation,
        string memory expected
    ) private pure {
        revert(string.concat(message, ": ", actual, " ", relation, " ", expected));
    }
}
