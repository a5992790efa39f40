// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare, RemixPolicy} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {IProtocolAdmin} from "../../../contracts/interfaces/IProtocolAdmin.sol";
import {RoyaltyMath} from "../../../contracts/libraries/RoyaltyMath.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {Assets} from "./Assets.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {VM} from "./Vm.sol";

/// @notice Drives the protocol with random but valid actions from a few actors, in ETH and one
/// ERC-20, and keeps the model of its books up to date. Each action checks the protocol's answer
/// (amounts returned and received) against the model and reverts on any difference, which fails
/// the campaign (the invariant tests run with `failOnRevert`); the invariants compare the rest.
contract ProtocolHandler is ProtocolModel {
    using Assets for RemixProtocol;

    uint256 public constant MAX_ASSETS = 40;
    uint256 private constant MAX_PAYMENT = 1e30;
    uint256 private constant ACTORS = 4;
    uint256 private constant MAX_MIN_SHARE_BPS = 500;
    uint256 private constant BPS = RoyaltyMath.BPS;

    RemixProtocol public immutable protocol;
    MockERC20 public immutable erc20;
    address public immutable admin;

    /* PAUSE CHECKS */

    /// @notice Registrations or payments that did not revert with `ProtocolPaused` while paused.
    uint256 public pausedWritesAccepted;
    /// @notice Claims that reverted while paused.
    uint256 public pausedClaimFailures;

    /// @param protocol_ The protocol under test; `admin_` must own it and `erc20_` be allowed.
    constructor(RemixProtocol protocol_, MockERC20 erc20_, address admin_) ProtocolModel(protocol_.feeBps()) {
        protocol = protocol_;
        erc20 = erc20_;
        admin = admin_;
    }

    /* ACTIONS */

    /// @notice Registers an original with a random policy (mostly remixable, small minimum share).
    function registerOriginal(uint256 actorSeed, uint256 policySeed) external {
        if (protocol.totalAssets() >= MAX_ASSETS) return;
        RemixPolicy memory policy = _policy(policySeed);
        address creator = _actor(actorSeed);
        if (protocol.paused()) {
            bytes32 contentHash = protocol.nextContentHash();
            _expectPaused(creator, 0, abi.encodeCall(protocol.registerOriginal, (contentHash, Assets.URI, policy)));
            return;
        }
        _modelRegistration(protocol.original(creator, policy), policy, new ParentShare[](0));
    }

    /// @notice Registers a remix of 1-16 distinct random remixable parents, each offered its minimum
    /// share plus a random part of what the fee cap leaves.
    function registerRemix(uint256 actorSeed, uint256 policySeed, uint256 parentSeed, uint256 shareSeed) external {
        uint256 total = protocol.totalAssets();
        if (total == 0 || total >= MAX_ASSETS) return;
        ParentShare[] memory parents = _pickParents(total, parentSeed, shareSeed);
        if (parents.length == 0) return;
        RemixPolicy memory policy = _policy(policySeed);
        address creator = _actor(actorSeed);
        if (protocol.paused()) {
            bytes32 contentHash = protocol.nextContentHash();
            _expectPaused(
                creator,
                0,
                abi.encodeCall(protocol.registerRemix, (contentHash, Assets.URI, policy, parents))
            );
            return;
        }
        _modelRegistration(protocol.remix(creator, policy, parents), policy, parents);
    }

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
            _expectPaused(payer, value, abi.encodeCall(protocol.pay, (assetId, token, amount)));
            return;
        }

        VM.prank(payer);
        protocol.pay{value: value}(assetId, token, amount);

        _modelPayment(assetId, token, amount);
    }

    /// @notice Splits a random asset in one token.
    function split(uint256 assetSeed, uint256 tokenSeed) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address token = _token(tokenSeed);
        uint256 kept = protocol.split(assetId, token);
        require(kept == _modelSplit(assetId, token), "split: kept differs from model");
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
        protocol.splitMany(assetIds, tokens);
        for (uint256 i; i < assetIds.length; ++i) {
            for (uint256 j; j < tokens.length; ++j) {
                _modelSplit(assetIds[i], tokens[j]);
            }
        }
    }

    /// @notice Claims a random asset as its owner, or as an actor the owner approves first.
    function claim(uint256 assetSeed, uint256 tokenSeed, uint256 recipientSeed, bool viaApproval) external {
        uint256 total = protocol.totalAssets();
        if (total == 0) return;
        uint256 assetId = 1 + (assetSeed % total);
        address owner = protocol.ownerOf(assetId);
        address caller = owner;
        if (viaApproval) {
            caller = _actor(recipientSeed >> 8);
            VM.prank(owner);
            protocol.approve(caller, assetId);
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
                expected[j] += _modelClaim(assetIds[i], tokens[j]);
            }
        }
        uint256 ethBefore = recipient.balance;
        uint256 erc20Before = erc20.balanceOf(recipient);

        VM.prank(caller);
        uint256[] memory amounts = protocol.claimMany(assetIds, tokens, recipient);

        for (uint256 j; j < tokens.length; ++j) {
            require(amounts[j] == expected[j], "claimMany: amount differs from model");
        }
        require(recipient.balance - ethBefore == expected[0] + expected[2], "claimMany: ETH received differs");
        require(erc20.balanceOf(recipient) - erc20Before == expected[1], "claimMany: ERC-20 received differs");
    }

    /// @notice Withdraws protocol fees in one token; anyone may.
    function withdrawFees(uint256 tokenSeed, uint256 callerSeed) external {
        address token = _token(tokenSeed);
        address treasury = protocol.treasury();
        uint256 before = _balance(token, treasury);
        VM.prank(_actor(callerSeed));
        uint256 amount = protocol.withdrawFees(token);
        require(amount == _modelFeeWithdrawal(token), "withdrawFees: amount differs from model");
        require(_balance(token, treasury) - before == amount, "withdrawFees: treasury received differs");
    }

    /// @notice Sets a random fee up to the maximum, as the owner.
    function setFee(uint256 feeSeed) external {
        uint16 newFeeBps = uint16(feeSeed % (uint256(protocol.MAX_FEE_BPS()) + 1));
        VM.prank(admin);
        protocol.setFee(newFeeBps);
        expectedFeeBps = newFeeBps;
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
    /// one pass in descending id order moves everything to collectable), claims everything to the
    /// owners and withdraws the fees: afterwards the protocol must hold nothing.
    function settleEverything() external {
        address[] memory tokens = _tokens();
        for (uint256 assetId = protocol.totalAssets(); assetId >= 1; --assetId) {
            for (uint256 j; j < tokens.length; ++j) {
                require(protocol.split(assetId, tokens[j]) == _modelSplit(assetId, tokens[j]), "settle: kept differs");
            }
        }
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

    /* VIEWS */

    /// @notice ETH and the ERC-20, the two tokens the handler pays in.
    function paymentTokens() external view returns (address[] memory) {
        return _tokens();
    }

    /* INTERNAL */

    /// @dev Claims as `caller` and checks the amount and what `recipient` received against the
    /// model; returns false (leaving the model untouched) if the claim reverted.
    function _claim(address caller, uint256 assetId, address token, address recipient) private returns (bool) {
        uint256 expected = _modelCollectable(assetId, token);
        uint256 before = _balance(token, recipient);
        VM.prank(caller);
        try protocol.claim(assetId, token, recipient) returns (uint256 amount) {
            require(amount == expected, "claim: amount differs from model");
            require(_balance(token, recipient) - before == amount, "claim: received differs");
            _modelClaim(assetId, token);
            return true;
        } catch {
            return false;
        }
    }

    function _pickParents(
        uint256 total,
        uint256 parentSeed,
        uint256 shareSeed
    ) private view returns (ParentShare[] memory parents) {
        uint256 limit = BPS - protocol.MAX_FEE_BPS();
        parents = new ParentShare[](1 + ((shareSeed >> 128) % protocol.MAX_PARENTS()));
        uint256 count;
        uint256 minimums;
        // Consecutive ids from a random start are distinct, and their order varies the rounding.
        for (uint256 k; k < total && count < parents.length; ++k) {
            uint256 parentId = 1 + (((parentSeed % total) + k) % total);
            RemixPolicy memory policy = _policies[parentId];
            if (!policy.remixable || minimums + policy.minShareBps > limit) continue;
            parents[count++] = ParentShare({parentId: parentId, shareBps: policy.minShareBps});
            minimums += policy.minShareBps;
        }
        uint256 spare = limit - minimums;
        for (uint256 i; i < count; ++i) {
            uint256 extra = uint256(keccak256(abi.encode(shareSeed, i))) % (spare + 1);
            spare -= extra;
            parents[i].shareBps += uint16(extra);
        }
        assembly ("memory-safe") {
            mstore(parents, count)
        }
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

    /// @dev Calls the protocol as `from` while paused and records it unless it reverted with exactly
    /// `ProtocolPaused`.
    function _expectPaused(address from, uint256 value, bytes memory callData) private {
        VM.prank(from);
        (bool ok, bytes memory reason) = address(protocol).call{value: value}(callData);
        if (ok || bytes4(reason) != IProtocolAdmin.ProtocolPaused.selector) ++pausedWritesAccepted;
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

    function _setPaused(bool paused) private {
        VM.prank(admin);
        protocol.setPaused(paused);
    }

    function _policy(uint256 seed) private pure returns (RemixPolicy memory) {
        return RemixPolicy({remixable: seed % 5 != 0, minShareBps: uint16((seed >> 8) % (MAX_MIN_SHARE_BPS + 1))});
    }

    function _actor(uint256 seed) private pure returns (address) {
        return address(uint160(0x1000 + 1 + (seed % ACTORS)));
    }

    function _token(uint256 seed) private view returns (address) {
        return seed % 2 == 0 ? address(0) : address(erc20);
    }

    function _tokens() private view returns (address[] memory list) {
        list = new address[](2);
        (list[0], list[1]) = (address(0), address(erc20));
    }

    function _balance(address token, address account) private view returns (uint256) {
        return token == address(0) ? account.balance : erc20.balanceOf(account);
    }
}
