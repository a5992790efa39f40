// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {UseKind} from "../../../contracts/interfaces/ILicensing.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {Deployers} from "./Deployers.sol";
import {InvariantBase} from "./InvariantBase.sol";
import {LicensingHandler} from "./LicensingHandler.sol";
import {KINDS, LicensingModel} from "./LicensingModel.sol";
import {ProtocolModel} from "./ProtocolModel.sol";
import {RemixHandler} from "./RemixHandler.sol";
import {RoyaltyHandler} from "./RoyaltyHandler.sol";

/// @notice The protocol, an allowed ERC-20, the two models and the three handlers every invariant
/// campaign drives, starting from a small graph whose assets have terms for every use.
abstract contract InvariantSetup is InvariantBase {
    address private constant ADMIN = address(0xAD);
    address private constant TREASURY = address(0x7EA5);
    uint16 private constant MAX_FEE_BPS = 1_000;
    uint16 private constant INITIAL_FEE_BPS = 250;

    RemixProtocol internal protocol;
    MockERC20 internal erc20;
    ProtocolModel internal royaltyModel;
    LicensingModel internal licensingModel;
    RoyaltyHandler internal royaltyHandler;
    LicensingHandler internal licensingHandler;
    RemixHandler internal remixHandler;

    function setUp() public {
        protocol = Deployers.protocol(ADMIN, TREASURY, MAX_FEE_BPS, INITIAL_FEE_BPS);
        erc20 = new MockERC20("Test", "TST", 18);
        vm.prank(ADMIN);
        protocol.setTokenAllowed(address(erc20), true);

        royaltyModel = ProtocolModel(Deployers.deploy("ProtocolModel.sol:ProtocolModel", abi.encode(INITIAL_FEE_BPS)));
        licensingModel = LicensingModel(
            Deployers.deploy("LicensingModel.sol:LicensingModel", abi.encode(protocol, protocol.LICENSING()))
        );
        bytes memory args = abi.encode(protocol, erc20, ADMIN, royaltyModel, licensingModel);
        royaltyHandler = RoyaltyHandler(Deployers.deploy("RoyaltyHandler.sol:RoyaltyHandler", args));
        licensingHandler = LicensingHandler(Deployers.deploy("LicensingHandler.sol:LicensingHandler", args));
        remixHandler = RemixHandler(Deployers.deploy("RemixHandler.sol:RemixHandler", args));
        address[3] memory handlers = [address(royaltyHandler), address(licensingHandler), address(remixHandler)];
        for (uint256 i; i < handlers.length; ++i) {
            royaltyModel.allowWriter(handlers[i]);
            licensingModel.allowWriter(handlers[i]);
            targetContract(handlers[i]);
        }
        _seedGraph();
    }

    /// @dev Four originals and four remixes of up to four parents (some of them remixes; licences
    /// bought in the registration, used at once with no token, or first, one by one, as tokens),
    /// then allowed terms for every other use of every asset: short runs already license, pay,
    /// split and claim across several hops.
    function _seedGraph() private {
        for (uint256 i; i < 4; ++i) {
            remixHandler.registerOriginal(i, _allowedSeed(i));
        }
        for (uint256 i; i < 4; ++i) {
            remixHandler.registerRemix(i, _allowedSeed(4 + i), i, (uint256(3 + i) << 128) | i, 0, i % 2 == 1);
        }
        for (uint256 assetId = 1; assetId <= protocol.totalAssets(); ++assetId) {
            for (uint256 kind; kind < KINDS; ++kind) {
                if (kind == uint256(UseKind.Remix)) continue;
                licensingHandler.setTerms(assetId - 1, kind, _allowedSeed(assetId * KINDS + kind), false);
            }
        }
    }

    /// @dev A pseudo-random terms seed whose terms allow the use (see `LicensingBase._randomTerms`).
    function _allowedSeed(uint256 salt) private pure returns (uint256 seed) {
        seed = uint256(keccak256(abi.encode("terms", salt)));
        seed = seed - (seed % 5) + 1;
    }

    /// @dev The balance of `token` (ETH: address 0) held by `account`.
    function _held(address token, address account) internal view returns (uint256) {
        return token == address(0) ? account.balance : MockERC20(token).balanceOf(account);
    }

    /// @dev Registrations, payments or purchases that were not refused with `ProtocolPaused` while
    /// paused.
    function _pausedWritesAccepted() internal view returns (uint256) {
        return
            royaltyHandler.pausedWritesAccepted() +
            licensingHandler.pausedWritesAccepted() +
            remixHandler.pausedWritesAccepted();
    }
}
