// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {ILicensing, Licence, Terms, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {IRoyaltyEngine} from "../../../contracts/interfaces/IRoyaltyEngine.sol";
import {ModelAccess} from "./ModelAccess.sol";
import {Vm} from "./Vm.sol";

/// @dev How many use kinds there are.
uint256 constant KINDS = 5;
/// @dev The expiry of a licence that never expires.
uint40 constant PERPETUAL = type(uint40).max;

/// @notice An independent model of the licensing contract, written from its documented rules: the
/// terms in force per asset and kind, every licence token it must have issued (to whom, until when,
/// at which price), what each purchase must charge, and how each parent of each remix was licensed:
/// by a held licence token the remix consumed, or by a purchase in the registering call, which
/// charges the terms' price and is recorded by one `RemixLicensed` event but mints no token.
/// Besides the model, ghost totals observed from events and balances, for the invariants to
/// compare. The handlers update it around every successful licensing call.
contract LicensingModel is ModelAccess {
    /// @dev The latest terms published for one asset and kind, as far as pricing and licences go.
    struct PublishedTerms {
        uint32 version;
        bool allowed;
        address currency;
        uint128 price;
        uint40 duration;
        uint16 minShareBps;
    }

    /// @dev A licence as it must be stored, with what its purchase charged.
    struct IssuedLicence {
        Licence licence;
        address currency;
        uint256 price;
    }

    /// @dev A remix licence `registerRemixWithLicences` buys for a parent and uses at once: no
    /// token, only the `RemixLicensed` event, which must carry these terms and price. `remixId` is
    /// the remix its event named (0 until observed).
    struct RegistrationPurchase {
        uint256 parentId;
        uint32 termsVersion;
        address currency;
        uint256 price;
        uint256 remixId;
    }

    /// @dev How one parent of a remix was licensed: by the held licence token `licenceId` it
    /// consumed, or (`licenceId` 0) by a purchase in the registering call under the parent's
    /// `Remix` terms `termsVersion`.
    struct ParentLicensing {
        uint256 licenceId;
        uint32 termsVersion;
    }

    address public immutable protocol;
    ILicensing public immutable licensing;

    mapping(uint256 assetId => mapping(UseKind kind => PublishedTerms)) private _published;
    mapping(uint256 licenceId => IssuedLicence) private _issued;
    /// @notice Licence tokens whose purchase charged their price in their currency, per kind.
    mapping(UseKind kind => uint256) public licencesPaidFor;
    /// @notice Licence tokens paid for, all kinds: the next licence id is this plus one.
    uint256 public licenceCount;
    /// @notice Remix licences bought and used by `registerRemixWithLicences` (no token, no id).
    uint256 public registrationPurchases;
    /// @notice Views paid with `payForUse`.
    uint256 public viewsPaid;
    /// @dev The purchases of the registration in flight, in the order of its parents, and how many
    /// of them a `RemixLicensed` event has shown so far.
    RegistrationPurchase[] private _pendingPurchases;
    uint256 private _observedPurchases;

    /* GHOSTS OBSERVED ON CHAIN */

    /// @notice `LicenceIssued` events seen, per kind.
    mapping(UseKind kind => uint256) public licencesIssued;
    /// @notice Per currency, the sum of price x units at the terms version in force of every purchase.
    mapping(address currency => uint256) public licensingCharged;
    /// @notice Per currency, the amounts of the protocol's `Paid` events emitted during licensing calls.
    mapping(address currency => uint256) public licensingPaidEvents;
    /// @notice Per currency, what the protocol's balance grew by during licensing calls.
    mapping(address currency => uint256) public licensingReceived;
    /// @notice `LicenceConsumed` events seen per licence and per remix.
    mapping(uint256 licenceId => uint256) public timesConsumed;
    mapping(uint256 remixId => uint256) public consumptionsOf;
    /// @notice `RemixLicensed` events seen, in all and per remix; each matched a modelled purchase.
    uint256 public remixLicensedEvents;
    mapping(uint256 remixId => uint256) public remixLicensedOf;

    /* HOLDINGS AND CONSUMPTION */

    mapping(address holder => mapping(uint256 assetId => mapping(UseKind kind => uint40))) public expectedValidUntil;
    mapping(address holder => mapping(uint256 assetId => uint256[])) private _unusedRemixLicences;
    uint256[] private _consumedLicences;
    mapping(uint256 remixId => ParentLicensing[]) private _licensingOfRemix;
    mapping(uint256 remixId => address) public remixCreator;

    /// @param protocol_ The protocol under test, whose licensing contract this models.
    constructor(address protocol_, ILicensing licensing_) {
        protocol = protocol_;
        licensing = licensing_;
    }

    /* VIEWS */

    /// @notice The latest terms published for `kind` uses of `assetId`.
    function published(uint256 assetId, UseKind kind) external view returns (PublishedTerms memory) {
        return _published[assetId][kind];
    }

    /// @notice The unused remix licences of `assetId` that `holder` must hold.
    function unusedRemixLicenceIds(address holder, uint256 assetId) external view returns (uint256[] memory) {
        return _unusedRemixLicences[holder][assetId];
    }

    /// @notice The licence `licenceId` as the model issued it.
    function issuedLicence(uint256 licenceId) external view returns (Licence memory) {
        return _issued[licenceId].licence;
    }

    /// @notice Every licence consumed so far, in order.
    function consumedLicences() external view returns (uint256[] memory) {
        return _consumedLicences;
    }

    /// @notice How each parent of remix `remixId` was licensed, in the order of its parents.
    function licensingOfRemix(uint256 remixId) external view returns (ParentLicensing[] memory) {
        return _licensingOfRemix[remixId];
    }

    /// @notice Until when `holder` must hold a valid licence of each asset 1 to `assetCount` for each
    /// kind (at `(assetId - 1) * KINDS + kind`; 0: none): the latest expiry bought for licensed
    /// kinds, perpetual while it holds an unused `Remix` licence, never for `View`. One call for
    /// every asset and kind keeps the per-call invariant check cheap.
    function expectedValidity(address holder, uint256 assetCount) external view returns (uint40[] memory untils) {
        untils = new uint40[](assetCount * KINDS);
        for (uint256 assetId = 1; assetId <= assetCount; ++assetId) {
            for (uint256 k = uint256(UseKind.View) + 1; k < KINDS; ++k) {
                UseKind kind = UseKind(k);
                uint40 until =
                    kind == UseKind.Remix
                        ? (_unusedRemixLicences[holder][assetId].length != 0 ? PERPETUAL : 0)
                        : expectedValidUntil[holder][assetId][kind];
                untils[(assetId - 1) * KINDS + k] = until;
            }
        }
    }

    /// @notice All licence tokens paid for, all kinds.
    function totalLicencesPaidFor() external view returns (uint256 total) {
        for (uint256 k; k < KINDS; ++k) {
            total += licencesPaidFor[UseKind(k)];
        }
    }

    /* MODEL UPDATES */

    /// @notice Records new terms and returns the version they must get.
    function recordTerms(
        uint256 assetId,
        UseKind kind,
        Terms calldata terms
    ) external onlyWriter returns (uint32 version) {
        version = _published[assetId][kind].version + 1;
        _published[assetId][kind] = PublishedTerms({
            version: version,
            allowed: terms.allowed,
            currency: terms.currency,
            price: terms.price,
            duration: terms.duration,
            minShareBps: terms.minShareBps
        });
    }

    /// @notice Records one `kind` licence token of `assetId` sold now to `holder` under the terms in
    /// force, and returns its id and what it charges.
    function recordIssue(
        address holder,
        uint256 assetId,
        UseKind kind
    ) external onlyWriter returns (uint256 licenceId, address currency, uint256 price) {
        PublishedTerms memory terms = _published[assetId][kind];
        (currency, price) = (terms.currency, terms.price);
        licenceId = ++licenceCount;
        ++licencesPaidFor[kind];
        licensingCharged[currency] += price;

        // A licence lasts `duration` from now; none, or an end past what uint40 holds, is perpetual.
        uint256 end = block.timestamp + terms.duration;
        uint40 expiresAt = terms.duration == 0 || end >= PERPETUAL ? PERPETUAL : uint40(end);
        _issued[licenceId] = IssuedLicence({
            licence: Licence({
                holder: holder,
                assetId: uint48(assetId),
                kind: kind,
                expiresAt: expiresAt,
                termsVersion: terms.version,
                issuedAt: uint40(block.timestamp),
                consumedBy: 0,
                minShareBps: terms.minShareBps
            }),
            currency: currency,
            price: price
        });
        if (kind == UseKind.Remix) {
            _unusedRemixLicences[holder][assetId].push(licenceId);
        } else if (expiresAt > expectedValidUntil[holder][assetId][kind]) {
            expectedValidUntil[holder][assetId][kind] = expiresAt;
        }
    }

    /// @notice Records the remix licence of `parentId` that the next registration through
    /// `registerRemixWithLicences` buys under the terms in force and uses at once: it charges their
    /// price but issues no licence token. Returns what it charges.
    function recordRegistrationPurchase(
        uint256 parentId
    ) external onlyWriter returns (address currency, uint256 price) {
        PublishedTerms memory terms = _published[parentId][UseKind.Remix];
        (currency, price) = (terms.currency, terms.price);
        ++registrationPurchases;
        licensingCharged[currency] += price;
        _pendingPurchases.push(
            RegistrationPurchase({
                parentId: parentId,
                termsVersion: terms.version,
                currency: currency,
                price: price,
                remixId: 0
            })
        );
    }

    /// @notice Records `count` views of `assetId` paid now and returns what they charge.
    function recordUses(uint256 assetId, uint256 count) external onlyWriter returns (address currency, uint256 total) {
        PublishedTerms memory terms = _published[assetId][UseKind.View];
        (currency, total) = (terms.currency, count * terms.price);
        viewsPaid += count;
        licensingCharged[currency] += total;
    }

    /// @notice Records how remix `remixId` of `creator` was licensed by each of its `parents`: it
    /// consumed the held remix licence `licenceIds[i]`, or (0) used the registration's purchase for
    /// that parent, whose `RemixLicensed` event must have named this remix. Every purchase the
    /// registration made is used, in the order of the parents.
    function recordConsumption(
        address creator,
        uint256 remixId,
        ParentShare[] calldata parents,
        uint256[] calldata licenceIds
    ) external onlyWriter {
        require(_observedPurchases == _pendingPurchases.length, "model: a purchase had no RemixLicensed");
        remixCreator[remixId] = creator;
        uint256 bought;
        for (uint256 i; i < licenceIds.length; ++i) {
            uint256 licenceId = licenceIds[i];
            if (licenceId == 0) {
                RegistrationPurchase storage purchase = _pendingPurchases[bought++];
                require(
                    purchase.parentId == parents[i].parentId && purchase.remixId == remixId,
                    "RemixLicensed: remix or parent != model"
                );
                _licensingOfRemix[remixId].push(ParentLicensing({licenceId: 0, termsVersion: purchase.termsVersion}));
                continue;
            }
            Licence storage licence = _issued[licenceId].licence;
            licence.consumedBy = uint64(remixId);
            _removeUnused(_unusedRemixLicences[licence.holder][licence.assetId], licenceId);
            _consumedLicences.push(licenceId);
            _licensingOfRemix[remixId].push(ParentLicensing({licenceId: licenceId, termsVersion: 0}));
        }
        require(bought == _pendingPurchases.length, "model: a purchase was not used by its remix");
        delete _pendingPurchases;
        _observedPurchases = 0;
    }

    /* OBSERVATIONS */

    /// @notice Records that the protocol's balance of `token` grew by `amount` during a licensing call.
    function recordReceived(address token, uint256 amount) external onlyWriter {
        licensingReceived[token] += amount;
    }

    /// @notice Records the events of a licensing call made by `buyer`: the protocol's `Paid` events
    /// (whose payer must be the buyer), `LicenceIssued` (each must describe the licence the model
    /// sold, at the terms version in force, for that version's price and currency),
    /// `LicenceConsumed`, and `RemixLicensed` (each must describe the next registration purchase the
    /// model expects: parent, terms version, currency and price).
    function observe(Vm.Log[] calldata logs, address buyer) external onlyWriter {
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log calldata log = logs[i];
            bytes32 topic = log.topics[0];
            if (log.emitter == protocol && topic == IRoyaltyEngine.Paid.selector) {
                require(address(uint160(uint256(log.topics[3]))) == buyer, "Paid: payer is not the buyer");
                (uint256 amount, ) = abi.decode(log.data, (uint256, uint256));
                licensingPaidEvents[address(uint160(uint256(log.topics[2])))] += amount;
            } else if (log.emitter == address(licensing) && topic == ILicensing.LicenceIssued.selector) {
                _observeIssued(log);
            } else if (log.emitter == address(licensing) && topic == ILicensing.LicenceConsumed.selector) {
                ++timesConsumed[uint256(log.topics[1])];
                ++consumptionsOf[uint256(log.topics[2])];
            } else if (log.emitter == address(licensing) && topic == ILicensing.RemixLicensed.selector) {
                _observeRemixLicensed(log);
            }
        }
    }

    /// @notice Checks every licence token issued from `firstLicenceId` on is stored exactly as
    /// modelled, and that no other was issued.
    function checkIssuedSince(uint256 firstLicenceId) external view {
        require(licensing.totalLicences() == licenceCount, "licensing: licence count != model");
        for (uint256 id = firstLicenceId; id <= licenceCount; ++id) {
            require(
                keccak256(abi.encode(licensing.getLicence(id))) == keccak256(abi.encode(_issued[id].licence)),
                "licensing: stored licence != model"
            );
        }
    }

    function _observeIssued(Vm.Log calldata log) private {
        IssuedLicence storage expected = _issued[uint256(log.topics[1])];
        (UseKind kind, uint32 version, uint40 expiresAt, address currency, uint256 price) = abi.decode(
            log.data,
            (UseKind, uint32, uint40, address, uint256)
        );
        require(
            uint256(log.topics[2]) == expected.licence.assetId &&
                address(uint160(uint256(log.topics[3]))) == expected.licence.holder &&
                kind == expected.licence.kind &&
                version == expected.licence.termsVersion &&
                expiresAt == expected.licence.expiresAt &&
                currency == expected.currency &&
                price == expected.price,
            "LicenceIssued != model"
        );
        ++licencesIssued[kind];
    }

    function _observeRemixLicensed(Vm.Log calldata log) private {
        require(_observedPurchases < _pendingPurchases.length, "RemixLicensed without a modelled purchase");
        RegistrationPurchase storage expected = _pendingPurchases[_observedPurchases++];
        (uint32 version, address currency, uint256 price) = abi.decode(log.data, (uint32, address, uint256));
        require(
            uint256(log.topics[2]) == expected.parentId &&
                version == expected.termsVersion &&
                currency == expected.currency &&
                price == expected.price,
            "RemixLicensed != model"
        );
        uint256 remixId = uint256(log.topics[1]);
        expected.remixId = remixId;
        ++remixLicensedEvents;
        ++remixLicensedOf[remixId];
    }

    function _removeUnused(uint256[] storage unused, uint256 licenceId) private {
        for (uint256 i; i < unused.length; ++i) {
            if (unused[i] == licenceId) {
                unused[i] = unused[unused.length - 1];
                unused.pop();
                return;
            }
        }
        revert("model: consumed a licence that was not unused");
    }
}
