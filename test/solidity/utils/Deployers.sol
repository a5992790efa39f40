// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RemixProtocol} from "../../../contracts/RemixProtocol.sol";
import {VM} from "./Vm.sol";

/// @notice Deploys contracts from their compiled artifacts. The protocol's creation code embeds the
/// licensing contract's (its constructor creates it), and the invariant handlers are large: a test
/// contract that said `new` for them would carry their creation code past the 24 KiB code size
/// limit (a compiler warning, and warnings fail the strict build). Taking the creation code from the
/// artifact at run time embeds nothing; the calling test contract is still the deployer.
library Deployers {
    /// @dev Notice of fee changes in the tests' deployments.
    uint32 internal constant FEE_DELAY = 2 days;

    /// @dev `new RemixProtocol(owner, treasury, maxFeeBps, feeBps, FEE_DELAY, [])`: no ERC-20
    /// allowlisted yet.
    function protocol(
        address owner,
        address treasury,
        uint16 maxFeeBps,
        uint16 feeBps
    ) internal returns (RemixProtocol) {
        return
            RemixProtocol(
                deploy(
                    "RemixProtocol.sol:RemixProtocol",
                    abi.encode(owner, treasury, maxFeeBps, feeBps, FEE_DELAY, new address[](0))
                )
            );
    }

    /// @dev Deploys `artifact` ("File.sol:Contract") with the ABI-encoded constructor `args`.
    function deploy(string memory artifact, bytes memory args) internal returns (address deployed) {
        bytes memory initCode = abi.encodePacked(VM.getCode(artifact), args);
        assembly ("memory-safe") {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
        }
        require(deployed != address(0), string.concat("deployment failed: ", artifact));
    }
}
