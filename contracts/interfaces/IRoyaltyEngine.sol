// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRoyaltyEngine
/// @notice Splits every paid use of an asset recursively up its remix tree, lazily.
/// Per asset and token the engine keeps one balance: what it holds for the asset (`held`: the
/// asset's own revenue and what its parents are still owed) and, for a remix, the gross received
/// and not yet split (`pendingGross`, the amount its parents' shares apply to).
/// A payment credits only the paid asset (O(1)); `split` passes a remix's pending gross one hop up
/// to its direct parents; a claim splits the asset first, then pays out what it holds. Nothing
/// loops over ancestors. Token `address(0)` is native ETH.
/// Rounding never depends on timing: over its life a parent with share s receives exactly
/// floor(G * s / 10,000) of the gross G its remix split, however often anyone splits; the fees in
/// a token add up to floor(paid * fee / 10,000) of the total paid at that fee (within one unit per
/// fee change), however payments are chunked.
interface IRoyaltyEngine {
    /* EVENTS */

    /// @notice `payer` paid `amount` of `token` for a use of `assetId`; `fee` went to the protocol.
    event Paid(uint256 indexed assetId, address indexed token, address indexed payer, uint256 amount, uint256 fee);

    /// @notice `assetId` split `gross` of `token`: its parents, in the order of `parentsOf`, were
    /// credited `amounts` and the asset kept the rest of what it held for them.
    event Split(uint256 indexed assetId, address indexed token, uint256 gross, uint256[] amounts);

    /// @notice `recipient` was paid `amounts[i]` of `token` owed to `assetIds[i]` (one entry per
    /// asset of the claim, in its order, 0 where nothing was owed), at the request of `claimer`
    /// (the assets' owner or revenue manager, who sent the claim or signed it). One event per
    /// token of a claim that paid anything.
    event Claimed(
        address indexed token,
        address indexed recipient,
        address claimer,
        uint256[] assetIds,
        uint256[] amounts
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
    /// @notice A single payment may be at most `maxAmount` (2^120 - 1, the width of a balance).
    error AmountTooLarge(uint256 amount, uint256 maxAmount);
    /// @notice Two arrays that go together have different lengths.
    error LengthMismatch(uint256 length, uint256 otherLength);
    /// @notice Only the protocol's relay may call.
    error OnlyRelay(address caller);

    /* PAYMENTS */

    /// @notice Pays `amount` of `token` for a use of `assetId`. The protocol takes its fee; the rest
    /// is held for the asset (for a remix, `amount` is also pending, so that `split` pays each
    /// parent its share of the full `amount`).
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

    /// @notice Passes the pending gross of `assetId` in `token` one hop up: each parent is credited
    /// its share (held at once; pending too if it is a remix) and the asset keeps the rest of what
    /// it held for them. Anyone may call; never paused. Does nothing if nothing is pending.
    /// @dev Rounding: parent i receives floor((G + gross) * s_i / 10,000) - floor(G * s_i / 10,000),
    /// where G is the gross the asset split before, so every parent's lifetime total is exact
    /// whatever the timing of splits. If the parents' rounded amounts together exceed what is held
    /// (a tiny split among many parents), only the largest covered part of the pending gross is
    /// split and the rest stays pending for the next split.
    /// @return forwarded What the parents received in total.
    function split(uint256 assetId, address token) external returns (uint256 forwarded);

    /// @notice `split` for every asset in `assetIds` and every token in `tokens`, in order (assets
    /// outer). List children before their parents to move money several hops in one call.
    function splitMany(uint256[] calldata assetIds, address[] calldata tokens) external;

    /* CLAIMS */

    /// @notice Splits what `assetId` has pending in `token`, then pays what it holds to `recipient`.
    /// If what it holds does not cover all of its pending gross, all of it is owed to the parents
    /// and nothing is paid (see `collectableBalance`).
    /// @dev Only the asset's current owner or its revenue manager may call (an ERC-721 approval is
    /// not enough). Never paused. Does nothing (and returns 0) if nothing is collectable.
    function claim(uint256 assetId, address token, address recipient) external returns (uint256 amount);

    /// @notice Claims every token in `tokens` for every asset in `assetIds` to `recipient` (each
    /// split first, as by `claim`), with one transfer per token. The caller must own or manage every
    /// asset.
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

    /// @notice The balance the engine keeps for `assetId` in `token`.
    /// @return held Everything held for the asset: its own revenue and what its parents are owed.
    /// @return pendingGross Received and not yet split (always 0 for an original).
    /// @return remainder The gross the asset split over its life, modulo 10,000 (it fixes the
    /// rounding of the next split).
    function royaltyBalance(
        uint256 assetId,
        address token
    ) external view returns (uint256 held, uint256 pendingGross, uint256 remainder);

    /// @notice What a claim of `assetId` in `token` would pay now: what it holds once its pending
    /// gross is split, or 0 if what it holds does not cover all of it (then it is all owed to the
    /// parents).
    function collectableBalance(uint256 assetId, address token) external view returns (uint256);

    /// @notice Protocol fees in `token` accrued and not yet withdrawn.
    /// @return amount The fees accrued.
    /// @return grossRemainder The gross ever paid in `token`, modulo 10,000 (it fixes the rounding
    /// of the next payment's fee).
    function accruedFees(address token) external view returns (uint256 amount, uint256 grossRemainder);
}
