// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Bookkeeping shared by the non-standard ERC-20 mocks: balances, allowances and a
/// transfer that reports failure instead of reverting, so each mock decides how to surface it.
/// Deliberately not OpenZeppelin's ERC20, whose `transfer` signature cannot be changed.
abstract contract LegacyERC20Base {
    /// @notice ERC-20 `Transfer` event.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice ERC-20 `Approval` event.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice Token decimals.
    uint8 public immutable decimals;
    /// @notice Balance of each holder.
    mapping(address holder => uint256) public balanceOf;
    /// @notice Allowance granted by each owner to each spender.
    mapping(address owner => mapping(address spender => uint256)) public allowance;
    /// @notice Total minted.
    uint256 public totalSupply;

    constructor(uint8 decimals_) {
        decimals = decimals_;
    }

    /// @notice Mints `amount` to `to`; anyone may call (test token).
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
        totalSupply += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Sets the allowance of `spender` over the caller's tokens.
    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    /// @dev Moves `amount` from `from` to `to`, spending `spender`'s allowance unless it is `from`.
    /// Returns false, moving nothing, when the balance or allowance is short.
    function _tryMove(address spender, address from, address to, uint256 amount) internal returns (bool) {
        if (balanceOf[from] < amount) return false;
        if (spender != from) {
            uint256 allowed = allowance[from][spender];
            if (allowed < amount) return false;
            if (allowed != type(uint256).max) allowance[from][spender] = allowed - amount;
        }
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}
