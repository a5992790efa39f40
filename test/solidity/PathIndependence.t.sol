// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {CurrencyAmount, ILicensing, UseKind} from "../../contracts/interfaces/ILicensing.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Rounding never depends on the path: however the same revenue is chunked into payments
/// (`pay`, `payMany`, interleaved with other assets' payments) and whenever the remix is split or
/// claimed, each parent ends with exactly floor(G * s_i / BPS) of the gross G its child split and
/// the fees in a token with floor(paid * fee / BPS). Splits that would owe more than is held (many
/// parents rounding up on a tiny split, tight remixes) forward only the covered part, never
/// revert, and leave the rest pending, against which no claim pays. Every expectation is a closed
/// form over lifetime totals, computed here.
/// Why these fail on the rules they replace: a per-split floor of the shares (instead of the rise
/// of the lifetime floor) pays a 30% parent 0 of every 3-unit view, and loses up to a unit per
/// split against floor(G * s_i) in the fuzzed timings; a per-payment floor of the fee charges 0 on
/// each 9-unit payment instead of 1,000 in total; splitting the whole pending gross however little
/// is held (no bisection) forwards 16 units out of 1 in the sixteen-parent test and more than is
/// held in the fuzzed shortfalls (which the fuzzer reaches within a few runs), so the held amount
/// underflows and the split reverts; a claim that paid out what is held while gross stays pending
/// fails the sixteen-parent test's refused claim and `_splitChecked`.
contract PathIndependenceTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    address private constant REMIXER = address(0x4E31);
    address private constant RECIPIENT = address(0xDA7A);
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint256 private constant MAX_CHUNKS = 24;
    uint256 private constant MAX_STEPS = 32;
    uint256 private constant TINY = 20;

    /// @dev A fresh protocol, a remix (`child`, owned by `REMIXER`) of original parents and an
    /// unrelated original (`other`), with what the test has paid and split so far.
    struct Case {
        RemixProtocol protocol;
        MockERC20 token;
        uint256 child;
        uint256 other;
        uint256[] parents;
        uint256[] shares;
        uint256 feeBps;
        uint256 paid; // lifetime gross paid in the token, all assets: the fee rule's R
        uint256 fees;
        uint256 childPaid;
        uint256 childFees;
        uint256 otherPaid;
        uint256 claimed;
        uint256 splitGross; // the child's lifetime split gross G
    }

    /* CHUNKING AND SPLIT TIMING */

    /// @notice The same total paid to a remix in 1-24 random chunks (`pay`, `payMany` of one,
    /// `payMany` between payments to another asset, or after one), split after a random subset of
    /// them and at the end: the token's fees are exactly floor(all paid * fee / BPS), within one
    /// unit of the fees the two assets' totals would pay in one payment each; the end split covers
    /// everything iff sum floor(total * s_i) <= what the payments left the remix (always, unless
    /// interleaving rounded its fees up against tight shares), and then every parent holds exactly
    /// floor(total * s_i / BPS); otherwise exactly floor(G * s_i) for the largest covered G.
    function testFuzz_pay_SharesAndFeesIndependentOfChunkingAndSplitTiming(
        uint256 total,
        uint256 feeBps,
        uint16[16] memory rawShares,
        uint256 count,
        uint256 seed
    ) public {
        Case memory c = _setUp(MAX_FEE_BPS, bound(feeBps, 0, MAX_FEE_BPS), rawShares, count, true);
        // Any magnitude from 1 unit to 10^24, so tiny chunks (all rounding) come up as often as large.
        total = bound(total, 1, 10 ** bound(seed % 25, 1, 24));
        uint256 chunks = bound(seed >> 8, 1, MAX_CHUNKS);
        uint256 left = total;
        for (uint256 k; k < chunks && left != 0; ++k) {
            uint256 r = uint256(keccak256(abi.encode(seed, k)));
            uint256 chunk = k == chunks - 1 ? left : r % (left + 1);
            left -= chunk;
            if (chunk != 0) _payChunk(c, chunk, r >> 64);
            if ((r >> 128) % 2 == 0) _splitChecked(c, false);
        }
        _splitChecked(c, false);

        (uint256 fees, uint256 grossRemainder) = c.protocol.accruedFees(address(c.token));
        assertEq(fees, (c.paid * c.feeBps) / BPS, "fees != floor(all paid * fee)");
        uint256 onePayEach = (c.childPaid * c.feeBps) / BPS + (c.otherPaid * c.feeBps) / BPS;
        assertGe(fees, onePayEach, "fees below one payment per asset");
        assertLe(fees, onePayEach + 1, "fees above one payment per asset + 1");
        assertEq(grossRemainder, c.paid % BPS, "fee remainder != all paid % BPS");
        (, uint256 pending, ) = c.protocol.royaltyBalance(c.child, address(c.token));
        bool covered = _owedOver(c, total) <= total - c.childFees;
        assertEq(pending == 0, covered, "end split covered != closed form");
        // `_splitChecked` proved each parent holds floor(G * s_i) and G is the largest covered.
        assertEq(c.splitGross, total - pending, "split gross != total - pending");
        _assertConserved(c);
    }

    /* THE ISSUE'S CASES */

    /// @notice A 2-decimal token, views at 3 units, 100 views of a remix whose parent has 30%, at a
    /// 10% fee, split after every view: the parent gets exactly floor(300 * 30%) = 90 and the
    /// platform exactly floor(300 * 10%) = 30, the remix keeps 180. (Rounding each 3-unit view on
    /// its own gave the parent and the platform 0 of every view.)
    function test_payForUse_TinyViewsSplitEachTimePayParentAndPlatformExactly() public {
        RemixProtocol protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, 1_000);
        MockERC20 cents = new MockERC20("Cents", "CNT", 2);
        protocol.setTokenAllowed(address(cents), true);
        uint256 parent = protocol.original(CREATOR);
        uint256 child = protocol.remixOf(REMIXER, parent, 3_000);
        ILicensing licensing = protocol.licensing();
        vm.prank(REMIXER);
        uint32 version = licensing.setTerms(child, UseKind.View, Assets.allowedTerms(address(cents), 3, 0));
        address viewer = address(0x717E);
        cents.mint(viewer, 300);
        vm.prank(viewer);
        cents.approve(address(protocol), 300);

        for (uint256 v; v < 100; ++v) {
            vm.prank(viewer);
            licensing.payForUse(child, 1, version, CurrencyAmount(address(cents), 3), block.timestamp);
            protocol.split(child, address(cents));
        }

        assertEq(protocol.collectableBalance(parent, address(cents)), 90, "parent != 90");
        (uint256 fees, uint256 grossRemainder) = protocol.accruedFees(address(cents));
        assertEq(fees, 30, "platform fees != 30");
        assertEq(grossRemainder, 300, "fee remainder != 300");
        (uint256 held, uint256 pending, uint256 remainder) = protocol.royaltyBalance(child, address(cents));
        assertEq(held, 180, "remix held != 300 - 90 - 30");
        assertEq(pending, 0, "remix left gross pending");
        assertEq(remainder, 300, "remix remainder != 300");
    }

    /// @notice `payMany` of 1,112 payments of 9 units over four assets at a 10% fee charges exactly
    /// floor(10,008 * 10%) = 1,000 in fees, and the assets hold the other 9,008. (Rounding each
    /// payment's fee on its own charged 0.)
    function test_payMany_ChargesTheFeeOnTheTotalOfTinyPayments() public {
        RemixProtocol protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, 1_000);
        MockERC20 token = new MockERC20("Test", "TST", 18);
        protocol.setTokenAllowed(address(token), true);
        uint256[] memory assetIds = new uint256[](1_112);
        uint256[] memory amounts = new uint256[](1_112);
        for (uint256 i; i < 4; ++i) {
            protocol.original(CREATOR);
        }
        for (uint256 i; i < assetIds.length; ++i) {
            (assetIds[i], amounts[i]) = (1 + (i % 4), 9);
        }
        token.mint(address(this), 10_008);
        token.approve(address(protocol), 10_008);

        protocol.payMany(address(token), assetIds, amounts);

        (uint256 fees, uint256 grossRemainder) = protocol.accruedFees(address(token));
        assertEq(fees, 1_000, "fees != floor(10,008 * 10%)");
        assertEq(grossRemainder, 8, "fee remainder != 10,008 % 10,000");
        uint256 held;
        for (uint256 i = 1; i <= 4; ++i) {
            held += protocol.collectableBalance(i, address(token));
        }
        assertEq(held, 9_008, "assets hold != paid - fees");
    }

    /* SHORTFALLS */

    /// @notice 16 parents of 6.25% each, no fee: after 15 one-unit payments each claimed at once
    /// (the parents were owed nothing yet), the 16th unit owes every parent 1 with 1 held. The
    /// split forwards nothing and keeps the unit pending (it does not revert), and a claim pays
    /// nothing (the unit is owed upward); 15 units later the remix holds 16 and the split pays
    /// every parent floor(31 * 6.25%) = 1.
    function test_split_SixteenParentsOneUnitHeldSplitsOnlyTheCoveredPart() public {
        uint16[16] memory raw;
        for (uint256 i; i < raw.length; ++i) {
            raw[i] = 625;
        }
        Case memory c = _setUp(0, 0, raw, 16, true);
        for (uint256 k; k < 15; ++k) {
            _pay(c, c.child, 1);
            _splitChecked(c, true);
        }
        assertEq(c.claimed, 15, "owner claimed != 15");

        _pay(c, c.child, 1);
        uint256 forwarded = c.protocol.split(c.child, address(c.token));
        assertEq(forwarded, 0, "uncovered split forwarded");
        _assertBalance(c, 1, 1, 15, "after the uncovered split");
        assertEq(c.protocol.collectableBalance(c.child, address(c.token)), 0, "collectable while owed upward");
        vm.prank(REMIXER);
        assertEq(c.protocol.claim(c.child, address(c.token), RECIPIENT), 0, "claimed what is owed upward");
        _assertBalance(c, 1, 1, 15, "after the refused claim");

        for (uint256 k; k < 15; ++k) {
            _pay(c, c.child, 1);
            _splitChecked(c, false);
        }
        _assertBalance(c, 0, 0, 31, "after the covered split");
        for (uint256 i; i < c.parents.length; ++i) {
            assertEq(c.protocol.collectableBalance(c.parents[i], address(c.token)), 1, "parent != 1");
        }
    }

    /// @notice 16 parents with fuzzed shares (total <= 100% - max fee; one time in two spread out,
    /// so that many round up together), any fee, 1-32 tiny payments (some between tiny payments to
    /// another asset), each followed at random by a split, a claim (which splits first) or nothing:
    /// no split reverts or forwards more than was held, it stops only where one more unit of gross
    /// would owe more than is left, a claim pays what is left only if nothing stays pending, and
    /// every parent holds exactly floor(G * s_i) of the G split so far. Once a large payment
    /// arrives the split covers everything (unless shares + fee = 100%), so every parent holds
    /// floor(paid * s_i), and every unit paid is accounted for.
    function testFuzz_split_ShortfallNeverForwardsMoreThanHeld(
        uint16[16] memory rawShares,
        uint256 feeBps,
        uint256 seed
    ) public {
        uint256[] memory shares = new uint256[](16);
        if (seed % 2 == 0) {
            (shares, ) = boundShares(rawShares, 16, BPS - MAX_FEE_BPS);
        } else {
            // Spread out, so that many parents round up on the same tiny split.
            for (uint256 i; i < shares.length; ++i) {
                shares[i] = bound(rawShares[i], 0, (BPS - MAX_FEE_BPS) / shares.length);
            }
        }
        Case memory c = _setUp(MAX_FEE_BPS, bound(feeBps, 0, MAX_FEE_BPS), shares, true);
        _tinySteps(c, seed >> 1, true, true);

        _pay(c, c.child, 1e12);
        _splitChecked(c, false);

        (, uint256 pending, ) = c.protocol.royaltyBalance(c.child, address(c.token));
        if (_sum(c.shares) + c.feeBps < BPS) assertEq(pending, 0, "a large payment left gross pending");
        _assertConserved(c);
    }

    /// @notice A tight remix, shares + fee = exactly 100% (1-16 parents, any fee up to 10%), under
    /// 1-32 tiny payments each split: never claimed, every split covers everything (the fees and
    /// shares, rounded down over their lifetimes, never exceed the total), so every parent holds
    /// floor(paid * s_i) after every payment and the remix keeps only the rounding left over
    /// (paid - floor(paid * fee) - sum floor(paid * s_i)); with random claims too (an owner taking
    /// that rounding early), splits never revert nor forward more than is held.
    function testFuzz_split_TightRemixNeverForwardsMoreThanHeld(
        uint16[16] memory rawShares,
        uint256 count,
        uint256 maxFeeBps,
        uint256 seed,
        bool withClaims
    ) public {
        maxFeeBps = bound(maxFeeBps, 0, MAX_FEE_BPS);
        Case memory c = _setUp(maxFeeBps, maxFeeBps, rawShares, count, false);
        c.shares[c.shares.length - 1] += BPS - maxFeeBps - _sum(c.shares);
        c.child = c.protocol.remix(REMIXER, _links(c));
        _tinySteps(c, seed, withClaims, false);
        _assertConserved(c);
        if (withClaims) return;

        _assertBalance(c, c.childPaid - c.childFees - _owedOver(c, c.childPaid), 0, c.childPaid % BPS, "end");
        assertEq(c.childFees, (c.childPaid * c.feeBps) / BPS, "fees != floor(paid * fee)");
    }

    /* HELPERS */

    /// @dev Deploys a protocol (fee `feeBps`, cap `maxFeeBps`) with an allowed ERC-20 this contract
    /// holds plenty of, 1-16 original parents with the bounded shares, an unrelated original and
    /// (if `registerChild`; else the caller registers it) the child.
    function _setUp(
        uint256 maxFeeBps,
        uint256 feeBps,
        uint16[16] memory rawShares,
        uint256 count,
        bool registerChild
    ) private returns (Case memory c) {
        (uint256[] memory shares, ) = boundShares(rawShares, count, BPS - maxFeeBps);
        return _setUp(maxFeeBps, feeBps, shares, registerChild);
    }

    function _setUp(
        uint256 maxFeeBps,
        uint256 feeBps,
        uint256[] memory shares,
        bool registerChild
    ) private returns (Case memory c) {
        c.protocol = Deployers.protocol(address(this), TREASURY, uint16(maxFeeBps), uint16(feeBps));
        c.feeBps = feeBps;
        c.token = new MockERC20("Test", "TST", 18);
        c.protocol.setTokenAllowed(address(c.token), true);
        c.token.mint(address(this), type(uint128).max);
        c.token.approve(address(c.protocol), type(uint256).max);
        c.shares = shares;
        c.parents = new uint256[](c.shares.length);
        for (uint256 i; i < c.parents.length; ++i) {
            c.parents[i] = c.protocol.original(CREATOR);
        }
        c.other = c.protocol.original(CREATOR);
        if (registerChild) c.child = c.protocol.remix(REMIXER, _links(c));
    }

    function _links(Case memory c) private pure returns (ParentShare[] memory links) {
        links = new ParentShare[](c.parents.length);
        for (uint256 i; i < links.length; ++i) {
            links[i] = ParentShare({parentId: c.parents[i], shareBps: uint16(c.shares[i])});
        }
    }

    /// @dev 1-32 tiny payments to the child, each maybe after one to the other asset (if
    /// `interleave`), each followed by a split, or at random (if `withClaims`) a claim or nothing.
    /// Paid alone and never claimed, a remix splits everything every time: over its life the
    /// shares' floors never exceed what the payments left it (fees telescope to floor(paid * fee)).
    function _tinySteps(Case memory c, uint256 seed, bool withClaims, bool interleave) private {
        uint256 steps = bound(seed, 1, MAX_STEPS);
        uint256 largest = bound(seed >> 8, 1, TINY);
        for (uint256 k; k < steps; ++k) {
            uint256 r = uint256(keccak256(abi.encode(seed, k)));
            if (interleave && r % 2 == 0) _pay(c, c.other, 1 + ((r >> 8) % largest));
            _pay(c, c.child, 1 + ((r >> 16) % largest));
            uint256 action = withClaims ? (r >> 32) % 3 : 0;
            if (action != 2) _splitChecked(c, action == 1);
            if (!withClaims && !interleave) {
                (, uint256 pending, ) = c.protocol.royaltyBalance(c.child, address(c.token));
                assertEq(pending, 0, "a remix paid alone and never claimed left gross pending");
            }
        }
    }

    /// @dev Pays `chunk` to the child by `pay`, by a `payMany` of one, by a `payMany` between two
    /// payments to the other asset, or after a `pay` to it.
    function _payChunk(Case memory c, uint256 chunk, uint256 r) private {
        uint256 mode = r % 4;
        uint256 extra = 1 + ((r >> 8) % (10 ** bound(r >> 64, 0, 18)));
        if (mode == 0) return _pay(c, c.child, chunk);
        if (mode == 3) {
            _pay(c, c.other, extra);
            return _pay(c, c.child, chunk);
        }
        uint256[] memory ids = new uint256[](mode == 1 ? 1 : 3);
        uint256[] memory amounts = new uint256[](ids.length);
        if (mode == 1) {
            (ids[0], amounts[0]) = (c.child, chunk);
        } else {
            (ids[0], ids[1], ids[2]) = (c.other, c.child, c.other);
            (amounts[0], amounts[1], amounts[2]) = (extra, chunk, 1 + (extra % 7));
        }
        c.protocol.payMany(address(c.token), ids, amounts);
        for (uint256 i; i < ids.length; ++i) {
            _book(c, ids[i], amounts[i]);
        }
    }

    function _pay(Case memory c, uint256 assetId, uint256 amount) private {
        c.protocol.pay(assetId, address(c.token), amount);
        _book(c, assetId, amount);
    }

    /// @dev Books a payment the protocol just took: its fee is the rise of floor(R * fee / BPS).
    function _book(Case memory c, uint256 assetId, uint256 amount) private pure {
        uint256 fee = ((c.paid + amount) * c.feeBps) / BPS - (c.paid * c.feeBps) / BPS;
        c.paid += amount;
        c.fees += fee;
        if (assetId == c.child) (c.childPaid, c.childFees) = (c.childPaid + amount, c.childFees + fee);
        else c.otherPaid += amount;
    }

    /// @dev Splits the child (or claims it, which splits first) and checks the split against the
    /// closed form: it forwarded no more than was held, each parent holds exactly floor(G * s_i)
    /// for the new lifetime split gross G, and whatever stays pending is because one more unit of
    /// gross would owe more than is left.
    function _splitChecked(Case memory c, bool viaClaim) private {
        uint256 owedBefore = _owedOver(c, c.splitGross);
        (uint256 held, uint256 collectable, uint256 heldAfter, uint256 pendingAfter) = _splitOrClaim(c, viaClaim);
        uint256 owed = _owedOver(c, c.splitGross);
        for (uint256 i; i < c.parents.length; ++i) {
            assertEq(
                c.protocol.collectableBalance(c.parents[i], address(c.token)),
                (c.splitGross * c.shares[i]) / BPS,
                "parent != floor(G * s_i)"
            );
        }
        uint256 forwarded = owed - owedBefore;
        assertLe(forwarded, held, "split forwarded more than was held");
        // What is held against gross still pending is all owed upward: no claim pays it.
        uint256 claimable = pendingAfter == 0 ? held - forwarded : 0;
        assertEq(collectable, claimable, "collectable before != what the claim could pay");
        assertEq(heldAfter, held - forwarded - (viaClaim ? claimable : 0), "held after != held - forwarded - paid");
        if (pendingAfter != 0) {
            uint256 nextUnit = _owedOver(c, c.splitGross + 1) - owed;
            assertLt(held - forwarded, nextUnit, "split stopped short of the covered part");
        }
    }

    /// @dev Splits or claims the child; returns what it held and could collect before, and what it
    /// holds and has pending after. Adds the gross split to `c.splitGross`.
    function _splitOrClaim(
        Case memory c,
        bool viaClaim
    ) private returns (uint256 held, uint256 collectable, uint256 heldAfter, uint256 pendingAfter) {
        address token = address(c.token);
        (uint256 heldBefore, uint256 pending, uint256 remainder) = c.protocol.royaltyBalance(c.child, token);
        assertEq(remainder, c.splitGross % BPS, "remainder != lifetime split gross % BPS");
        collectable = c.protocol.collectableBalance(c.child, token);
        if (viaClaim) {
            vm.prank(REMIXER);
            uint256 amount = c.protocol.claim(c.child, token, RECIPIENT);
            assertEq(amount, collectable, "claimed != collectable before");
            c.claimed += amount;
        } else {
            c.protocol.split(c.child, token);
        }
        (heldAfter, pendingAfter, ) = c.protocol.royaltyBalance(c.child, token);
        c.splitGross += pending - pendingAfter;
        held = heldBefore;
    }

    /// @dev What the parents are owed over a lifetime split gross of `gross`: sum floor(gross * s_i).
    function _owedOver(Case memory c, uint256 gross) private pure returns (uint256 owed) {
        for (uint256 i; i < c.shares.length; ++i) {
            owed += (gross * c.shares[i]) / BPS;
        }
    }

    /// @dev Every unit paid is a fee, held by an asset or claimed, and the contract holds the rest.
    function _assertConserved(Case memory c) private view {
        address token = address(c.token);
        (uint256 fees, ) = c.protocol.accruedFees(token);
        assertEq(fees, c.fees, "fees != sum of rises of floor(R * fee)");
        (uint256 owed, , ) = c.protocol.royaltyBalance(c.child, token);
        owed += c.protocol.collectableBalance(c.other, token);
        for (uint256 i; i < c.parents.length; ++i) {
            owed += c.protocol.collectableBalance(c.parents[i], token);
        }
        assertEq(owed + fees + c.claimed, c.paid, "held + fees + claimed != paid");
        assertEq(c.token.balanceOf(address(c.protocol)), owed + fees, "contract balance != held + fees");
    }

    function _assertBalance(
        Case memory c,
        uint256 held,
        uint256 pending,
        uint256 remainder,
        string memory label
    ) private view {
        (uint256 h, uint256 p, uint256 r) = c.protocol.royaltyBalance(c.child, address(c.token));
        assertEq(h, held, string.concat(label, ": held"));
        assertEq(p, pending, string.concat(label, ": pending gross"));
        assertEq(r, remainder, string.concat(label, ": remainder"));
    }

    function _sum(uint256[] memory values) private pure returns (uint256 total) {
        for (uint256 i; i < values.length; ++i) {
            total += values[i];
        }
    }
}
