// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentLink, ParentLinks} from "../libraries/ParentLinks.sol";

/// @notice Exposes the `ParentLinks` packing over one list, so tests can round-trip links through
/// real storage.
contract ParentLinksHarness {
    using ParentLinks for mapping(uint256 => uint256);

    mapping(uint256 word => uint256) private _words;

    /// @notice Stores `link` at position `index` (positions must be written in order from 0).
    function store(uint256 index, ParentLink calldata link) external {
        _words.store(index, link);
    }

    /// @notice The link at position `index`, decoded from the word that holds it.
    function load(uint256 index) external view returns (ParentLink memory) {
        return ParentLinks.decode(_words[index / ParentLinks.PER_WORD], index);
    }

    /// @notice The raw packed storage word `index`.
    function word(uint256 index) external view returns (uint256) {
        return _words[index];
    }
}
