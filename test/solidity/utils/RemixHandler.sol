// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {
    CurrencyAmount,
    ILicensing,
    Licence,
    ParentLicence,
    UseKind
} from "../../../contracts/interfaces/ILicensing.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {Assets} from "./Assets.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {LicensingBase} from "./LicensingBase.sol";
import {LicensingModel} from "./LicensingModel.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {VM} from "./Vm.sol";

/// @notice Handler of registrations. Every remix is licensed once per parent: by a remix licence
/// token its creator holds, which it consumes, or by a licence bought in the registration and used
/// at once (recorded by `RemixLicensed`, no token minted); either way the price is paid into the
/// parent's tree. Each new asset's owner then publishes random terms for every use of it.
contract RemixHandler is LicensingBase {
    using Assets for RemixProtocol;

    /// @dev A remix to register: per parent, the creator's licence (0: buy it in the call) and the
    /// most the creator accepts to pay for it, in which currency; and what the bought licences cost
    /// per currency.
    struct RemixPlan {
        ParentShare[] parents;
        uint256[] licenceIds;
        CurrencyAmount[] maxPrices;
        uint256[2] bill;
    }

    /// @notice Attempts to reuse a consumed licence that did not revert with exactly `LicenceNotUsable`.
    uint256 public consumedReusesAccepted;
    /// @notice Remixes given licence 0 (which stands for a licence bought in the registering call)
    /// directly to the protocol that did not revert with exactly `LicenceNotUsable(0, ...)`.
    uint256 public unlicensedRemixesAccepted;

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

    /// @notice Registers an original; its owner publishes random terms for every use of it.
    function registerOriginal(uint256 actorSeed, uint256 termsSeed) external {
        if (protocol.totalAssets() >= MAX_ASSETS) return;
        address creator = _actor(actorSeed);
        if (protocol.paused()) {
            bytes32 contentHash = protocol.nextContentHash();
            bytes memory callData = abi.encodeCall(protocol.registerOriginal, (contentHash, Assets.URI));
            _expectPaused(address(protocol), creator, 0, callData);
            return;
        }
        uint256 assetId = protocol.original(creator);
        royaltyModel.recordRegistration(assetId, new ParentShare[](0));
        _publishAllTerms(creator, assetId, termsSeed);
    }

    /// @notice Registers a remix of 1-16 distinct random parents, each offered the minimum share of
    /// the licence used plus a random part of what the fee cap leaves. The licence for a parent is
    /// one the creator holds (three times in four, if it holds one) or one bought in the registration; with
    /// `direct`, those are bought one by one first and the remix is registered with the protocol.
    function registerRemix(
        uint256 actorSeed,
        uint256 termsSeed,
        uint256 parentSeed,
        uint256 shareSeed,
        uint256 heldSeed,
        bool direct
    ) external {
        uint256 total = protocol.totalAssets();
        if (total == 0 || total >= MAX_ASSETS) return;
        address creator = _actor(actorSeed);
        RemixPlan memory plan = _planRemix(creator, total, parentSeed, shareSeed, heldSeed);
        if (plan.parents.length == 0) return;
        if (protocol.paused()) {
            _expectRemixPaused(creator, plan, direct);
            return;
        }

        uint256 remixId = _registerRemix(creator, plan, direct, shareSeed);
        require(remixId == total + 1, "registerRemix: id != next id");
        _publishAllTerms(creator, remixId, termsSeed);
    }

    /// @notice An actor buys a remix licence of a random asset for itself, to register a remix later.
    function buyRemixLicence(uint256 actorSeed, uint256 assetSeed, uint256 extraSeed) external {
        uint256 assetId = _randomAsset(assetSeed);
        if (assetId == 0) return;
        address creator = _actor(actorSeed);
        _tryBuyLicence(creator, creator, assetId, UseKind.Remix, extraSeed);
    }

    /// @notice The holder of a random consumed licence tries to register another remix with it,
    /// directly and through the licensing contract: both must revert with `LicenceNotUsable`.
    function reuseConsumedLicence(uint256 seed) external {
        uint256[] memory consumed = licensingModel.consumedLicences();
        if (consumed.length == 0 || protocol.paused()) return;
        uint256 licenceId = consumed[seed % consumed.length];
        Licence memory licence = licensingModel.issuedLicence(licenceId);
        ParentShare[] memory parents = new ParentShare[](1);
        parents[0] = ParentShare({parentId: licence.assetId, shareBps: licence.minShareBps});
        uint256[] memory ids = new uint256[](1);
        ids[0] = licenceId;
        bytes32 contentHash = protocol.nextContentHash();
        bytes memory expected = abi.encodeWithSelector(
            ILicensing.LicenceNotUsable.selector,
            licenceId,
            licence.holder,
            uint256(licence.assetId)
        );

        bytes[2] memory calls = [
            abi.encodeCall(protocol.registerRemix, (contentHash, Assets.URI, parents, ids)),
            abi.encodeCall(
                licensing.registerRemixWithLicences,
                (contentHash, Assets.URI, parents, _heldLicences(ids), 0, block.timestamp)
            )
        ];
        address[2] memory targets = [address(protocol), address(licensing)];
        for (uint256 i; i < calls.length; ++i) {
            VM.prank(licence.holder);
            (bool ok, bytes memory reason) = targets[i].call(calls[i]);
            if (ok || keccak256(reason) != keccak256(expected)) ++consumedReusesAccepted;
        }
    }

    /// @notice An actor registers a remix of a random asset with the protocol itself, giving licence
    /// 0 (what `registerRemixWithLicences` passes for a licence it has just bought): outside that
    /// call it licenses nothing, so the registration must revert with `LicenceNotUsable(0, ...)`.
    function registerWithLicenceZero(uint256 actorSeed, uint256 parentSeed) external {
        uint256 parentId = _randomAsset(parentSeed);
        if (parentId == 0 || protocol.paused()) return;
        address creator = _actor(actorSeed);
        ParentShare[] memory parents = new ParentShare[](1);
        parents[0] = ParentShare({
            parentId: parentId,
            shareBps: licensingModel.published(parentId, UseKind.Remix).minShareBps
        });
        bytes memory callData = abi.encodeCall(
            protocol.registerRemix,
            (protocol.nextContentHash(), Assets.URI, parents, new uint256[](1))
        );
        bytes memory expected = abi.encodeWithSelector(ILicensing.LicenceNotUsable.selector, 0, creator, parentId);
        if (!_revertsWith(address(protocol), creator, 0, callData, expected)) ++unlicensedRemixesAccepted;
    }

    /* INTERNAL */

    /// @dev Registers the planned remix (see `registerRemix`) and updates the models.
    function _registerRemix(
        address creator,
        RemixPlan memory plan,
        bool direct,
        uint256 extraSeed
    ) private returns (uint256 remixId) {
        uint256 firstNewLicence = licensingModel.licenceCount() + 1;
        uint256[] memory used = direct ? _buyMissing(creator, plan, extraSeed) : _modelBuyMissing(plan);
        bytes memory result =
            direct
                ? _callLicensing(
                    address(protocol),
                    creator,
                    [uint256(0), 0],
                    0,
                    abi.encodeCall(protocol.registerRemix, (protocol.nextContentHash(), Assets.URI, plan.parents, used))
                )
                : _callLicensing(
                    address(licensing),
                    creator,
                    plan.bill,
                    _extraEth(plan.bill, extraSeed),
                    _registerWithLicencesCall(plan)
                );
        remixId = abi.decode(result, (uint256));
        licensingModel.recordConsumption(creator, remixId, plan.parents, used);
        royaltyModel.recordRegistration(remixId, plan.parents);
        licensingModel.checkIssuedSince(firstNewLicence);
    }

    /// @dev While paused, the planned remix is refused with `ProtocolPaused`, also when every licence
    /// it needs is free: by the protocol itself with `direct`, else through the licensing contract.
    function _expectRemixPaused(address creator, RemixPlan memory plan, bool direct) private {
        if (direct) {
            bytes memory callData = abi.encodeCall(
                protocol.registerRemix,
                (protocol.nextContentHash(), Assets.URI, plan.parents, plan.licenceIds)
            );
            _expectPaused(address(protocol), creator, 0, callData);
            return;
        }
        _fundBill(creator, plan.bill, 0);
        _expectPaused(address(licensing), creator, plan.bill[ETH_INDEX], _registerWithLicencesCall(plan));
    }

    function _registerWithLicencesCall(RemixPlan memory plan) private view returns (bytes memory) {
        ParentLicence[] memory licences = new ParentLicence[](plan.parents.length);
        for (uint256 i; i < licences.length; ++i) {
            licences[i] = ParentLicence({
                licenceId: plan.licenceIds[i],
                termsVersion: licensingModel.published(plan.parents[i].parentId, UseKind.Remix).version,
                maxPrice: plan.maxPrices[i]
            });
        }
        return
            abi.encodeCall(
                licensing.registerRemixWithLicences,
                (protocol.nextContentHash(), Assets.URI, plan.parents, licences, 0, block.timestamp)
            );
    }

    /// @dev Licence choices that use the held licences `ids`.
    function _heldLicences(uint256[] memory ids) private pure returns (ParentLicence[] memory licences) {
        licences = new ParentLicence[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            licences[i].licenceId = ids[i];
        }
    }

    /// @dev Models the licences `registerRemixWithLicences` buys for the plan's missing ones (used at
    /// once, no token) and their payments; returns the licence token used for each parent, 0 for
    /// those bought.
    function _modelBuyMissing(RemixPlan memory plan) private returns (uint256[] memory used) {
        used = new uint256[](plan.parents.length);
        for (uint256 i; i < used.length; ++i) {
            used[i] = plan.licenceIds[i];
            if (used[i] == 0) _modelRegistrationPurchase(plan.parents[i].parentId);
        }
    }

    /// @dev Buys the plan's missing licences one by one with `buyLicence`; returns the licence used
    /// for each parent.
    function _buyMissing(
        address creator,
        RemixPlan memory plan,
        uint256 extraSeed
    ) private returns (uint256[] memory used) {
        used = new uint256[](plan.parents.length);
        for (uint256 i; i < used.length; ++i) {
            used[i] = plan.licenceIds[i];
            if (used[i] != 0) continue;
            used[i] = _buyLicence(
                creator,
                creator,
                plan.parents[i].parentId,
                UseKind.Remix,
                plan.maxPrices[i],
                extraSeed
            );
        }
    }

    /// @dev Picks consecutive parents from a random start (so distinct, in varying order) that the
    /// creator may remix: with a licence it holds (preferred three times in four), or
    /// allowed remix terms. Each gets its licence's minimum share, then a random part of the rest.
    function _planRemix(
        address creator,
        uint256 total,
        uint256 parentSeed,
        uint256 shareSeed,
        uint256 heldSeed
    ) private view returns (RemixPlan memory plan) {
        uint256 limit = BPS - protocol.MAX_FEE_BPS();
        uint256 length = 1 + ((shareSeed >> 128) % protocol.MAX_PARENTS());
        plan.parents = new ParentShare[](length);
        plan.licenceIds = new uint256[](length);
        plan.maxPrices = new CurrencyAmount[](length);
        uint256 count;
        uint256 minimums;
        for (uint256 k; k < total && count < length; ++k) {
            uint256 parentId = 1 + (((parentSeed % total) + k) % total);
            (bool usable, uint256 licenceId, uint16 minShareBps) = _remixLicence(
                creator,
                parentId,
                uint256(keccak256(abi.encode(heldSeed, k))) % 4 != 0
            );
            if (!usable || minimums + minShareBps > limit) continue;
            plan.parents[count] = ParentShare({parentId: parentId, shareBps: minShareBps});
            plan.licenceIds[count] = licenceId;
            if (licenceId == 0) _planPurchase(plan, count, uint256(keccak256(abi.encode(parentSeed, k))));
            minimums += minShareBps;
            ++count;
        }
        _shrink(plan, count);
        uint256 spare = limit - minimums;
        for (uint256 i; i < count; ++i) {
            uint256 extra = uint256(keccak256(abi.encode(shareSeed, i))) % (spare + 1);
            spare -= extra;
            plan.parents[i].shareBps += uint16(extra);
        }
    }

    /// @dev Plans buying, in the registration, the remix licence of the plan's `index`th parent: its
    /// price goes on the bill, and its cap (see `_cap`) into the plan.
    function _planPurchase(RemixPlan memory plan, uint256 index, uint256 capSeed) private view {
        LicensingModel.PublishedTerms memory terms = licensingModel.published(
            plan.parents[index].parentId,
            UseKind.Remix
        );
        plan.bill[_tokenIndex(terms.currency)] += terms.price;
        plan.maxPrices[index] = _cap(terms.currency, terms.price, capSeed);
    }

    /// @dev Whether `creator` can get a remix licence for `parentId`, which (0: buy one now), and
    /// the least share that licence requires.
    function _remixLicence(
        address creator,
        uint256 parentId,
        bool preferHeld
    ) private view returns (bool usable, uint256 licenceId, uint16 minShareBps) {
        if (preferHeld) {
            uint256[] memory held = licensingModel.unusedRemixLicenceIds(creator, parentId);
            if (held.length != 0) {
                licenceId = held[held.length - 1];
                return (true, licenceId, licensingModel.issuedLicence(licenceId).minShareBps);
            }
        }
        LicensingModel.PublishedTerms memory terms = licensingModel.published(parentId, UseKind.Remix);
        return (terms.allowed, 0, terms.minShareBps);
    }

    function _shrink(RemixPlan memory plan, uint256 count) private pure {
        (ParentShare[] memory parents, uint256[] memory ids, CurrencyAmount[] memory maxPrices) = (
            plan.parents,
            plan.licenceIds,
            plan.maxPrices
        );
        assembly ("memory-safe") {
            mstore(parents, count)
            mstore(ids, count)
            mstore(maxPrices, count)
        }
    }
}
