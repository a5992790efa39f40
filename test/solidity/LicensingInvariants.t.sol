// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ParentShare} from "../../contracts/interfaces/IAssetRegistry.sol";
import {ILicensing, Licence, Terms, UseKind} from "../../contracts/interfaces/ILicensing.sol";
import {InvariantSetup} from "./utils/InvariantSetup.sol";
import {KINDS, LicensingModel} from "./utils/LicensingModel.sol";

/// @notice Licensing invariants under the same random sequences as the protocol-wide ones: terms
/// changes, single and bulk purchases in both currencies, pay per view, remixes registered with
/// held licences and with licences bought in the registration, attempts to reuse consumed licences
/// or to pass licence 0 to the protocol, purchases whose terms switched currency after the quote,
/// pauses and time warps.
contract LicensingInvariantsTest is InvariantSetup {
    /// @notice (a) Licence tokens issued equal licence tokens paid for: `totalLicences()`, the
    /// `LicenceIssued` events per kind and the licence tokens held all equal the licences the
    /// handlers bought as tokens and saw charged at their price (free ones counted as paid 0). A
    /// remix licence bought in the registration is no token: each shows as exactly one
    /// `RemixLicensed` event instead.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_LicencesIssuedEqualLicencesPaidFor() public view {
        uint256 paidFor = licensingModel.totalLicencesPaidFor();
        assertEq(_licensing().totalLicences(), paidFor, "totalLicences != licence tokens paid for");
        for (uint256 k; k < KINDS; ++k) {
            UseKind kind = UseKind(k);
            assertEq(
                licensingModel.licencesIssued(kind),
                licensingModel.licencesPaidFor(kind),
                "LicenceIssued events of a kind != licence tokens of that kind paid for"
            );
        }
        address[] memory holders = licensingHandler.actors();
        uint256 held;
        for (uint256 i; i < holders.length; ++i) {
            held += IERC721(address(_licensing())).balanceOf(holders[i]);
        }
        assertEq(held, paidFor, "licence tokens held != licence tokens paid for");
        assertEq(
            licensingModel.remixLicensedEvents(),
            licensingModel.registrationPurchases(),
            "RemixLicensed events != licences bought in registrations"
        );
    }

    /// @notice (b) Per currency, what licensing charged (price x units at the terms version in force)
    /// equals the amounts of the protocol's `Paid` events during licensing calls and what the
    /// protocol received in them; the protocol-wide solvency invariants cover where it went.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_LicensingChargesEqualPaidAndReceived() public view {
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            uint256 charged = licensingModel.licensingCharged(tokens[j]);
            assertEq(licensingModel.licensingPaidEvents(tokens[j]), charged, "Paid events != licensing charged");
            assertEq(licensingModel.licensingReceived(tokens[j]), charged, "protocol received != licensing charged");
            assertLe(charged, royaltyModel.paidIn(tokens[j]), "licensing charged more than was paid in");
        }
    }

    /// @notice (c) A consumed licence is never consumed again (its `consumedBy` never changes, one
    /// `LicenceConsumed` event each, reuses revert), licence 0 licenses nothing given to the
    /// protocol directly, and every parent of every remix licensed it exactly once: by a remix
    /// licence token of its creator that the remix consumed, or by a licence bought in the
    /// registering call (one `RemixLicensed` event naming the remix, no token), either way under
    /// terms whose minimum its share meets.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_LicenceConsumedOnceByOneRemix() public view {
        assertEq(remixHandler.consumedReusesAccepted(), 0, "a consumed licence was accepted again");
        assertEq(remixHandler.unlicensedRemixesAccepted(), 0, "licence 0 was accepted by the protocol");
        assertEq(licensingModel.timesConsumed(0), 0, "LicenceConsumed for licence 0");
        ILicensing licensing = _licensing();
        uint256 licences = licensing.totalLicences();
        for (uint256 id = 1; id <= licences; ++id) {
            uint256 consumedBy = licensing.getLicence(id).consumedBy;
            assertEq(consumedBy, licensingModel.issuedLicence(id).consumedBy, "consumedBy != the remix that used it");
            assertEq(licensingModel.timesConsumed(id), consumedBy == 0 ? 0 : 1, "LicenceConsumed events != once");
        }
        uint256 links;
        uint256 assetCount = protocol.totalAssets();
        for (uint256 remixId = 1; remixId <= assetCount; ++remixId) {
            ParentShare[] memory parents = protocol.parentsOf(remixId);
            links += parents.length;
            _assertOneLicencePerParent(licensing, remixId, parents);
        }
        assertEq(
            licensingModel.consumedLicences().length + licensingModel.registrationPurchases(),
            links,
            "licences consumed + bought in registrations != parent links"
        );
    }

    /// @notice (d) `hasValidLicence` agrees with the model for every actor, asset and kind: the
    /// latest expiry bought for licensed kinds (valid while in the future), unused licences for
    /// `Remix`, never for `View`.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_ValidLicenceMatchesModel() public view {
        ILicensing licensing = _licensing();
        address[] memory holders = licensingHandler.actors();
        uint256 assetCount = protocol.totalAssets();
        for (uint256 i; i < holders.length; ++i) {
            uint40[] memory expected = licensingModel.expectedValidity(holders[i], assetCount);
            for (uint256 assetId = 1; assetId <= assetCount; ++assetId) {
                for (uint256 k; k < KINDS; ++k) {
                    uint40 expectedUntil = expected[(assetId - 1) * KINDS + k];
                    (bool valid, uint40 validUntil) = licensing.hasValidLicence(holders[i], assetId, UseKind(k));
                    assertEq(validUntil, expectedUntil, "hasValidLicence: validUntil != model");
                    assertEq(valid, expectedUntil > block.timestamp, "hasValidLicence: validity != model");
                }
            }
        }
    }

    /// @notice (e) The licensing contract never keeps ETH or tokens: purchases pass payments
    /// straight to the protocol and refund the rest exactly.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_LicensingHoldsNothing() public view {
        address[] memory tokens = royaltyHandler.paymentTokens();
        for (uint256 j; j < tokens.length; ++j) {
            assertEq(_held(tokens[j], address(_licensing())), 0, "licensing contract holds money");
        }
    }

    /// @notice (f) A purchase or paid view whose terms were republished at the same price (another
    /// duration, minimum share, document or currency) after the buyer's quote is refused with
    /// `TermsVersionMismatch`, moving no money and issuing no licence: a buyer gets exactly the
    /// terms it was quoted.
    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 120
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_StaleQuoteRefused() public view {
        assertEq(licensingHandler.staleQuoteAccepted(), 0, "a purchase on a stale quote was not refused");
    }

    /// @notice Each run ends, unpaused, with one more purchase against a terms change on the state
    /// the run reached, so every run shows the refusal at least once (random calls may all have hit
    /// a pause).
    function afterInvariant() public {
        royaltyHandler.resume();
        uint256 seed = uint256(keccak256(abi.encode(_licensing().totalLicences(), block.timestamp)));
        licensingHandler.buyAfterTermsChange(seed, seed >> 16, seed >> 32, seed >> 48, seed >> 64);
        assertEq(licensingHandler.staleQuoteAccepted(), 0, "a purchase on a stale quote was not refused");
        assertGe(licensingHandler.staleQuoteRefusals(), 1, "no purchase on a stale quote was refused");
    }

    function _assertOneLicencePerParent(
        ILicensing licensing,
        uint256 remixId,
        ParentShare[] memory parents
    ) private view {
        LicensingModel.ParentLicensing[] memory licensed = licensingModel.licensingOfRemix(remixId);
        assertEq(licensed.length, parents.length, "licences recorded for a remix != its parents");
        uint256 bought;
        for (uint256 i; i < parents.length; ++i) {
            if (licensed[i].licenceId == 0) {
                // Bought in the registration: no token; the terms it was sold under set the minimum.
                ++bought;
                Terms memory terms = licensing.getTerms(parents[i].parentId, UseKind.Remix, licensed[i].termsVersion);
                assertTrue(terms.allowed, "a licence was bought under terms refusing remixes");
                assertGe(parents[i].shareBps, terms.minShareBps, "a parent's share is below its terms' minimum");
                continue;
            }
            Licence memory licence = licensing.getLicence(licensed[i].licenceId);
            assertEq(licence.consumedBy, remixId, "a parent's licence was not consumed by its remix");
            assertEq(licence.assetId, parents[i].parentId, "a consumed licence is for another parent");
            assertEq(uint256(licence.kind), uint256(UseKind.Remix), "a consumed licence is not a remix licence");
            assertEq(licence.holder, licensingModel.remixCreator(remixId), "a consumed licence is not the creator's");
            assertGe(parents[i].shareBps, licence.minShareBps, "a parent's share is below its licence minimum");
        }
        assertEq(
            licensingModel.consumptionsOf(remixId),
            parents.length - bought,
            "LicenceConsumed events of a remix != parents licensed by held licences"
        );
        assertEq(
            licensingModel.remixLicensedOf(remixId),
            bought,
            "RemixLicensed events of a remix != parents licensed in its registration"
        );
    }

    function _licensing() private view returns (ILicensing) {
        return ILicensing(protocol.LICENSING());
    }
}
