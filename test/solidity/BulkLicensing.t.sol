// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CurrencyAmount, ILicensing, Licence, Terms, UseKind} from "../../contracts/interfaces/ILicensing.sol";
import {RoyaltyMath} from "../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../contracts/RemixProtocol.sol";
import {Assets} from "./utils/Assets.sol";
import {Deployers} from "./utils/Deployers.sol";
import {TestBase} from "./utils/TestBase.sol";
import {Vm} from "./utils/Vm.sol";

/// @notice A bulk purchase of licences for any 1-50 assets (repeats allowed) at any prices in ETH
/// and an ERC-20 charges each currency exactly the sum of its prices, refunds the rest of the ETH
/// sent to the wei, credits every asset its own prices less their fees (which add up to the fee on
/// each currency's total), and is refused when a cap is short by 1.
contract BulkLicensingTest is TestBase {
    using Assets for RemixProtocol;

    address private constant TREASURY = address(0x7EA5);
    address private constant BUYER = address(0xB0B);
    address private constant RECIPIENT = address(0xDA7A);
    uint256 private constant ASSETS = 50;
    uint256 private constant CREATORS = 5;
    uint256 private constant MAX_PRICE = 1e30;
    uint256 private constant MAX_EXTRA_ETH = 100 ether;
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint16 private constant FEE_BPS = 250;
    uint256 private constant ETH_INDEX = 0;
    uint256 private constant ERC20_INDEX = 1;
    UseKind private constant KIND = UseKind.Commercial;
    uint256 private constant BPS = RoyaltyMath.BPS;

    RemixProtocol private protocol;
    ILicensing private licensing;
    MockERC20 private erc20;

    /// @dev One fuzzed purchase: the assets in order with their prices, the total per currency
    /// (ETH, then the ERC-20), and the caps in the order the buyer lists them.
    struct Order {
        uint256[] assetIds;
        uint32[] versions;
        uint256[] prices;
        address[] currencies;
        uint256[2] totals;
        CurrencyAmount[] caps;
    }

    function setUp() public {
        protocol = Deployers.protocol(address(this), TREASURY, MAX_FEE_BPS, FEE_BPS);
        licensing = protocol.licensing();
        erc20 = new MockERC20("Test", "TST", 18);
        protocol.setTokenAllowed(address(erc20), true);
        for (uint256 i; i < ASSETS; ++i) {
            protocol.original(address(uint160(0xC000 + (i % CREATORS))));
        }
    }

    /// @notice Each currency is charged exactly the sum of its prices, the ETH sent beyond the ETH
    /// total comes back to the wei, each asset is credited its prices less their fees, the event
    /// reports the totals per cap, and the licences go to the recipient in order.
    function testFuzz_buyLicences_ChargesSumOfPricesPerCurrency(
        uint256 count,
        uint256 seed,
        uint256 extraEth,
        bool ethCapFirst
    ) public {
        Order memory order = _order(count, seed, ethCapFirst);
        extraEth = order.totals[ETH_INDEX] == 0 ? 0 : bound(extraEth, 0, MAX_EXTRA_ETH);
        _fundBuyer(order, extraEth);

        vm.recordLogs();
        vm.prank(BUYER);
        uint256 firstId = licensing.buyLicences{value: order.totals[ETH_INDEX] + extraEth}(
            order.assetIds,
            KIND,
            order.versions,
            RECIPIENT,
            order.caps,
            block.timestamp
        );

        assertEq(firstId, 1, "first licence id != 1");
        assertEq(BUYER.balance, extraEth, "ETH refunded != ETH sent beyond the ETH total");
        assertEq(erc20.balanceOf(BUYER), 0, "ERC-20 charged != sum of ERC-20 prices");
        assertEq(address(protocol).balance, order.totals[ETH_INDEX], "protocol received != sum of ETH prices");
        assertEq(erc20.balanceOf(address(protocol)), order.totals[ERC20_INDEX], "protocol received != ERC-20 sum");
        assertEq(address(licensing).balance, 0, "licensing contract kept ETH");
        assertEq(erc20.balanceOf(address(licensing)), 0, "licensing contract kept ERC-20");
        _assertBulkLicensedEvent(order, vm.getRecordedLogs());
        _assertCredited(order);
        _assertLicences(order, firstId);
    }

    /// @notice With one currency's cap 1 below its total (the other exact, in either order), the
    /// purchase reverts with `PriceAboveMaximum(total, total - 1)` and charges nothing.
    function testFuzz_buyLicences_RevertsWhenACapIsOneBelowTotal(
        uint256 count,
        uint256 seed,
        bool ethCapFirst,
        bool lowerEthCap
    ) public {
        Order memory order = _order(count, seed, ethCapFirst);
        // The first asset's price is never zero, so at least one total is not either.
        uint256 index = lowerEthCap ? ETH_INDEX : ERC20_INDEX;
        if (order.totals[index] == 0) index = 1 - index;
        uint256 total = order.totals[index];
        uint256 capPosition = (index == ETH_INDEX) == ethCapFirst ? 0 : 1;
        order.caps[capPosition].amount = total - 1;
        _fundBuyer(order, 0);

        vm.prank(BUYER);
        vm.expectRevert(abi.encodeWithSelector(ILicensing.PriceAboveMaximum.selector, total, total - 1));
        licensing.buyLicences{value: order.totals[ETH_INDEX]}(
            order.assetIds,
            KIND,
            order.versions,
            RECIPIENT,
            order.caps,
            block.timestamp
        );

        assertEq(BUYER.balance, order.totals[ETH_INDEX], "ETH charged by a refused purchase");
        assertEq(erc20.balanceOf(BUYER), order.totals[ERC20_INDEX], "ERC-20 charged by a refused purchase");
        assertEq(licensing.totalLicences(), 0, "licences issued by a refused purchase");
    }

    /// @dev 1-50 random assets (repeats allowed); each asset's owner publishes terms at a random
    /// price (zero one time in four, except for the first asset) in a random currency. Caps are the
    /// exact totals, ETH first or not.
    function _order(uint256 count, uint256 seed, bool ethCapFirst) private returns (Order memory order) {
        uint256 n = bound(count, 1, ASSETS);
        order.assetIds = new uint256[](n);
        order.versions = new uint32[](n);
        order.prices = new uint256[](n);
        order.currencies = new address[](n);
        for (uint256 i; i < n; ++i) {
            uint256 assetId = 1 + (uint256(keccak256(abi.encode(seed, i))) % ASSETS);
            if (licensing.latestTermsVersion(assetId, KIND) == 0) _publishRandomTerms(assetId, seed, i == 0);
            (order.currencies[i], order.prices[i]) = _termsOf(assetId);
            order.assetIds[i] = assetId;
            order.versions[i] = licensing.latestTermsVersion(assetId, KIND);
            order.totals[_index(order.currencies[i])] += order.prices[i];
        }
        order.caps = new CurrencyAmount[](2);
        (uint256 eth, uint256 token) = ethCapFirst ? (0, 1) : (1, 0);
        order.caps[eth] = CurrencyAmount({currency: address(0), amount: order.totals[ETH_INDEX]});
        order.caps[token] = CurrencyAmount({currency: address(erc20), amount: order.totals[ERC20_INDEX]});
    }

    function _publishRandomTerms(uint256 assetId, uint256 seed, bool nonZero) private {
        uint256 r = uint256(keccak256(abi.encode(seed, "terms", assetId)));
        address currency = r % 2 == 0 ? address(0) : address(erc20);
        uint256 price = (r >> 1) % 4 == 0 && !nonZero ? 0 : 1 + ((r >> 8) % MAX_PRICE);
        vm.prank(protocol.ownerOf(assetId));
        licensing.setTerms(assetId, KIND, Assets.allowedTerms(currency, uint128(price), 0));
    }

    function _termsOf(uint256 assetId) private view returns (address currency, uint256 price) {
        Terms memory terms = licensing.getTerms(assetId, KIND, licensing.latestTermsVersion(assetId, KIND));
        return (terms.currency, terms.price);
    }

    /// @dev Sets the buyer's balances to exactly the order's totals (and the extra ETH), approving
    /// the protocol, which takes the payments, for exactly the ERC-20 total.
    function _fundBuyer(Order memory order, uint256 extraEth) private {
        vm.deal(BUYER, order.totals[ETH_INDEX] + extraEth);
        erc20.mint(BUYER, order.totals[ERC20_INDEX]);
        vm.prank(BUYER);
        erc20.approve(address(protocol), order.totals[ERC20_INDEX]);
    }

    /// @dev `BulkLicensed` lists the caps' currencies in the buyer's order with each one's total.
    function _assertBulkLicensedEvent(Order memory order, Vm.Log[] memory logs) private view {
        uint256 found;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(licensing) || logs[i].topics[0] != ILicensing.BulkLicensed.selector)
                continue;
            ++found;
            (, uint256 firstId, uint256 count, address[] memory currencies, uint256[] memory totals) = abi.decode(
                logs[i].data,
                (UseKind, uint256, uint256, address[], uint256[])
            );
            assertEq(firstId, 1, "BulkLicensed: first licence id");
            assertEq(count, order.assetIds.length, "BulkLicensed: count != assets");
            assertEq(currencies.length, order.caps.length, "BulkLicensed: currencies != caps");
            for (uint256 c; c < currencies.length; ++c) {
                assertEq(currencies[c], order.caps[c].currency, "BulkLicensed: currency order != caps");
                assertEq(totals[c], order.totals[_index(currencies[c])], "BulkLicensed: total != sum of prices");
            }
        }
        assertEq(found, 1, "BulkLicensed events != 1");
    }

    /// @dev Each asset (an original) can collect exactly its prices less the fee on each, and the
    /// protocol accrued exactly those fees. The protocol charges each currency's payments in the
    /// order of the purchase, each the rise of floor(lifetime paid * fee / BPS), so a currency's
    /// fees add up to exactly floor(its total * fee / BPS) (nothing was paid before).
    function _assertCredited(Order memory order) private view {
        uint256[2] memory paid;
        uint256[] memory credited = new uint256[](ASSETS + 1);
        for (uint256 i; i < order.assetIds.length; ++i) {
            uint256 index = _index(order.currencies[i]);
            uint256 fee = ((paid[index] + order.prices[i]) * FEE_BPS) / BPS - (paid[index] * FEE_BPS) / BPS;
            paid[index] += order.prices[i];
            credited[order.assetIds[i]] += order.prices[i] - fee;
        }
        for (uint256 i; i < order.assetIds.length; ++i) {
            uint256 assetId = order.assetIds[i];
            uint256 collectable = protocol.collectableBalance(assetId, order.currencies[i]);
            assertEq(collectable, credited[assetId], "asset credited != its prices less fees");
        }
        address[2] memory currencies = [address(0), address(erc20)];
        for (uint256 c; c < currencies.length; ++c) {
            (uint256 fees, uint256 grossRemainder) = protocol.accruedFees(currencies[c]);
            assertEq(fees, (order.totals[c] * FEE_BPS) / BPS, "fees != floor(currency total * fee)");
            assertEq(grossRemainder, order.totals[c] % BPS, "fee remainder != currency total % BPS");
        }
    }

    function _assertLicences(Order memory order, uint256 firstId) private view {
        assertEq(licensing.totalLicences(), order.assetIds.length, "licences issued != assets");
        for (uint256 i; i < order.assetIds.length; ++i) {
            Licence memory licence = licensing.getLicence(firstId + i);
            assertEq(licence.assetId, order.assetIds[i], "licence i is not for asset i");
            assertEq(licence.holder, RECIPIENT, "licence not held by the recipient");
            assertEq(uint256(licence.kind), uint256(KIND), "licence kind != purchased kind");
        }
    }

    function _index(address currency) private pure returns (uint256) {
        return currency == address(0) ? ETH_INDEX : ERC20_INDEX;
    }
}
