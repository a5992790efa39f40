// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {ILicensing, ParentLicence, Terms, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {VM} from "./Vm.sol";

/// @notice Registers assets on a protocol with fresh content hashes, for tests that care about
/// lineage and money rather than registration or licensing details.
library Assets {
    string internal constant URI = "ipfs://remix-test";
    uint256 internal constant FAR_DEADLINE = type(uint256).max;

    /// @dev Unique per protocol and asset: the id the next registration will receive.
    function nextContentHash(RemixProtocol protocol) internal view returns (bytes32) {
        return keccak256(abi.encode(address(protocol), protocol.totalAssets() + 1));
    }

    function licensing(RemixProtocol protocol) internal view returns (ILicensing) {
        return ILicensing(protocol.LICENSING());
    }

    function original(RemixProtocol protocol, address creator) internal returns (uint256) {
        bytes32 contentHash = nextContentHash(protocol);
        VM.prank(creator);
        return protocol.registerOriginal(contentHash, URI);
    }

    /// @dev A remix of `parents` minted to `creator`. Parents without remix terms first get free
    /// ones from their owner, as in the Mocha fixture; the free licences are bought in the same call
    /// and used at once, so no licence token is minted.
    function remix(RemixProtocol protocol, address creator, ParentShare[] memory parents) internal returns (uint256) {
        ILicensing licensing_ = licensing(protocol);
        for (uint256 i; i < parents.length; ++i) {
            if (licensing_.latestTermsVersion(parents[i].parentId, UseKind.Remix) == 0) {
                allowFreeRemixes(protocol, parents[i].parentId);
            }
        }
        // No licence ids: buy every licence now, at the latest version. Free licences pass any cap,
        // so zero caps do.
        ParentLicence[] memory buyAll = new ParentLicence[](parents.length);
        for (uint256 i; i < parents.length; ++i) {
            buyAll[i].termsVersion = licensing_.latestTermsVersion(parents[i].parentId, UseKind.Remix);
        }
        bytes32 contentHash = nextContentHash(protocol);
        VM.prank(creator);
        return licensing_.registerRemixWithLicences(contentHash, URI, parents, buyAll, 0, FAR_DEADLINE);
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

    /// @dev The owner of `assetId` lets anyone remix it for free, with any share.
    function allowFreeRemixes(RemixProtocol protocol, uint256 assetId) internal {
        ILicensing licensing_ = licensing(protocol);
        VM.prank(protocol.ownerOf(assetId));
        licensing_.setTerms(assetId, UseKind.Remix, allowedTerms(address(0), 0, 0));
    }

    /// @dev Terms allowing the use at `price` in `currency`, perpetual, with no document.
    /// `minShareBps` must be 0 for kinds other than `Remix`.
    function allowedTerms(address currency, uint128 price, uint16 minShareBps) internal pure returns (Terms memory) {
        return
            Terms({
                allowed: true,
                currency: currency,
                price: price,
                duration: 0,
                minShareBps: minShareBps,
                documentHash: bytes32(0),
                documentURI: ""
            });
    }
}
