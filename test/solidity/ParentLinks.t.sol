// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentLinksHarness} from "../../contracts/mocks/ParentLinksHarness.sol";
import {ParentLink, ParentLinks} from "../../contracts/libraries/ParentLinks.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Packing three parent links per word loses nothing: any id below 2^64, share up to
/// 10,000 and original flag reads back as written, for lists of 1 to 16 parents.
contract ParentLinksTest is TestBase {
    uint256 private constant MAX_PARENTS = 16;
    uint256 private constant MAX_SHARE_BPS = 10_000;

    ParentLinksHarness private harness;

    function setUp() public {
        harness = new ParentLinksHarness();
    }

    /// @notice Every link of a list reads back exactly, after the whole list was written (so later
    /// lanes OR-ed into a word never disturb earlier ones).
    function testFuzz_store_RoundTripsEveryLink(
        uint64[16] memory ids,
        uint16[16] memory shares,
        bool[16] memory originals,
        uint256 count
    ) public {
        ParentLink[] memory links = _storeAll(ids, shares, originals, count);

        for (uint256 i; i < links.length; ++i) {
            ParentLink memory loaded = harness.load(i);
            assertEq(loaded.parentId, links[i].parentId, "parent id changed by packing");
            assertEq(loaded.shareBps, links[i].shareBps, "share changed by packing");
            assertEq(loaded.parentIsOriginal, links[i].parentIsOriginal, "original flag changed by packing");
        }
    }

    /// @notice A list of n links occupies exactly ceil(n / 3) words: the word after them stays empty.
    function testFuzz_store_UsesOneWordPerThreeLinks(
        uint64[16] memory ids,
        uint16[16] memory shares,
        bool[16] memory originals,
        uint256 count
    ) public {
        ParentLink[] memory links = _storeAll(ids, shares, originals, count);

        uint256 words = (links.length + ParentLinks.PER_WORD - 1) / ParentLinks.PER_WORD;
        assertEq(harness.word(words), 0, "a link spilled past ceil(n / 3) words");
    }

    /// @dev Bounds the inputs to a valid list of 1-16 links and writes it in order from position 0.
    function _storeAll(
        uint64[16] memory ids,
        uint16[16] memory shares,
        bool[16] memory originals,
        uint256 count
    ) private returns (ParentLink[] memory links) {
        links = new ParentLink[](bound(count, 1, MAX_PARENTS));
        for (uint256 i; i < links.length; ++i) {
            links[i] = ParentLink({
                parentId: ids[i],
                shareBps: uint16(bound(shares[i], 0, MAX_SHARE_BPS)),
                parentIsOriginal: originals[i]
            });
            harness.store(i, links[i]);
        }
    }
}
