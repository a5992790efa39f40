// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRoyaltyEngine
/// @notice Splits every paid use of an asset recursively up its remix tree, lazily.
/// Per asset and token the engine keeps two balances, as in Drips' splits:
/// - splittable: received but not yet passed to the asset's parents (kept as `gross`, the amount
///   parents' shares apply to, and `net`, the amount actually held; they differ by the fees of
///   direct payments still waiting to be split);
/// - collectable: the asset's own revenue, claimable by the asset's owner.
/// A payment credits only the paid asset (O(1)); `split` moves an asset's splittable balance one
/// hop up to its direct parents; claims pay out collectable balances. Nothing loops over ancestors.
/// Token `address(0)` is native ETH.
interface IRoyaltyEngine {
    /* EVENTS */

    /// @notice `payer` paid `amount` of `token` for a use of `assetId`; `fee` went to the protocol.
    event Paid(uint256 indexed assetId, address indexed token, address indexed payer, uint256 amount, uint256 fee);

    /// @notice `assetId` split `gross` of `token` (whose held part was `net`): its parents received
    /// their shares of `gross` (see `RoyaltyForwarded`) and it kept `kept`.
    event Split(uint256 indexed assetId, address indexed token, uint256 gross, uint256 net, uint256 kept);

    /// @notice A split of `childId` credited `amount` of `token` to its parent `parentId`.
    event RoyaltyForwarded(uint256 indexed childId, uint256 indexed parentId, address indexed token, uint256 amount);

    /// @notice `amount` of `token` owed to `assetId` was paid to `recipient` at the request of `claimer`
    /// (the asset's owner or revenue manager, who sent the claim or signed it).
    event Claimed(
        uint256 indexed assetId,
        address indexed token,
        address indexed recipient,
        uint256 amount,
        address claimer
    );

    /// @notice `amount` of `token` in protocol fees was paid to `treasury`.
    event FeesWithdrawn(address indexed token, address indexed treasury, uint256 amount);

    /* ERRORS */

    /// @notice The payment amount is zero.
    error ZeroAmount();
    /// @notice The ETH sent (`sent`) differs from what the call requires (`expected`).
    error IncorrectPaymentValue(uint256 expected, uint256 sent);
    /// @notice `token` is not on the payment allowlist.
    error TokenNotAllowed(address token);
    /// @notice The engine received `received` of the token instead of `expected` (fee-on-transfer).
    error TransferAmountMismatch(uint256 expected, uint256 received);
    /// @notice A claim cannot pay `recipient`: the zero address or this contract.
    error InvalidRecipient(address recipient);
    /// @notice A single payment may be at most `maxAmount` (2^128 - 1).
    error AmountTooLarge(uint256 amount, uint256 maxAmount);
    /// @notice Two arrays that go together have different lengths.
    error LengthMismatch(uint256 length, uint256 otherLength);
    /// @notice Only the protocol's relay may call.
    error OnlyRelay(address caller);

    /* PAYMENTS */

    /// @notice Pays `amount` of `token` for a use of `assetId`. The protocol takes its fee; the rest
    /// is credited to the asset (to its collectable balance if it is an original, else to its
    /// splittable balance, from which `split` pays each parent its share of the full `amount`).
    /// @dev For ETH, `token` is `address(0)` and `msg.value` must equal `amount`. For an ERC-20,
    /// the caller must have approved `amount`; the amount received must equal `amount`.
    /// Reverts while paused. Gas does not depend on the asset's depth or number of parents.
    function pay(uint256 assetId, address token, uint256 amount) external payable;

    /// @notice Pays for uses of many assets in one `token` with a single transfer of the total:
    /// `amounts[i]` for `assetIds[i]`, each charged the fee and credited as by `pay`.
    /// @dev For ETH, `msg.value` must equal the total. Reverts while paused.
    function payMany(address token, uint256[] calldata assetIds, uint256[] calldata amounts) external payable;

    /// @notice `payMany` with the tokens taken from `payer`, who approved this contract. Only the
    /// licensing contract (fixed at deployment) may call; it passes its own caller as `payer`.
    function payFrom(
        address payer,
        address token,
        uint256[] calldata assetIds,
        uint256[] calldata amounts
    ) external payable;

    /* SPLITS */

    /// @notice Moves the splittable balance of `assetId` in `token` one hop up: each parent gets its
    /// share of the gross amount (to its collectable balance if it is an original, else to its
    /// splittable balance) and the asset keeps the rest. Anyone may call; never paused.
    /// @dev Rounding: parent i receives floor(gross * c_i / 10,000) - floor(gross * c_{i-1} / 10,000)
    /// where c_i is the running sum of shares, so the parents' amounts add up exactly and the
    /// remainder stays with the splitting asset. Does nothing if the balance is zero.
    /// @return kept What the asset kept.
    function split(uint256 assetId, address token) external returns (uint256 kept);

    /// @notice `split` for every asset in `assetIds` and every token in `tokens`, in order (assets
    /// outer). List children before their parents to move money several hops in one call.
    function splitMany(uint256[] calldata assetIds, address[] calldata tokens) external;

    /* CLAIMS */

    /// @notice Pays the collectable balance of `assetId` in `token` to `recipient`.
    /// @dev Only the asset's current owner or its revenue manager may call (an ERC-721 approval is
    /// not enough). Never paused. Does nothing (and returns 0) if the balance is zero.
    function claim(uint256 assetId, address token, address recipient) external returns (uint256 amount);

    /// @notice Claims every token in `tokens` for every asset in `assetIds` to `recipient`, with one
    /// transfer per token. The caller must own or manage every asset.
    /// @return amounts What was paid out per token, in the order of `tokens`.
    function claimMany(
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) external returns (uint256[] memory amounts);

    /// @notice `claimMany` for `claimer`, who must own or manage every asset and signed the request
    /// the protocol's relay checked; `Claimed` names the claimer. Relay only. Never paused.
    function claimFor(
        address claimer,
        uint256[] calldata assetIds,
        address[] calldata tokens,
        address recipient
    ) external returns (uint256[] memory amounts);

    /// @notice Pays accrued protocol fees in `token` to the treasury. Anyone may call.
    function withdrawFees(address token) external returns (uint256 amount);

    /* VIEWS */

    /// @notice The splittable balance of `assetId` in `token`.
    /// @return gross The amount the parents' shares apply to.
    /// @return net The amount held for it (gross less the fees of direct payments in it).
    function splittableBalance(uint256 assetId, address token) external view returns (uint256 gross, uint256 net);

    /// @notice The collectable (claimable) balance of `assetId` in `token`.
    function collectableBalance(uint256 assetId, address token) external view returns (uint256);

    /// @notice Protocol fees in `token` accrued and not yet withdrawn.
    function accruedFees(address token) external view returns (uint256);
}
