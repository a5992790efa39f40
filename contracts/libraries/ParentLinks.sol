// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice One stored parent of a remix.
/// @param parentId The parent asset (asset ids fit in 64 bits: they are assigned one by one).
/// @param shareBps The parent's share in basis points (at most 10,000).
/// @param parentIsOriginal Whether the parent has no parents itself; fixed forever at registration,
/// it lets a split credit an original without reading its record.
struct ParentLink {
    uint64 parentId;
    uint16 shareBps;
    bool parentIsOriginal;
}

/// @title ParentLinks
/// @notice Packs three parent links per storage word (81-bit lanes: id 64 | share 16 | original 1)
/// and the number of links in the top byte of the first word, so a split learns everything about
/// its parents from ceil(n / 3) words and a 16-parent remix uses 6 words instead of 16.
library ParentLinks {
    uint256 internal constant PER_WORD = 3;
    uint256 private constant LANE_BITS = 81;
    uint256 private constant COUNT_SHIFT = 248;
    uint256 private constant ID_MASK = type(uint64).max;
    uint256 private constant SHARE_MASK = type(uint16).max;
    uint256 private constant LANE_MASK = (1 << LANE_BITS) - 1;

    /// @notice Writes `link` at position `index` of the list stored in `words`.
    /// @dev Positions must be written in order from 0, each once (lanes are OR-ed into the word),
    /// and `storeCount` last.
    function store(mapping(uint256 => uint256) storage words, uint256 index, ParentLink memory link) internal {
        uint256 lane =
            uint256(link.parentId) | (uint256(link.shareBps) << 64) | (link.parentIsOriginal ? uint256(1) << 80 : 0);
        uint256 word = index / PER_WORD;
        uint256 shift = (index % PER_WORD) * LANE_BITS;
        words[word] = (shift == 0 ? 0 : words[word]) | (lane << shift);
    }

    /// @notice Records that the list in `words` has `length` links (at most 255).
    function storeCount(mapping(uint256 => uint256) storage words, uint256 length) internal {
        words[0] |= length << COUNT_SHIFT;
    }

    /// @notice The number of links recorded in the list's first word (0 for an original).
    function linkCount(uint256 firstWord) internal pure returns (uint256) {
        return firstWord >> COUNT_SHIFT;
    }

    /// @notice The packed lane (id | share << 64 | original << 80) of the link at position `index`,
    /// given the already loaded word that holds it: what a split keeps in memory per parent, one
    /// word instead of a three-field struct.
    function laneAt(uint256 word, uint256 index) internal pure returns (uint256) {
        // Unchecked: `index % 3` is at most 2, so the shift is at most 162 bits.
        unchecked {
            return (word >> ((index % PER_WORD) * LANE_BITS)) & LANE_MASK;
        }
    }

    /// @notice The parent asset of a lane.
    function laneParentId(uint256 packed) internal pure returns (uint256) {
        return packed & ID_MASK;
    }

    /// @notice The share of a lane, in basis points.
    function laneShareBps(uint256 packed) internal pure returns (uint256) {
        return (packed >> 64) & SHARE_MASK;
    }

    /// @notice Whether a lane's parent is an original.
    function laneParentIsOriginal(uint256 packed) internal pure returns (bool) {
        return packed >> 80 != 0;
    }

    /// @notice Reads the link at position `index`, given the already loaded word that holds it.
    function decode(uint256 word, uint256 index) internal pure returns (ParentLink memory link) {
        uint256 lane = word >> ((index % PER_WORD) * LANE_BITS);
        link.parentId = uint64(lane & ID_MASK);
        link.shareBps = uint16((lane >> 64) & SHARE_MASK);
        link.parentIsOriginal = (lane >> 80) & 1 == 1;
    }
}
