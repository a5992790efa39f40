// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {ProtocolHandler} from "./ProtocolHandler.sol";

// External library functions are linked, not inlined: a test contract calling them does not embed
// the deployed contract's creation code, which would push it past the 24 KiB code size limit (a
// compiler warning, and warnings fail the strict build). `new` runs in the caller's context, so the
// test contract is still the deployer.

/// @notice Deploys the protocol for tests.
library ProtocolDeployer {
    /// @notice `new RemixProtocol(owner, treasury, maxFeeBps, feeBps)`.
    function deploy(address owner, address treasury, uint16 maxFeeBps, uint16 feeBps) external returns (RemixProtocol) {
        return new RemixProtocol(owner, treasury, maxFeeBps, feeBps);
    }
}

/// @notice Deploys the invariant tests' handler.
library HandlerDeployer {
    /// @notice `new ProtocolHandler(protocol, erc20, admin)`.
    function deploy(RemixProtocol protocol, MockERC20 erc20, address admin) external returns (ProtocolHandler) {
        return new ProtocolHandler(protocol, erc20, admin);
    }
}
