// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IProtocolAdmin
/// @notice The only admin powers: the protocol fee (capped by an immutable maximum), the treasury,
/// the ERC-20 allowlist and a pause of new registrations and payments. No admin path can move,
/// freeze or redirect an asset's balance, and nothing is upgradeable.
interface IProtocolAdmin {
    /* EVENTS */

    /// @notice The admin announced that the fee becomes `newFeeBps` at `effectiveAt` (replacing any
    /// change announced before and not yet in force). Until then payments keep `currentFeeBps`.
    event FeeChangeScheduled(uint16 currentFeeBps, uint16 newFeeBps, uint40 effectiveAt);

    /// @notice The fee in force changed, from this log on. Emitted by the first payment (or fee
    /// change) at or after the announced time; payments between that time and this log already
    /// used the new fee, as their `Paid` events show.
    event FeeUpdated(uint16 previousFeeBps, uint16 newFeeBps);

    /// @notice The treasury that receives protocol fees changed.
    event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury);

    /// @notice `token` was added to (`allowed`) or removed from the payment allowlist.
    event TokenAllowlistUpdated(address indexed token, bool allowed);

    /// @notice New registrations and payments were paused or resumed by `account`.
    event PauseUpdated(address indexed account, bool paused);

    /* ERRORS */

    /// @notice The fee `feeBps` is above the immutable maximum `maxFeeBps`.
    error FeeAboveMaximum(uint16 feeBps, uint16 maxFeeBps);
    /// @notice The maximum fee is above 100%.
    error InvalidMaxFee(uint16 maxFeeBps);
    /// @notice The notice period for fee changes is outside `[minDelay, maxDelay]` seconds.
    error InvalidFeeDelay(uint256 delay, uint256 minDelay, uint256 maxDelay);
    /// @notice The treasury is the zero address.
    error InvalidTreasury();
    /// @notice `address(0)` stands for ETH, which is always accepted and cannot be listed.
    error InvalidToken();
    /// @notice New registrations and payments are paused.
    error ProtocolPaused();
    /// @notice The protocol is already in the requested pause state.
    error PauseUnchanged(bool paused);
    /// @notice Ownership cannot be renounced: a paused protocol with no admin could never resume.
    error RenounceDisabled();

    /* ADMIN */

    /// @notice Announces a new protocol fee, in force `FEE_DELAY` seconds from now, so creators and
    /// buyers see every fee change coming. Owner only; capped by `MAX_FEE_BPS`. A later call replaces
    /// a change not yet in force; announcing the fee in force cancels it (`effectiveAt` is then now).
    function setFee(uint16 feeBps) external;

    /// @notice Sets the treasury that receives protocol fees. Owner only.
    function setTreasury(address treasury) external;

    /// @notice Adds or removes an ERC-20 from the payment allowlist. Owner only. Removing a token
    /// stops new payments in it; balances already credited stay splittable and claimable.
    /// @dev Warning: list only tokens that transfer exact amounts, whose supply fits in 120 bits (balances are kept in 120-bit fields).
    function setTokenAllowed(address token, bool allowed) external;

    /// @notice Pauses or resumes new registrations and payments. Owner only. Splits, claims, fee
    /// withdrawals and NFT transfers are never paused.
    function setPaused(bool paused) external;

    /* VIEWS */

    /// @notice The protocol fee in force now (payments in this block pay it), in basis points.
    function feeBps() external view returns (uint16);

    /// @notice The announced fee change not yet in force: its fee and the time it takes effect
    /// (`effectiveAt` 0: none).
    function pendingFee() external view returns (uint16 feeBps, uint40 effectiveAt);

    /// @notice The immutable notice, in seconds, between announcing a fee change and its effect.
    function FEE_DELAY() external view returns (uint32);

    /// @notice The immutable cap on the protocol fee, in basis points.
    function MAX_FEE_BPS() external view returns (uint16);

    /// @notice The address that receives protocol fees.
    function treasury() external view returns (address);

    /// @notice Whether `token` is accepted for payments (ETH, `address(0)`, always is).
    function isTokenAllowed(address token) external view returns (bool);

    /// @notice Whether new registrations and payments are paused.
    function paused() external view returns (bool);
}
