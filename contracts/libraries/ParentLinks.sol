// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice One stored parent of a remix.
/// @param parentId The parent asset (asset ids fit in 64 bits: they are assigned one by one).
/// @param shareBps The parent's share in basis points (at most 10,000).
/// @param parentIsOriginal Whether the parent has no parents itself; fixed forever at registration,
/// it lets a split credit an original's collectable balance directly.
struct ParentLink {
    uint64 parentId;
    uint16 shareBps;
    bool parentIsOriginal;
}

/// @title ParentLinks
/// @notice Packs three parent links per storage word (85-bit lanes: id 64 | share 16 | original 1),
/// so a 16-parent remix uses 6 words instead of 16.
library ParentLinks {
    uint256 internal constant PER_WORD = 3;
    uint256 private constant LANE_BITS = 85;
    uint256 private constant ID_MASK = type(uint64).max;
    uint256 private constant SHARE_MASK = type(uint16).max;

    /// @notice Writes `link` at position `index` of the list stored in `words`.
    /// @dev Positions must be written in order from 0, each once (lanes are OR-ed into the word).
    function store(mapping(uint256 => uint256) storage words, uint256 index, ParentLink memory link) internal {
        uint256 lane =
            uint256(link.parentId) | (uint256(link.shareBps) << 64) | (link.parentIsOriginal ? uint256(1) << 80 : 0);
        uint256 word = index / PER_WORD;
        uint256 shift = (index % PER_WORD) * LANE_BITS;
        words[word] = (shift == 0 ? 0 : words[word]) | (lane << shift);
    }

    /// @notice Reads the link at position `index`, given the already loaded word that holds it.
    function decode(uint256 word, uint256 index) internal pure returns (ParentLink memory link) {
        uint256 lane = word >> ((index % PER_WORD) * LANE_BITS);
        link.parentId = uint64(lane & ID_MASK);
        link.shareBps = uint16((lane >> 64) & SHARE_MASK);
        link.parentIsOriginal = (lane >> 80) & 1 == 1;
    }
}
