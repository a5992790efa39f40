// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {ParentShare} from "../interfaces/IAssetRegistry.sol";
import {CurrencyAmount, ILicensing, ParentLicence, Terms, UseKind} from "../interfaces/ILicensing.sol";
import {IRemixProtocol} from "../interfaces/IRemixProtocol.sol";

/// @notice Benchmark fixture only, never deployed: registers thousands of assets per transaction,
/// so that the scale benchmark builds a protocol of 100,000 assets in minutes. Every
/// `originalEvery`-th asset is an original (the first always is); every other one remixes one
/// earlier asset of this builder (chosen by a hash of its index, so lineage is a random tree that
/// grows deeper with size) for 10%. Each asset publishes free remix
/// terms at once, so any later asset may remix it. Every `holderEvery`-th asset is sent to
/// `holder`, an account whose balance the benchmark reads.
contract ScaleStateBuilder is IERC721Receiver {
    IRemixProtocol public immutable PROTOCOL;
    ILicensing public immutable LICENSING;
    uint256 public built;
    /// @notice The id of the first asset this builder registered (its index 0).
    uint256 public firstAssetId;

    constructor(IRemixProtocol protocol, ILicensing licensing) {
        PROTOCOL = protocol;
        LICENSING = licensing;
    }

    /// @notice Registers the next `count` assets of the tree.
    function build(uint256 count, address holder, uint256 holderEvery, uint256 originalEvery) external {
        Terms memory freeRemixes = Terms(true, address(0), 0, 0, 0, bytes32(0), "");
        ParentShare[] memory parents = new ParentShare[](1);
        ParentLicence[] memory licences = new ParentLicence[](1);
        licences[0] = ParentLicence(0, 1, CurrencyAmount(address(0), 0));
        uint256 end = built + count;
        for (uint256 index = built; index < end; ++index) {
            bytes32 contentHash = keccak256(abi.encode("scale asset", index));
            uint256 assetId;
            if (index % originalEvery == 0) {
                assetId = PROTOCOL.registerOriginal(contentHash, "ipfs://scale-benchmark-asset");
                if (index == 0) firstAssetId = assetId;
            } else {
                // This builder's asset ids are consecutive from `firstAssetId`: the parent is one
                // of the `index` assets before.
                parents[0] = ParentShare(firstAssetId + (uint256(contentHash) % index), 1_000);
                assetId = LICENSING.registerRemixWithLicences(
                    contentHash,
                    "ipfs://scale-benchmark-asset",
                    parents,
                    licences,
                    bytes32(0),
                    type(uint256).max
                );
            }
            LICENSING.setTerms(assetId, UseKind.Remix, freeRemixes);
            if (index % holderEvery == 0) IERC721(address(PROTOCOL)).transferFrom(address(this), holder, assetId);
        }
        built = end;
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }
}
