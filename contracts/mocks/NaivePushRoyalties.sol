// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Benchmark reference only, never deployed: the eager design the protocol avoids. Each
/// payment walks the whole chain of ancestors in the same transaction and credits every one, so its
/// gas grows with the depth of the remix tree (the protocol's payment is constant: one credit, and
/// money moves up one hop per `split`, paid by whoever wants it to move). Same royalty rules as the
/// protocol (fee on the payment, each asset passes its share of what it received to its parent),
/// one parent per asset, ETH only.
contract NaivePushRoyalties {
    uint256 private constant BPS = 10_000;

    struct Parent {
        uint256 id;
        uint16 shareBps;
    }

    uint16 public immutable FEE_BPS;
    uint256 public totalAssets;
    uint256 public accruedFees;
    mapping(uint256 assetId => Parent) public parentOf;
    mapping(uint256 assetId => uint256) public balanceOf;

    constructor(uint16 feeBps) {
        FEE_BPS = feeBps;
    }

    /// @notice Registers an asset; `parentId` 0 for an original.
    function register(uint256 parentId, uint16 shareBps) external returns (uint256 assetId) {
        assetId = ++totalAssets;
        if (parentId != 0) parentOf[assetId] = Parent(parentId, shareBps);
    }

    /// @notice Pays for a use of `assetId` and credits every ancestor at once.
    function pay(uint256 assetId) external payable {
        uint256 fee = (msg.value * FEE_BPS) / BPS;
        accruedFees += fee;
        uint256 received = msg.value;
        uint256 held = msg.value - fee;
        for (uint256 id = assetId; id != 0;) {
            Parent memory parent = parentOf[id];
            uint256 up = parent.id == 0 ? 0 : (received * parent.shareBps) / BPS;
            balanceOf[id] += held - up;
            (id, received, held) = (parent.id, up, up);
        }
    }
}
