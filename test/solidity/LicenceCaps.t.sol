// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CurrencyAmount, ILicensing, Licence, UseKind} from "../../contracts/interfaces/ILicensing.sol";
import {IRoyaltyEngine} from "../../contracts/interfaces/IRoyaltyEngine.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice A buyer's cap names its currency. For any price in ETH or the ERC-20 and any cap (any
/// currency, any amount), a purchase succeeds iff it is free or the cap is in the terms' currency and
/// covers the price; it then charges exactly the price, else it reverts with the exact error and
/// changes nothing.
contract LicenceCapsTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant CREATOR = address(0xC0FFEE);
    address private constant BUYER = address(0xB0B);
    address private constant RECIPIENT = address(0xDA7A);
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint16 private constant FEE_BPS = 250;
    uint256 private constant LICENSED_KINDS = 4;
    uint256 private constant MAX_USES = 1_000;
    /// @dev The largest payment the protocol takes.
    uint256 private constant MAX_PAYMENT = type(uint120).max;

    RemixProtocol private protocol;
    ILicensing private licensing;
    MockERC20 private erc20;
    uint256 private assetId;

    function setUp() public {
        protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, FEE_BPS);
        licensing = protocol.licensing();
        erc20 = new MockERC20("Test", "TST", 18);
        protocol.setTokenAllowed(address(erc20), true);
        assetId = protocol.original(CREATOR);
    }

    /// @notice `buyLicence` succeeds iff price == 0 or (cap.currency == terms currency and price <=
    /// cap.amount), and then charges exactly the price and issues one licence to the recipient.
    function testFuzz_buyLicence_SucceedsIffFreeOrWithinCapInItsCurrency(
        uint128 price,
        bool inErc20,
        uint256 kindSeed,
        address anyCurrency,
        uint256 anyAmount,
        uint256 choices
    ) public {
        UseKind kind = UseKind(1 + (kindSeed % LICENSED_KINDS));
        // The protocol takes at most 2^120 - 1 per payment (see the test below for larger prices).
        price = uint128(bound(price, 0, MAX_PAYMENT));
        (address currency, uint256 charge) = _publish(kind, price, inErc20, choices);
        CurrencyAmount memory cap = _cap(currency, charge, anyCurrency, anyAmount, choices);

        bytes memory callData = abi.encodeCall(
            licensing.buyLicence,
            (assetId, kind, 1, RECIPIENT, cap, block.timestamp)
        );
        (bool ok, bytes memory result) = _assertCapRule(currency, charge, cap, callData);

        assertEq(licensing.totalLicences(), ok ? 1 : 0, "licences issued != one per successful purchase");
        if (!ok) return;
        assertEq(abi.decode(result, (uint256)), 1, "licence id != 1");
        Licence memory licence = licensing.getLicence(1);
        assertEq(licence.holder, RECIPIENT, "licence not held by the recipient");
        assertEq(licence.assetId, assetId, "licence for another asset");
        assertEq(uint256(licence.kind), uint256(kind), "licence kind != purchased kind");
    }

    /// @notice The protocol takes at most 2^120 - 1 per payment, so terms priced above that could
    /// never be bought: `setTerms` refuses them with `PriceTooLarge(price, 2^120 - 1)` and publishes
    /// nothing, in ETH and ERC-20 alike.
    function testFuzz_setTerms_RefusesPriceAboveLargestPayment(uint128 price, bool inErc20) public {
        price = uint128(bound(price, uint256(type(uint120).max) + 1, type(uint128).max));
        address currency = inErc20 ? address(erc20) : address(0);
        uint32 versionBefore = licensing.latestTermsVersion(assetId, UseKind.Commercial);

        vm.prank(CREATOR);
        vm.expectRevert(abi.encodeWithSelector(ILicensing.PriceTooLarge.selector, price, type(uint120).max));
        licensing.setTerms(assetId, UseKind.Commercial, Assets.allowedTerms(currency, price, 0));

        assertEq(licensing.latestTermsVersion(assetId, UseKind.Commercial), versionBefore, "terms published");
    }

    /// @notice `payForUse` for 1-1,000 views succeeds iff the total (below 2^120) is 0 or
    /// (cap.currency == terms currency and total <= cap.amount), and then charges exactly the total
    /// and issues no licence.
    function testFuzz_payForUse_SucceedsIffFreeOrWithinCapInItsCurrency(
        uint128 price,
        bool inErc20,
        uint256 count,
        address anyCurrency,
        uint256 anyAmount,
        uint256 choices
    ) public {
        count = bound(count, 1, MAX_USES);
        // The protocol takes at most 2^120 - 1 per payment; larger totals are refused whatever the cap.
        price = uint128(bound(price, 0, MAX_PAYMENT / count));
        (address currency, uint256 unitPrice) = _publish(UseKind.View, price, inErc20, choices);
        uint256 charge = count * unitPrice;
        CurrencyAmount memory cap = _cap(currency, charge, anyCurrency, anyAmount, choices);

        bytes memory callData = abi.encodeCall(licensing.payForUse, (assetId, count, 1, cap, block.timestamp));
        _assertCapRule(currency, charge, cap, callData);

        assertEq(licensing.totalLicences(), 0, "views issued a licence");
    }

    /// @dev The creator allows `kind` at `price` (zero one time in four) in ETH or the ERC-20.
    function _publish(
        UseKind kind,
        uint128 price,
        bool inErc20,
        uint256 choices
    ) private returns (address currency, uint256 charged) {
        currency = inErc20 ? address(erc20) : address(0);
        charged = choices % 4 == 0 ? 0 : price;
        vm.prank(CREATOR);
        licensing.setTerms(assetId, kind, Assets.allowedTerms(currency, uint128(charged), 0));
    }

    /// @dev A cap on `charge` in `currency`: in that currency, the other allowed one or any address,
    /// for the charge, one wei below or above it, or any amount.
    function _cap(
        address currency,
        uint256 charge,
        address anyCurrency,
        uint256 anyAmount,
        uint256 choices
    ) private view returns (CurrencyAmount memory cap) {
        uint256 currencyChoice = (choices >> 2) % 3;
        if (currencyChoice == 0) cap.currency = currency;
        else if (currencyChoice == 1) cap.currency = currency == address(0) ? address(erc20) : address(0);
        else cap.currency = anyCurrency;

        uint256 amountChoice = (choices >> 4) % 4;
        if (amountChoice == 0) cap.amount = charge;
        else if (amountChoice == 1) cap.amount = charge == 0 ? 0 : charge - 1;
        else if (amountChoice == 2) cap.amount = charge + 1;
        else cap.amount = anyAmount;
    }

    /// @dev Sends `callData` as the buyer, funded with exactly `charge` in `currency` (sent along when
    /// ETH), and asserts the cap rule: success iff free or within `cap` in the terms' currency; a
    /// success moves exactly `charge` from the buyer to the protocol, a refusal reverts with
    /// `CurrencyMismatch` or `PriceAboveMaximum` and moves nothing.
    function _assertCapRule(
        address currency,
        uint256 charge,
        CurrencyAmount memory cap,
        bytes memory callData
    ) private returns (bool ok, bytes memory result) {
        _fundBuyer(currency, charge);
        vm.prank(BUYER);
        (ok, result) = address(licensing).call{value: currency == address(0) ? charge : 0}(callData);

        bool expected = charge == 0 || (cap.currency == currency && charge <= cap.amount);
        assertEq(ok, expected, "succeeded != free or within a cap in the terms' currency");
        if (!ok) assertEq(result, _refusal(currency, charge, cap), "refused with another error");
        uint256 charged = ok ? charge : 0;
        assertEq(_balance(currency, BUYER), charge - charged, "buyer charged != price");
        assertEq(_balance(currency, address(protocol)), charged, "protocol received != price");
        assertEq(_balance(_other(currency), BUYER), 0, "buyer charged in the other currency");
        assertEq(_balance(_other(currency), address(protocol)), 0, "protocol received the other currency");
        assertEq(_balance(currency, address(licensing)), 0, "licensing contract kept money");
    }

    /// @dev The error a refused paid purchase must revert with: the currency first, then the amount.
    function _refusal(address currency, uint256 charge, CurrencyAmount memory cap) private pure returns (bytes memory) {
        if (cap.currency != currency) {
            return abi.encodeWithSelector(ILicensing.CurrencyMismatch.selector, currency, cap.currency);
        }
        return abi.encodeWithSelector(ILicensing.PriceAboveMaximum.selector, charge, cap.amount);
    }

    /// @dev Gives the buyer exactly `amount` of `currency`, approving the protocol (which takes licence
    /// payments) for exactly that.
    function _fundBuyer(address currency, uint256 amount) private {
        if (currency == address(0)) {
            vm.deal(BUYER, amount);
            return;
        }
        erc20.mint(BUYER, amount);
        vm.prank(BUYER);
        erc20.approve(address(protocol), amount);
    }

    function _other(address currency) private view returns (address) {
        return currency == address(0) ? address(erc20) : address(0);
    }

    function _balance(address currency, address account) private view returns (uint256) {
        return currency == address(0) ? account.balance : erc20.balanceOf(account);
    }
}
