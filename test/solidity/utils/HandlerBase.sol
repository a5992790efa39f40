// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILicensing, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {IProtocolAdmin} from "../../../contracts/interfaces/IProtocolAdmin.sol";
import {RoyaltyMath} from "../../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {LicensingModel} from "./LicensingModel.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {VM} from "./Vm.sol";

/// @notice What every handler shares: the contracts under test, the two models, a few actors, the
/// two payment tokens, and calls to the licensing contract that check what they charged. Each
/// action checks the protocol's answers against the models and reverts on any difference, which
/// fails the campaign (the invariant tests run with `failOnRevert`); the invariants compare the rest.
abstract contract HandlerBase {
    uint256 public constant MAX_ASSETS = 40;
    uint256 internal constant ACTORS = 4;
    uint256 internal constant ETH_INDEX = 0;
    uint256 internal constant ERC20_INDEX = 1;
    uint256 internal constant BPS = RoyaltyMath.BPS;
    uint256 private constant MAX_EXTRA_ETH = 1 ether;

    RemixProtocol public immutable protocol;
    ILicensing public immutable licensing;
    MockERC20 public immutable erc20;
    address public immutable admin;
    ProtocolModel public immutable royaltyModel;
    LicensingModel public immutable licensingModel;

    /// @notice Registrations, payments or purchases that did not revert with `ProtocolPaused` while
    /// paused.
    uint256 public pausedWritesAccepted;

    /// @param protocol_ The protocol under test; `admin_` must own it and `erc20_` be allowed.
    /// @param royaltyModel_ The model of the protocol's books, shared by all handlers.
    /// @param licensingModel_ The model of the licensing contract, shared by all handlers.
    constructor(
        RemixProtocol protocol_,
        MockERC20 erc20_,
        address admin_,
        ProtocolModel royaltyModel_,
        LicensingModel licensingModel_
    ) {
        protocol = protocol_;
        licensing = ILicensing(protocol_.LICENSING());
        erc20 = erc20_;
        admin = admin_;
        royaltyModel = royaltyModel_;
        licensingModel = licensingModel_;
    }

    /// @notice ETH and the ERC-20, the two tokens the handlers pay in.
    function paymentTokens() external view returns (address[] memory) {
        return _tokens();
    }

    /// @notice The actors that register, buy, pay, claim and hold licences.
    function actors() external pure returns (address[] memory list) {
        list = new address[](ACTORS);
        for (uint256 i; i < ACTORS; ++i) {
            list[i] = _actor(i);
        }
    }

    /* LICENSING CALLS */

    /// @dev Calls `target` as `buyer`, sending `bill[ETH_INDEX] + extraEth` wei, after funding the
    /// buyer with exactly that (and approving exactly the ERC-20 part). Checks the buyer paid exactly
    /// the bill in each currency (so any extra ETH came back), and hands the events and what the
    /// protocol received to the licensing model. Bubbles up any revert.
    function _callLicensing(
        address target,
        address buyer,
        uint256[2] memory bill,
        uint256 extraEth,
        bytes memory callData
    ) internal returns (bytes memory result) {
        _fundBill(buyer, bill, extraEth);
        uint256[2] memory buyerBefore = [buyer.balance, erc20.balanceOf(buyer)];
        uint256[2] memory engineBefore = [address(protocol).balance, erc20.balanceOf(address(protocol))];

        VM.recordLogs();
        VM.prank(buyer);
        bool ok;
        (ok, result) = target.call{value: bill[ETH_INDEX] + extraEth}(callData);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        licensingModel.observe(VM.getRecordedLogs(), buyer);

        require(buyer.balance + bill[ETH_INDEX] == buyerBefore[ETH_INDEX], "licensing: ETH charged != model");
        require(
            erc20.balanceOf(buyer) + bill[ERC20_INDEX] == buyerBefore[ERC20_INDEX],
            "licensing: ERC-20 charged != model"
        );
        licensingModel.recordReceived(address(0), address(protocol).balance - engineBefore[ETH_INDEX]);
        licensingModel.recordReceived(address(erc20), erc20.balanceOf(address(protocol)) - engineBefore[ERC20_INDEX]);
    }

    /// @dev Records in both models one `kind` licence token of `assetId` sold now to `holder`: the
    /// licence, and its price paid into the asset's tree. Returns its id and what it charges.
    function _modelLicenceSale(
        address holder,
        uint256 assetId,
        UseKind kind
    ) internal returns (uint256 licenceId, address currency, uint256 price) {
        (licenceId, currency, price) = licensingModel.recordIssue(holder, assetId, kind);
        if (price != 0) royaltyModel.recordPayment(assetId, currency, price);
    }

    /// @dev Records in both models the remix licence of `parentId` that the next
    /// `registerRemixWithLicences` buys and uses at once: no licence token, its price paid into the
    /// parent's tree.
    function _modelRegistrationPurchase(uint256 parentId) internal {
        (address currency, uint256 price) = licensingModel.recordRegistrationPurchase(parentId);
        if (price != 0) royaltyModel.recordPayment(parentId, currency, price);
    }

    /// @dev Gives `buyer` the ETH and ERC-20 of `bill` (plus `extraEth`) and approves the protocol,
    /// which takes licence payments from the buyer, for exactly the ERC-20 part.
    function _fundBill(address buyer, uint256[2] memory bill, uint256 extraEth) internal {
        if (bill[ETH_INDEX] + extraEth != 0) VM.deal(buyer, buyer.balance + bill[ETH_INDEX] + extraEth);
        if (bill[ERC20_INDEX] != 0) {
            erc20.mint(buyer, bill[ERC20_INDEX]);
            VM.prank(buyer);
            erc20.approve(address(protocol), bill[ERC20_INDEX]);
        }
    }

    /// @dev ETH sent beyond `bill`, which the licensing contract must refund. None when the bill
    /// charges no ETH: ETH sent to a purchase that charges none is refused.
    function _extraEth(uint256[2] memory bill, uint256 seed) internal pure returns (uint256) {
        return bill[ETH_INDEX] == 0 ? 0 : seed % MAX_EXTRA_ETH;
    }

    /* PAUSE AND REVERT CHECKS */

    /// @dev Calls `target` as `from` while paused and records it unless it reverted with exactly
    /// `ProtocolPaused` (the protocol's and the licensing contract's errors share that selector).
    function _expectPaused(address target, address from, uint256 value, bytes memory callData) internal {
        bytes memory paused = abi.encodeWithSelector(IProtocolAdmin.ProtocolPaused.selector);
        if (!_revertsWith(target, from, value, callData, paused)) ++pausedWritesAccepted;
    }

    /// @dev Calls `target` as `from` and requires it to revert with exactly `expected`.
    function _expectRevert(address target, address from, bytes memory callData, bytes memory expected) internal {
        require(_revertsWith(target, from, 0, callData, expected), "call did not revert with the expected error");
    }

    /// @dev Calls `target` as `from`, sending `value`; whether it reverted with exactly `expected`.
    function _revertsWith(
        address target,
        address from,
        uint256 value,
        bytes memory callData,
        bytes memory expected
    ) internal returns (bool) {
        VM.prank(from);
        (bool ok, bytes memory reason) = target.call{value: value}(callData);
        return !ok && keccak256(reason) == keccak256(expected);
    }

    function _setPaused(bool paused) internal {
        VM.prank(admin);
        protocol.setPaused(paused);
    }

    /* HELPERS */

    /// @dev A random existing asset, or 0 if there is none.
    function _randomAsset(uint256 seed) internal view returns (uint256) {
        uint256 total = protocol.totalAssets();
        return total == 0 ? 0 : 1 + (seed % total);
    }

    function _actor(uint256 seed) internal pure returns (address) {
        return address(uint160(0x1000 + 1 + (seed % ACTORS)));
    }

    function _token(uint256 seed) internal view returns (address) {
        return seed % 2 == 0 ? address(0) : address(erc20);
    }

    function _tokenIndex(address token) internal pure returns (uint256) {
        return token == address(0) ? ETH_INDEX : ERC20_INDEX;
    }

    /// @dev A bill of `amount` in `currency` only.
    function _bill(address currency, uint256 amount) internal pure returns (uint256[2] memory bill) {
        bill[_tokenIndex(currency)] = amount;
    }

    function _tokens() internal view returns (address[] memory list) {
        list = new address[](2);
        (list[0], list[1]) = (address(0), address(erc20));
    }

    function _balance(address token, address account) internal view returns (uint256) {
        return token == address(0) ? account.balance : erc20.balanceOf(account);
    }
}
