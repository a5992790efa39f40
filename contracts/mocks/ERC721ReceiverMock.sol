// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @notice ERC-721 receiver whose answer to `onERC721Received` is fixed at deployment, so tests can
/// drive every branch of the safe-transfer receiver check.
contract ERC721ReceiverMock is IERC721Receiver {
    /// @notice How the mock answers a safe transfer.
    enum Behaviour {
        Accept,
        ReturnWrongValue,
        RevertWithMessage,
        RevertWithoutMessage,
        RevertWithCustomError
    }

    /// @notice Raised by `RevertWithCustomError`, to check that the token bubbles it up unchanged.
    error ReceiverRejected(uint256 tokenId);

    /// @notice Records the arguments of an accepted call, so tests can check what the token passed.
    event Received(address operator, address from, uint256 tokenId, bytes data);

    /// @notice The answer given to every `onERC721Received` call.
    Behaviour public immutable behaviour;

    /// @param behaviour_ The answer given to every `onERC721Received` call.
    constructor(Behaviour behaviour_) {
        behaviour = behaviour_;
    }

    /// @notice Accepts, rejects or reverts according to `behaviour`.
    function onERC721Received(
        address operator,
        address from,
        uint256 tokenId,
        bytes calldata data
    ) external returns (bytes4) {
        if (behaviour == Behaviour.ReturnWrongValue) return 0xdeadbeef;
        // A string reason and empty revert data are the behaviours under test, not custom errors.
        // solhint-disable-next-line gas-custom-errors
        if (behaviour == Behaviour.RevertWithMessage) revert("ERC721ReceiverMock: rejected");
        // solhint-disable-next-line gas-custom-errors
        if (behaviour == Behaviour.RevertWithoutMessage) revert();
        if (behaviour == Behaviour.RevertWithCustomError) revert ReceiverRejected(tokenId);
        emit Received(operator, from, tokenId, data);
        return IERC721Receiver.onERC721Received.selector;
    }
}
