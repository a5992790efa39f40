// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILicensing, Licence, Terms, UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {IRoyaltyEngine} from "../../../contracts/interfaces/IRoyaltyEngine.sol";
import {ModelAccess} from "./ModelAccess.sol";
import {Vm} from "./Vm.sol";

/// @dev How many use kinds there are.
uint256 constant KINDS = 5;
/// @dev The expiry of a licence that never expires.
uint40 constant PERPETUAL = type(uint40).max;

/// @notice An independent model of the licensing contract, written from its documented rules: the
/// terms in force per asset and kind, every licence it must have issued (to whom, until when, at
/// which price), what each purchase must charge, and which remix consumed which licence. Besides
/// the model, ghost totals observed from events and balances, for the invariants to compare.
/// The handlers update it around every successful licensing call.
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

    address public immutable protocol;
    ILicensing public immutable licensing;

    mapping(uint256 assetId => mapping(UseKind kind => PublishedTerms)) private _published;
    mapping(uint256 licenceId => IssuedLicence) private _issued;
    /// @notice Licences whose purchase charged their price in their currency, per kind.
    mapping(UseKind kind => uint256) public licencesPaidFor;
    /// @notice Licences paid for, all kinds: the next licence id is this plus one.
    uint256 public licenceCount;
    /// @notice Views paid with `payForUse`.
    uint256 public viewsPaid;

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

    /* HOLDINGS AND CONSUMPTION */

    mapping(address holder => mapping(uint256 assetId => mapping(UseKind kind => uint40))) public expectedValidUntil;
    mapping(address holder => mapping(uint256 assetId => uint256[])) private _unusedRemixLicences;
    uint256[] private _consumedLicences;
    mapping(uint256 remixId => uint256[]) private _licencesOfRemix;
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

    /// @notice The licences remix `remixId` consumed, in the order of its parents.
    function licencesOfRemix(uint256 remixId) external view returns (uint256[] memory) {
        return _licencesOfRemix[remixId];
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

    /// @notice All licences paid for, all kinds.
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

    /// @notice Records one `kind` licence of `assetId` sold now to `holder` under the terms in force,
    /// and returns its id and what it charges.
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

    /// @notice Records `count` views of `assetId` paid now and returns what they charge.
    function recordUses(uint256 assetId, uint256 count) external onlyWriter returns (address currency, uint256 total) {
        PublishedTerms memory terms = _published[assetId][UseKind.View];
        (currency, total) = (terms.currency, count * terms.price);
        viewsPaid += count;
        licensingCharged[currency] += total;
    }

    /// @notice Records that remix `remixId` of `creator` consumed the remix licences `licenceIds`.
    function recordConsumption(address creator, uint256 remixId, uint256[] calldata licenceIds) external onlyWriter {
        remixCreator[remixId] = creator;
        for (uint256 i; i < licenceIds.length; ++i) {
            uint256 licenceId = licenceIds[i];
            Licence storage licence = _issued[licenceId].licence;
            licence.consumedBy = uint64(remixId);
            _removeUnused(_unusedRemixLicences[licence.holder][licence.assetId], licenceId);
            _consumedLicences.push(licenceId);
            _licencesOfRemix[remixId].push(licenceId);
        }
    }

    /* OBSERVATIONS */

    /// @notice Records that the protocol's balance of `token` grew by `amount` during a licensing call.
    function recordReceived(address token, uint256 amount) external onlyWriter {
        licensingReceived[token] += amount;
    }

    /// @notice Records the events of a licensing call made by `buyer`: the protocol's `Paid` events
    /// (whose payer must be the buyer), `LicenceIssued` (each must describe the licence the model
    /// sold, at the terms version in force, for that version's price and currency) and
    /// `LicenceConsumed`.
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
            }
        }
    }

    /// @notice Checks every licence issued from `firstLicenceId` on is stored exactly as modelled.
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
