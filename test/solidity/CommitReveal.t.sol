// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IProtectedRegistration} from "../../contracts/interfaces/IProtectedRegistration.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Commit-reveal as a property: for any committer, revealer, salts, wait and content, a
/// reveal registers the content iff its sender made that very commitment (for itself, with that
/// salt) at least a block and a minute earlier and less than a day ago; and while a commitment
/// holds the content, the direct path refuses it to everyone.
contract CommitRevealTest is TestBase {
    address private constant TREASURY = address(0x7EA5);
    string private constant URI = "ipfs://committed";

    RemixProtocol private protocol;

    function setUp() public {
        protocol = Deployers.protocol(address(this), TREASURY, 1_000, 100);
    }

    /// @notice The reveal succeeds exactly when the rule says, and the asset goes to the revealer.
    function testFuzz_reveal_OnlyTheCommitterAfterTheMinimumAge(
        bytes32 contentHash,
        bytes32 salt,
        bytes32 revealSalt,
        uint256 revealerSeed,
        uint256 wait,
        uint256 blocks
    ) public {
        if (contentHash == 0 || salt == 0 || revealSalt == 0) return; // zero hash and salt mean "none"
        address committer = address(0xA11CE);
        address revealer = revealerSeed % 2 == 0 ? committer : address(uint160(0xBAD0 + (revealerSeed % 7)));
        // Often the same salt, so that successful reveals are fuzzed as much as refused ones.
        if (revealerSeed % 3 != 0) revealSalt = salt;
        wait = _aroundTheLimits(wait);
        blocks = bound(blocks, 0, 3);

        bytes32 commitment = keccak256(abi.encode(committer, contentHash, salt));
        vm.prank(committer);
        protocol.commitRegistration(commitment, keccak256(abi.encode(contentHash)));
        vm.warp(block.timestamp + wait);
        vm.roll(block.number + blocks);

        bool expected =
            revealer == committer &&
                revealSalt == salt &&
                blocks >= 1 &&
                wait >= protocol.MIN_COMMITMENT_AGE() &&
                wait <= protocol.COMMITMENT_LIFETIME();
        vm.prank(revealer);
        try protocol.revealOriginal(contentHash, URI, revealSalt) returns (uint256 assetId) {
            assertTrue(expected, "a reveal the rule refuses registered the content");
            assertEq(protocol.ownerOf(assetId), committer, "the asset is not the committer's");
            assertEq(protocol.assetIdOf(contentHash), assetId, "content not recorded");
        } catch {
            assertTrue(!expected, "a reveal the rule accepts was refused");
            assertEq(protocol.assetIdOf(contentHash), 0, "a refused reveal recorded the content");
        }
    }

    /// @notice While a commitment holds the content, nobody (the committer included) registers it
    /// by the direct path; after it expires, anyone can.
    function testFuzz_directPath_RefusedWhileHeld(bytes32 contentHash, uint256 callerSeed, uint256 wait) public {
        if (contentHash == 0) return; // the registry refuses a zero hash for its own reason
        address caller = address(uint160(0xC000 + (callerSeed % 5)));
        wait = _aroundTheLimits(wait);
        vm.prank(address(0xA11CE));
        protocol.commitRegistration(keccak256("any commitment"), keccak256(abi.encode(contentHash)));
        uint256 lockedUntil = protocol.contentLockedUntil(contentHash);
        vm.warp(block.timestamp + wait);

        if (block.timestamp <= lockedUntil) {
            vm.expectRevert(
                abi.encodeWithSelector(IProtectedRegistration.ContentCommitted.selector, contentHash, lockedUntil)
            );
        }
        vm.prank(caller);
        protocol.registerOriginal(contentHash, URI);
    }

    /// @dev A wait near the minimum age, near the lifetime, or anywhere in two days, a third of the
    /// time each, so both boundaries are fuzzed on either side.
    function _aroundTheLimits(uint256 seed) private view returns (uint256) {
        uint256 minAge = protocol.MIN_COMMITMENT_AGE();
        uint256 lifetime = protocol.COMMITMENT_LIFETIME();
        uint256 mode = seed % 3;
        seed >>= 2;
        if (mode == 0) return bound(seed, 0, 2 * minAge);
        if (mode == 1) return lifetime - minAge + bound(seed, 0, 2 * minAge);
        return bound(seed, 0, 2 * lifetime);
    }
}
