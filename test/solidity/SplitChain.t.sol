// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice Money paid at the bottom of a remix chain A0 <- A1 <- ... <- Ad and split hop by hop up to
/// the original A0 is conserved exactly at every hop, up to depth 1,000, each hop forwarding
/// floor(gross * share); and paying costs the same gas at any depth.
contract SplitChainTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    address private constant ETH = address(0);
    uint256 private constant BPS = RoyaltyMath.BPS;
    /// @dev The largest single payment (balances are 120-bit fields).
    uint256 private constant MAX_AMOUNT = type(uint120).max;
    // A 1% fee cap leaves shares up to 99%, so money still reaches the top of a 1,000-hop chain.
    uint16 private constant MAX_FEE_BPS = 100;
    uint256 private constant DEEP_CHAIN = 1_000;
    uint256 private constant MAX_FUZZED_DEPTH = 64;

    RemixProtocol private protocol;
    /// @dev A0 of the deep chain; Ad has id `deepRoot + d`.
    uint256 private deepRoot;

    function setUp() public {
        protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, MAX_FEE_BPS);
        deepRoot = _registerChain(_deepChainShares());
    }

    /// @notice Paid at depth 1,000 and split bottom-up: every hop splits all it has pending (a
    /// single parent's floor is always covered), forwards floor(gross * share), which the parent
    /// holds with as much pending (no fee on forwarded money), keeps held - forwarded and records
    /// gross % BPS as its remainder; fee + kept so far + in flight == amount after every hop; at the
    /// end what the assets hold plus the fee add up to the amount.
    /// hardhat-config: fuzz.runs = 64
    function testFuzz_split_ConservesAlongDepth1000Chain(uint256 amount, uint256 feeBps) public {
        _splitChainAndCheck(deepRoot, _deepChainShares(), amount, feeBps);
    }

    /// @notice A maximal payment at depth 1,000 still reaches the original: the chain test above
    /// exercises rounding at every hop rather than splitting zeros.
    function test_split_CarriesMoneyToTopOfDepth1000Chain() public {
        _splitChainAndCheck(deepRoot, _deepChainShares(), MAX_AMOUNT, MAX_FEE_BPS);

        assertGe(protocol.collectableBalance(deepRoot, ETH), 1, "nothing reached the original");
    }

    /// @notice The same on chains of any depth up to 64 with any shares (each hop at most 99%).
    function testFuzz_split_ConservesAlongFuzzedChain(
        uint256 amount,
        uint256 feeBps,
        uint256 depth,
        uint256 seed
    ) public {
        uint256[] memory shares = new uint256[](bound(depth, 1, MAX_FUZZED_DEPTH) + 1);
        for (uint256 d = 1; d < shares.length; ++d) {
            shares[d] = uint256(keccak256(abi.encode(seed, d))) % (BPS - MAX_FEE_BPS + 1);
        }
        _splitChainAndCheck(_registerChain(shares), shares, amount, feeBps);
    }

    /// @notice Paying a fresh asset at depth 1,000 costs exactly the gas of paying one at depth 1:
    /// a payment never walks the ancestry.
    function testFuzz_pay_GasIndependentOfDepth(uint256 amount) public {
        amount = bound(amount, 1, MAX_AMOUNT);
        vm.deal(address(this), 3 * amount);
        // Warms what both measured payments share (the protocol account, the fee slot), so they
        // differ only by the asset paid.
        protocol.pay{value: amount}(deepRoot, ETH, amount);

        uint256 shallow = _measurePay(deepRoot + 1, amount);
        uint256 deep = _measurePay(deepRoot + DEEP_CHAIN, amount);

        assertEq(deep, shallow, "pay gas at depth 1000 != at depth 1");
    }

    /// @dev Registers A0 and A1..A(n-1), Ad remixing A(d-1) with `shares[d]`; returns A0.
    function _registerChain(uint256[] memory shares) private returns (uint256 root) {
        root = protocol.original(CREATOR);
        for (uint256 d = 1; d < shares.length; ++d) {
            protocol.remixOf(CREATOR, root + d - 1, uint16(shares[d]));
        }
    }

    /// @dev Shares between 90% and 99% (the most the fee cap allows), varied so rounding varies.
    function _deepChainShares() private pure returns (uint256[] memory shares) {
        shares = new uint256[](DEEP_CHAIN + 1);
        for (uint256 d = 1; d < shares.length; ++d) {
            shares[d] = 9_000 + (uint256(keccak256(abi.encode(d))) % (BPS - MAX_FEE_BPS - 9_000 + 1));
        }
    }

    /// @dev Pays the bottom of the chain rooted at `root` and splits it up to the root, checking
    /// every hop against the rounding rule and the running total against the amount.
    function _splitChainAndCheck(uint256 root, uint256[] memory shares, uint256 amount, uint256 feeBps) private {
        amount = bound(amount, 1, MAX_AMOUNT);
        setFeeInForce(protocol, uint16(bound(feeBps, 0, MAX_FEE_BPS)));
        uint256 depth = shares.length - 1;
        vm.deal(address(this), amount);
        protocol.pay{value: amount}(root + depth, ETH, amount);
        (uint256 fee, ) = protocol.accruedFees(ETH);
        assertEq(fee, (amount * protocol.feeBps()) / BPS, "fee != floor(amount * fee / BPS)");

        uint256 keptSoFar;
        for (uint256 d = depth; d >= 1; --d) {
            (uint256 kept, uint256 inFlight) = _splitHop(root + d, shares[d], d == 1);
            keptSoFar += kept;
            assertEq(fee + keptSoFar + inFlight, amount, "fee + kept + in flight != amount after a hop");
        }

        uint256 owed = fee;
        for (uint256 d; d <= depth; ++d) {
            owed += protocol.collectableBalance(root + d, ETH);
        }
        assertEq(owed, amount, "sum of collectable + fee != amount");
        assertEq(address(protocol).balance, amount, "contract balance != amount");
    }

    /// @dev Splits `asset`, a remix of `asset - 1` with `share`, never split before, and checks the
    /// hop; returns what it kept and what its parent now holds.
    function _splitHop(uint256 asset, uint256 share, bool parentIsOriginal) private returns (uint256, uint256) {
        (uint256 held, uint256 gross, uint256 remainder) = protocol.royaltyBalance(asset, ETH);
        assertEq(remainder, 0, "hop split before");
        uint256 forwarded = protocol.split(asset, ETH);

        assertEq(forwarded, (gross * share) / BPS, "hop forwarded != floor(gross * share)");
        uint256 kept = held - forwarded;
        (uint256 heldAfter, uint256 pendingAfter, uint256 remainderAfter) = protocol.royaltyBalance(asset, ETH);
        assertEq(heldAfter, kept, "hop held after split != held - forwarded");
        assertEq(pendingAfter, 0, "hop left gross pending");
        assertEq(remainderAfter, gross % BPS, "hop remainder != gross % BPS");
        assertEq(protocol.collectableBalance(asset, ETH), kept, "hop collectable != kept");
        uint256 inFlight = _creditedBySplit(asset - 1, parentIsOriginal);
        assertEq(inFlight, forwarded, "parent credited != floor(gross * share)");
        return (kept, inFlight);
    }

    /// @dev What `asset` holds after being credited by its child's split, which for a remix is
    /// all pending too (held == pending: splits charge no fee).
    function _creditedBySplit(uint256 asset, bool isOriginal) private view returns (uint256) {
        (uint256 held, uint256 pending, ) = protocol.royaltyBalance(asset, ETH);
        assertEq(pending, isOriginal ? 0 : held, "split credited a parent with pending != held");
        return held;
    }

    function _measurePay(uint256 asset, uint256 amount) private returns (uint256 gasUsed) {
        uint256 before = gasleft();
        protocol.pay{value: amount}(asset, ETH, amount);
        gasUsed = before - gasleft();
    }
}
