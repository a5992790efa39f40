// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRoyaltyEngine} from "../../contracts/interfaces/IRoyaltyEngine.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice The largest single payment is 2^120 - 1 (a balance's width), in ETH as in an ERC-20 and
/// at any fee: up to it a payment is credited exactly (fee, held, pending); above it `pay` and
/// `payMany` revert with `AmountTooLarge(amount, 2^120 - 1)` and change nothing.
contract PaymentLimitsTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    uint256 private constant BPS = RoyaltyMath.BPS;
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint256 private constant MAX_PAYMENT = type(uint120).max;

    RemixProtocol private protocol;
    MockERC20 private erc20;
    uint256 private original;
    uint256 private remix;

    function setUp() public {
        protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, MAX_FEE_BPS);
        erc20 = new MockERC20("Test", "TST", 18);
        protocol.setTokenAllowed(address(erc20), true);
        original = protocol.original(CREATOR);
        remix = protocol.remixOf(CREATOR, original, 5_000);
    }

    /// @notice The largest payment, in ETH, at the largest fee: its fee is floor(amount * 10%), and
    /// the remix holds the rest with the whole amount pending.
    function test_pay_AcceptsTheLargestEthPaymentAtTheMaxFee() public {
        _payAndCheck(address(0), remix, MAX_PAYMENT);
    }

    /// @notice Any payment up to 2^120 - 1, to an original or a remix, in ETH or the ERC-20: the fee
    /// is floor(amount * 10%), the asset holds the rest, and a remix has the whole amount pending.
    function testFuzz_pay_AcceptsAnyAmountUpToTheLimit(uint256 amount, bool inErc20, bool toRemix) public {
        amount = bound(amount, 1, MAX_PAYMENT);
        _payAndCheck(inErc20 ? address(erc20) : address(0), toRemix ? remix : original, amount);
    }

    /// @notice A payment above 2^120 - 1 reverts with `AmountTooLarge(amount, 2^120 - 1)`.
    function testFuzz_pay_RevertsWhenAboveTheLimit(uint256 amount, bool inErc20) public {
        amount = bound(amount, MAX_PAYMENT + 1, type(uint200).max);
        address token = inErc20 ? address(erc20) : address(0);
        uint256 value = _fund(token, amount);

        vm.expectRevert(abi.encodeWithSelector(IRoyaltyEngine.AmountTooLarge.selector, amount, MAX_PAYMENT));
        protocol.pay{value: value}(remix, token, amount);
    }

    /// @notice In `payMany`, one payment above the limit among valid ones reverts the whole call
    /// with `AmountTooLarge(amount, 2^120 - 1)`: nothing is credited.
    function testFuzz_payMany_RevertsWhenOnePaymentIsAboveTheLimit(uint256 amount, uint256 small, bool inErc20) public {
        amount = bound(amount, MAX_PAYMENT + 1, type(uint200).max);
        small = bound(small, 1, MAX_PAYMENT);
        address token = inErc20 ? address(erc20) : address(0);
        uint256[] memory assetIds = new uint256[](2);
        uint256[] memory amounts = new uint256[](2);
        (assetIds[0], assetIds[1], amounts[0], amounts[1]) = (original, remix, small, amount);
        uint256 value = _fund(token, small + amount);

        vm.expectRevert(abi.encodeWithSelector(IRoyaltyEngine.AmountTooLarge.selector, amount, MAX_PAYMENT));
        protocol.payMany{value: value}(token, assetIds, amounts);

        (uint256 held, , ) = protocol.royaltyBalance(original, token);
        assertEq(held, 0, "a refused payMany credited a payment");
    }

    function _payAndCheck(address token, uint256 assetId, uint256 amount) private {
        uint256 value = _fund(token, amount);
        protocol.pay{value: value}(assetId, token, amount);

        uint256 fee = (amount * MAX_FEE_BPS) / BPS;
        (uint256 fees, uint256 grossRemainder) = protocol.accruedFees(token);
        assertEq(fees, fee, "fee != floor(amount * fee / BPS)");
        assertEq(grossRemainder, amount % BPS, "fee remainder != amount % BPS");
        (uint256 held, uint256 pending, uint256 remainder) = protocol.royaltyBalance(assetId, token);
        assertEq(held, amount - fee, "held != amount - fee");
        assertEq(pending, assetId == remix ? amount : 0, "pending != amount for a remix, 0 for an original");
        assertEq(remainder, 0, "remainder before any split");
    }

    /// @dev Gives this contract `amount` of `token` (approved); returns the ETH to send with it.
    function _fund(address token, uint256 amount) private returns (uint256 value) {
        if (token == address(0)) {
            vm.deal(address(this), amount);
            return amount;
        }
        erc20.mint(address(this), amount);
        erc20.approve(address(protocol), amount);
    }
}
