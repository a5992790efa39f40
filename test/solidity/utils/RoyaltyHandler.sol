// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRevenueManagers} from "../../../contracts/interfaces/IRevenueManagers.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {LicensingModel} from "./LicensingModel.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {VM} from "./Vm.sol";

/// @notice Handler of the protocol's money: direct payments (one or many per call, tiny or large),
/// splits, claims, fee withdrawals, fee changes, NFT transfers and pauses. Every fee, split and
/// claim is checked against the model as it happens, and every `Split` event must be a split the
/// model made.
contract RoyaltyHandler is HandlerBase {
    uint256 private constant MAX_PAYMENT = 1e30;
    uint256 private constant TINY_PAYMENT = 20;

    /// @notice Claims that reverted while paused.
    uint256 public pausedClaimFailures;
    /// @notice Claims by a transfer operator (not a revenue manager) that did not fail with exactly
    /// `NotAssetOwnerOrManager`, or moved a balance.
    uint256 public operatorClaimsAccepted;

    /// @param protocol_ The protocol under test; `admin_` must own it and `erc20_` be allowed.
    /// @param royaltyModel_ The model of the protocol's books, shared by all handlers.
    /// @param licensingModel_ The model of the licensing contract, shared by all handlers.
    constructor(
        RemixProtocol protocol_,
        MockERC20 erc20_,
        address admin_,
        ProtocolModel royaltyModel_,
        LicensingModel licensingModel_
    ) HandlerBase(protocol_, erc20_, admin_, royaltyModel_, licensingModel_) {}

    /// @notice Pays a random asset in ETH or the ERC-20.
    function pay(uint256 assetSeed, uint256 tokenSeed, uint256 payerSeed, uint256 amount) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address token = _token(tokenSeed);
        address payer = _actor(payerSeed);
        amount = 1 + (amount % MAX_PAYMENT);
        uint256 value = token == address(0) ? amount : 0;
        _fund(payer, token, amount);
        if (protocol.paused()) {
            _expectPaused(address(protocol), payer, value, abi.encodeCall(protocol.pay, (assetId, token, amount)));
            return;
        }

        (uint256 feesBefore, ) = protocol.accruedFees(token);
        VM.prank(payer);
        protocol.pay{value: value}(assetId, token, amount);

        uint256 fee = royaltyModel.recordPayment(assetId, token, amount);
        (uint256 feesAfter, ) = protocol.accruedFees(token);
        require(feesAfter - feesBefore == fee, "pay: fee differs from model");
    }

    /// @notice Pays 1-4 random assets (repeats allowed) in one token with one `payMany`: each
    /// payment is charged its fee in turn, as if paid alone in that order.
    function payMany(
        uint256[4] calldata assetSeeds,
        uint256[4] calldata amountSeeds,
        uint256 count,
        uint256 tokenSeed,
        uint256 payerSeed
    ) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256[] memory assetIds = new uint256[](1 + (count % assetSeeds.length));
        uint256[] memory amounts = new uint256[](assetIds.length);
        address token = _token(tokenSeed);
        uint256 sum;
        for (uint256 i; i < assetIds.length; ++i) {
            assetIds[i] = 1 + (assetSeeds[i] % total);
            // Tiny payments one time in two, where rounding the fee on each would lose it all.
            amounts[i] = 1 + (amountSeeds[i] % (amountSeeds[i] % 2 == 0 ? TINY_PAYMENT : MAX_PAYMENT));
            sum += amounts[i];
        }
        address payer = _actor(payerSeed);
        uint256 value = token == address(0) ? sum : 0;
        _fund(payer, token, sum);
        if (protocol.paused()) {
            _expectPaused(
                address(protocol),
                payer,
                value,
                abi.encodeCall(protocol.payMany, (token, assetIds, amounts))
            );
            return;
        }

        (uint256 feesBefore, ) = protocol.accruedFees(token);
        VM.prank(payer);
        protocol.payMany{value: value}(token, assetIds, amounts);

        uint256 fees;
        for (uint256 i; i < assetIds.length; ++i) {
            fees += royaltyModel.recordPayment(assetIds[i], token, amounts[i]);
        }
        (uint256 feesAfter, ) = protocol.accruedFees(token);
        require(feesAfter - feesBefore == fees, "payMany: fees differ from model");
    }

    /// @notice Splits a random asset in one token.
    function split(uint256 assetSeed, uint256 tokenSeed) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address token = _token(tokenSeed);
        VM.recordLogs();
        uint256 forwarded = protocol.split(assetId, token);
        require(forwarded == royaltyModel.recordSplit(assetId, token), "split: forwarded differs from model");
        _observeSplits();
    }

    /// @notice Splits 1-4 random assets (repeats allowed) in both tokens with one call.
    function splitMany(uint256[4] calldata assetSeeds, uint256 count) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256[] memory assetIds = new uint256[](1 + (count % assetSeeds.length));
        for (uint256 i; i < assetIds.length; ++i) {
            assetIds[i] = 1 + (assetSeeds[i] % total);
        }
        address[] memory tokens = _tokens();
        VM.recordLogs();
        protocol.splitMany(assetIds, tokens);
        for (uint256 i; i < assetIds.length; ++i) {
            for (uint256 j; j < tokens.length; ++j) {
                royaltyModel.recordSplit(assetIds[i], tokens[j]);
            }
        }
        _observeSplits();
    }

    /// @notice Claims a random asset as its owner, or as an actor the owner names its revenue
    /// manager first.
    function claim(uint256 assetSeed, uint256 tokenSeed, uint256 recipientSeed, bool viaManager) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address owner = protocol.ownerOf(assetId);
        address caller = owner;
        if (viaManager) {
            caller = _actor(recipientSeed >> 8);
            VM.prank(owner);
            protocol.setRevenueManager(assetId, caller);
        }
        require(_claim(caller, assetId, _token(tokenSeed), _actor(recipientSeed)), "claim reverted");
    }

    /// @notice Claims up to 4 assets of one actor (listing the first twice) in both tokens (listing
    /// ETH twice): repeats must pay nothing more.
    function claimMany(uint256 actorSeed, uint256 recipientSeed, uint256 startSeed) external {
        address caller = _actor(actorSeed);
        uint256[] memory assetIds = _assetsOwnedBy(caller, startSeed);
        if (assetIds.length == 0) return;
        address[] memory tokens = new address[](3);
        (tokens[0], tokens[1], tokens[2]) = (address(0), address(erc20), address(0));
        address recipient = _actor(recipientSeed);

        uint256[] memory expected = new uint256[](tokens.length);
        for (uint256 j; j < tokens.length; ++j) {
            for (uint256 i; i < assetIds.length; ++i) {
                expected[j] += royaltyModel.recordClaim(assetIds[i], tokens[j]);
            }
        }
        uint256 ethBefore = recipient.balance;
        uint256 erc20Before = erc20.balanceOf(recipient);

        VM.recordLogs();
        VM.prank(caller);
        uint256[] memory amounts = protocol.claimMany(assetIds, tokens, recipient);
        _observeSplits();

        for (uint256 j; j < tokens.length; ++j) {
            require(amounts[j] == expected[j], "claimMany: amount differs from model");
        }
        require(recipient.balance - ethBefore == expected[0] + expected[2], "claimMany: ETH received differs");
        require(erc20.balanceOf(recipient) - erc20Before == expected[1], "claimMany: ERC-20 received differs");
    }

    /// @notice The owner of a random asset approves a random actor to transfer it (for one asset or
    /// all), as a marketplace listing; unless that actor manages the asset's revenue, its claim of
    /// the asset must fail with `NotAssetOwnerOrManager`, paying nothing.
    function claimAsTransferOperator(uint256 assetSeed, uint256 tokenSeed, uint256 operatorSeed, bool forAll) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address owner = protocol.ownerOf(assetId);
        address operator = _actor(operatorSeed);
        if (protocol.isOwnerOrManager(assetId, operator)) return;
        VM.prank(owner);
        if (forAll) protocol.setApprovalForAll(operator, true);
        else protocol.approve(operator, assetId);
        address token = _token(tokenSeed);
        uint256 before = protocol.collectableBalance(assetId, token);
        VM.prank(operator);
        try protocol.claim(assetId, token, operator) {
            ++operatorClaimsAccepted;
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(
                IRevenueManagers.NotAssetOwnerOrManager.selector,
                assetId,
                operator
            );
            if (keccak256(reason) != keccak256(expected)) ++operatorClaimsAccepted;
        }
        if (protocol.collectableBalance(assetId, token) != before) ++operatorClaimsAccepted;
    }

    /// @notice Withdraws protocol fees in one token; anyone may.
    function withdrawFees(uint256 tokenSeed, uint256 callerSeed) external {
        address token = _token(tokenSeed);
        address treasury = protocol.treasury();
        uint256 before = _balance(token, treasury);
        VM.prank(_actor(callerSeed));
        uint256 amount = protocol.withdrawFees(token);
        require(amount == royaltyModel.recordFeeWithdrawal(token), "withdrawFees: amount differs from model");
        require(_balance(token, treasury) - before == amount, "withdrawFees: treasury received differs");
    }

    /// @notice Announces a random fee up to the maximum, as the owner; it is in force after the
    /// protocol's notice, and payments until then keep the fee in force.
    function setFee(uint256 feeSeed) external {
        uint16 newFeeBps = uint16(feeSeed % (uint256(protocol.MAX_FEE_BPS()) + 1));
        VM.prank(admin);
        protocol.setFee(newFeeBps);
        royaltyModel.recordFeeScheduled(newFeeBps, block.timestamp + protocol.FEE_DELAY());
    }

    /// @notice Lets up to three days pass, so announced fees come into force at random points
    /// between payments.
    function passTime(uint256 secondsSeed) external {
        VM.warp(block.timestamp + (secondsSeed % 3 days));
    }

    /// @notice Transfers a random asset to a random actor: its balances follow the NFT.
    function transferAsset(uint256 assetSeed, uint256 toSeed) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address from = protocol.ownerOf(assetId);
        VM.prank(from);
        protocol.transferFrom(from, _actor(toSeed), assetId);
    }

    /// @notice Pauses (if not yet paused) and claims a random asset: claims must keep working.
    /// Stays paused one time in four, so later actions also run while paused (until `resume`).
    function pauseThenClaim(uint256 assetSeed, uint256 tokenSeed, uint256 recipientSeed, uint256 pauseSeed) external {
        if (!protocol.paused()) _setPaused(true);
        uint256 total = protocol.totalAssets();
        if (total != 0) {
            uint256 assetId = 1 + (assetSeed % total);
            address owner = protocol.ownerOf(assetId);
            if (!_claim(owner, assetId, _token(tokenSeed), _actor(recipientSeed))) ++pausedClaimFailures;
        }
        if (pauseSeed % 4 != 0) _setPaused(false);
    }

    /// @notice Resumes registrations and payments if paused.
    function resume() external {
        if (protocol.paused()) _setPaused(false);
    }

    /// @notice Splits every asset children-first (a parent's id is always below its children's, so
    /// one pass in descending id order moves everything up as far as it is covered), claims
    /// everything to the owners and withdraws the fees: afterwards the protocol holds only what
    /// remixes hold against gross that stays pending. A claim splits first, but finds nothing more
    /// to forward: what an asset holds has not changed since its split, which forwarded all it could.
    function settleEverything() external {
        address[] memory tokens = _tokens();
        VM.recordLogs();
        for (uint256 assetId = protocol.totalAssets(); assetId >= 1; --assetId) {
            for (uint256 j; j < tokens.length; ++j) {
                require(
                    protocol.split(assetId, tokens[j]) == royaltyModel.recordSplit(assetId, tokens[j]),
                    "settle: forwarded differs"
                );
            }
        }
        _observeSplits();
        for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
            address owner = protocol.ownerOf(assetId);
            for (uint256 j; j < tokens.length; ++j) {
                require(_claim(owner, assetId, tokens[j], owner), "settle: claim reverted");
            }
        }
        for (uint256 j; j < tokens.length; ++j) {
            this.withdrawFees(j, 0);
        }
    }

    /* INTERNAL */

    /// @dev Claims as `caller` and checks the amount and what `recipient` received against the
    /// model; returns false (leaving the model untouched) if the claim reverted.
    function _claim(address caller, uint256 assetId, address token, address recipient) private returns (bool) {
        uint256 expected = royaltyModel.collectable(assetId, token);
        uint256 before = _balance(token, recipient);
        VM.recordLogs();
        VM.prank(caller);
        try protocol.claim(assetId, token, recipient) returns (uint256 amount) {
            require(amount == expected, "claim: amount differs from model");
            require(_balance(token, recipient) - before == amount, "claim: received differs");
            require(royaltyModel.recordClaim(assetId, token) == amount, "claim: model's claim differs");
            _observeSplits();
            return true;
        } catch {
            _observeSplits();
            return false;
        }
    }

    /// @dev Hands the events recorded since `recordLogs` to the model, which requires its splits
    /// since the last call to be exactly the contract's `Split` events.
    function _observeSplits() private {
        royaltyModel.observeSplits(VM.getRecordedLogs(), address(protocol));
    }

    function _assetsOwnedBy(address owner, uint256 startSeed) private view returns (uint256[] memory assetIds) {
        uint256 total = protocol.totalAssets();
        assetIds = new uint256[](5);
        uint256 count;
        for (uint256 k; k < total && count < 4; ++k) {
            uint256 assetId = 1 + (((startSeed % total) + k) % total);
            if (protocol.ownerOf(assetId) == owner) assetIds[count++] = assetId;
        }
        if (count == 0) return new uint256[](0);
        assetIds[count++] = assetIds[0];
        assembly ("memory-safe") {
            mstore(assetIds, count)
        }
    }

    function _fund(address payer, address token, uint256 amount) private {
        if (token == address(0)) {
            VM.deal(payer, payer.balance + amount);
        } else {
            erc20.mint(payer, amount);
            VM.prank(payer);
            erc20.approve(address(protocol), amount);
        }
    }
}
