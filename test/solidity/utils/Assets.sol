// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare, RemixPolicy} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {VM} from "./Vm.sol";

/// @notice Registers assets on a protocol with fresh content hashes, for tests that care about
/// lineage and money rather than registration details.
library Assets {
    string internal constant URI = "ipfs://remix-test";

    /// @dev Unique per protocol and asset: the id the next registration will receive.
    function nextContentHash(RemixProtocol protocol) internal view returns (bytes32) {
        return keccak256(abi.encode(address(protocol), protocol.totalAssets() + 1));
    }

    function original(RemixProtocol protocol, address creator, RemixPolicy memory policy) internal returns (uint256) {
        bytes32 contentHash = nextContentHash(protocol);
        VM.prank(creator);
        return protocol.registerOriginal(contentHash, URI, policy);
    }

    function original(RemixProtocol protocol, address creator) internal returns (uint256) {
        return original(protocol, creator, openPolicy());
    }

    function remix(
        RemixProtocol protocol,
        address creator,
        RemixPolicy memory policy,
        ParentShare[] memory parents
    ) internal returns (uint256) {
        bytes32 contentHash = nextContentHash(protocol);
        VM.prank(creator);
        return protocol.registerRemix(contentHash, URI, policy, parents);
    }

    function remix(RemixProtocol protocol, address creator, ParentShare[] memory parents) internal returns (uint256) {
        return remix(protocol, creator, openPolicy(), parents);
    }

    /// @dev A remix of the single parent `parentId`.
    function remixOf(
        RemixProtocol protocol,
        address creator,
        uint256 parentId,
        uint16 shareBps
    ) internal returns (uint256) {
        ParentShare[] memory parents = new ParentShare[](1);
        parents[0] = ParentShare({parentId: parentId, shareBps: shareBps});
        return remix(protocol, creator, parents);
    }

    /// @dev Anyone may remix, with any share.
    function openPolicy() internal pure returns (RemixPolicy memory) {
        return RemixPolicy({remixable: true, minShareBps: 0});
    }
}
