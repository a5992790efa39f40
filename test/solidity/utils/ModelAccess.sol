// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Lets only the handlers its deployer names update a model, so the books change only
/// through actions that checked the protocol's answers.
abstract contract ModelAccess {
    address private immutable _deployer = msg.sender;
    mapping(address handler => bool) private _writers;

    modifier onlyWriter() {
        require(_writers[msg.sender], "model: caller is not a handler");
        _;
    }

    /// @notice Lets `handler` update this model. Deployer only.
    function allowWriter(address handler) external {
        require(msg.sender == _deployer, "model: only the deployer names handlers");
        _writers[handler] = true;
    }
}
