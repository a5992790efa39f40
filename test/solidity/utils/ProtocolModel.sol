// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ParentShare} from "../../../contracts/interfaces/IAssetRegistry.sol";
import {IRoyaltyEngine} from "../../../contracts/interfaces/IRoyaltyEngine.sol";
import {ModelAccess} from "./ModelAccess.sol";
import {Vm} from "./Vm.sol";

/// @notice An independent model of the protocol's books, written from the royalty rules rather than
/// from the contract. It keeps lifetime totals where the contract keeps remainders: per token the
/// gross ever paid (a payment's fee is floor((R + X) * f) - floor(R * f) of the lifetime total R
/// before it), per asset and token what is held, what is pending and the lifetime gross split G,
/// and per child, parent and token what the parent received so far (a split of g owes parent i
/// floor((G + g) * s_i) - received_i, for the largest g whose total owed is held). Claims split
/// first, then take everything held if nothing stays pending (else nothing: it is owed upward).
/// The handlers update it after every successful action and hand it the contract's `Split`
/// events, which must be exactly the splits it expects; the invariants compare the rest.
contract ProtocolModel is ModelAccess {
    /// @dev 100%, in basis points (the model's own constant: it does not use the contract's math).
    uint256 private constant BPS = 10_000;

    /// @dev One asset's balance in one token.
    struct Book {
        uint256 held;
        uint256 pending;
        uint256 splitGross;
    }

    /// @notice What the contract must report for one asset in one token, and the lifetime flows
    /// that explain it (held == credited - forwarded - claimed).
    struct Expected {
        uint256 held;
        uint256 pending;
        uint256 splitGross;
        uint256 collectable;
        uint256 credited;
        uint256 forwarded;
        uint256 claimed;
    }

    /// @notice A parent whose received total differs from floor(G * s_i) (see `firstShareMismatch`).
    struct ShareMismatch {
        uint256 childId;
        uint256 index;
        address token;
        uint256 received;
        uint256 expected;
        uint256 observedGross;
        uint256 modelGross;
    }

    /* FLOWS */

    /// @notice The sum of every asset's held amount in `token`.
    mapping(address token => uint256) public totalHeld;
    /// @notice Everything ever paid in `token` (payments and licence sales): the fee rule's R.
    mapping(address token => uint256) public paidIn;
    mapping(address token => uint256) public claimedOut;
    mapping(address token => uint256) public feesWithdrawn;
    /// @notice Every fee ever charged in `token`.
    mapping(address token => uint256) public feesCharged;

    /* BALANCES */

    mapping(uint256 assetId => mapping(address token => Book)) private _books;
    /// @notice Everything ever credited to an asset: its payments less their fees, and its
    /// children's splits.
    mapping(uint256 assetId => mapping(address token => uint256)) public credited;
    /// @notice Everything an asset ever forwarded to its parents.
    mapping(uint256 assetId => mapping(address token => uint256)) public forwardedOut;
    /// @notice Everything ever claimed from an asset.
    mapping(uint256 assetId => mapping(address token => uint256)) public claimed;
    /// @notice What the `index`th parent of `childId` received from it so far.
    mapping(uint256 childId => mapping(uint256 index => mapping(address token => uint256))) public parentReceived;
    uint16 private _feeBps;
    uint16 private _pendingFeeBps;
    uint256 private _feeEffectiveAt;

    /* LINEAGE */

    mapping(uint256 assetId => ParentShare[]) private _parents;
    mapping(uint256 assetId => uint256) public expectedChildCount;

    /* OBSERVED ON CHAIN */

    /// @dev Hashes of the model's splits that moved gross, in order, not yet matched by an event.
    bytes32[] private _expectedSplits;
    /// @notice The gross of all `Split` events of `childId` in `token`.
    mapping(uint256 childId => mapping(address token => uint256)) public observedSplitGross;
    /// @dev Per child, parent index and token, the sum of the parent's amounts in those events.
    mapping(uint256 childId => mapping(uint256 index => mapping(address token => uint256))) private _observedReceived;

    constructor(uint16 initialFeeBps) {
        _feeBps = initialFeeBps;
    }

    /* VIEWS */

    /// @notice The fee in force now: the last one announced whose time has come.
    function expectedFeeBps() public view returns (uint16) {
        return _feeEffectiveAt != 0 && block.timestamp >= _feeEffectiveAt ? _pendingFeeBps : _feeBps;
    }

    /// @notice The parents `assetId` was registered with, in order.
    function recordedParents(uint256 assetId) external view returns (ParentShare[] memory) {
        return _parents[assetId];
    }

    /// @notice Protocol fees in `token` charged and not withdrawn.
    function expectedFees(address token) public view returns (uint256) {
        return feesCharged[token] - feesWithdrawn[token];
    }

    /// @notice What a claim of `assetId` in `token` must pay now: what is held once the pending gross
    /// is split, or nothing if what is held does not cover all of it (it is then all owed to the
    /// parents).
    function collectable(uint256 assetId, address token) public view returns (uint256) {
        Book storage b = _books[assetId][token];
        if (b.pending == 0) return b.held;
        uint256 gross = _coveredGross(assetId, token);
        if (gross != b.pending) return 0;
        (, uint256 owed) = _owed(assetId, token, gross);
        return b.held - owed;
    }

    /// @notice What the contract must report for assets 1 to `assetCount` in `token` (at index
    /// assetId - 1). One call for every asset keeps the per-call invariant check cheap.
    function expectedBalances(uint256 assetCount, address token) external view returns (Expected[] memory all) {
        all = new Expected[](assetCount);
        for (uint256 assetId = 1; assetId <= assetCount; ++assetId) {
            Book storage b = _books[assetId][token];
            all[assetId - 1] = Expected({
                held: b.held,
                pending: b.pending,
                splitGross: b.splitGross,
                collectable: collectable(assetId, token),
                credited: credited[assetId][token],
                forwarded: forwardedOut[assetId][token],
                claimed: claimed[assetId][token]
            });
        }
    }

    /// @notice The first parent (children 1 to `assetCount`, in `tokens`) whose amounts in its
    /// child's `Split` events do not add up to floor(G * s_i / 10,000), G being the gross of those
    /// events, or whose child's events' gross differs from the model's lifetime split gross; a
    /// zero `childId` if there is none. One call keeps the per-call invariant check cheap.
    function firstShareMismatch(
        uint256 assetCount,
        address[] calldata tokens
    ) external view returns (ShareMismatch memory mismatch) {
        for (uint256 childId = 1; childId <= assetCount; ++childId) {
            ParentShare[] storage parents = _parents[childId];
            for (uint256 j; j < tokens.length && parents.length != 0; ++j) {
                address token = tokens[j];
                uint256 gross = observedSplitGross[childId][token];
                uint256 modelGross = _books[childId][token].splitGross;
                for (uint256 i; i < parents.length; ++i) {
                    uint256 received = _observedReceived[childId][i][token];
                    uint256 expected = (gross * parents[i].shareBps) / BPS;
                    if (received != expected || gross != modelGross) {
                        return ShareMismatch(childId, i, token, received, expected, gross, modelGross);
                    }
                }
            }
        }
    }

    /* MODEL UPDATES */

    /// @notice Records the registration of `assetId` with `parents` (none for an original).
    function recordRegistration(uint256 assetId, ParentShare[] calldata parents) external onlyWriter {
        for (uint256 i; i < parents.length; ++i) {
            _parents[assetId].push(parents[i]);
            ++expectedChildCount[parents[i].parentId];
        }
    }

    /// @notice Records a payment of `amount` of `token` for a use of `assetId`, at the fee in force;
    /// returns its fee: the increase of floor(lifetime paid * fee / 10,000).
    function recordPayment(uint256 assetId, address token, uint256 amount) external onlyWriter returns (uint256 fee) {
        uint256 feeBps = expectedFeeBps();
        uint256 before = paidIn[token];
        paidIn[token] = before + amount;
        fee = ((before + amount) * feeBps) / BPS - (before * feeBps) / BPS;
        feesCharged[token] += fee;
        _credit(assetId, token, amount - fee, amount);
    }

    /// @notice Applies the split rule to `assetId` in `token`; returns what its parents received.
    function recordSplit(uint256 assetId, address token) external onlyWriter returns (uint256 forwarded) {
        return _split(assetId, token);
    }

    /// @notice Records a claim of `assetId` in `token`: a split, then everything held, unless gross
    /// is still pending (then nothing); returns what it paid.
    function recordClaim(uint256 assetId, address token) external onlyWriter returns (uint256 amount) {
        _split(assetId, token);
        Book storage b = _books[assetId][token];
        if (b.pending != 0) return 0;
        amount = b.held;
        b.held = 0;
        totalHeld[token] -= amount;
        claimed[assetId][token] += amount;
        claimedOut[token] += amount;
    }

    /// @notice Records a withdrawal of all accrued fees in `token`; returns them.
    function recordFeeWithdrawal(address token) external onlyWriter returns (uint256 amount) {
        amount = expectedFees(token);
        feesWithdrawn[token] += amount;
    }

    /// @notice Records a fee change announced now, in force at `effectiveAt` (replacing any
    /// announced change not yet in force).
    function recordFeeScheduled(uint16 feeBps, uint256 effectiveAt) external onlyWriter {
        _feeBps = expectedFeeBps();
        _pendingFeeBps = feeBps;
        _feeEffectiveAt = effectiveAt;
    }

    /* OBSERVATIONS */

    /// @notice Matches the `Split` events `protocol` emitted in `logs` against the splits the model
    /// made since the last call: the same splits that moved gross, in order, with the same gross and
    /// per-parent amounts. A split that covers nothing changes nothing and announces nothing.
    function observeSplits(Vm.Log[] calldata logs, address protocol) external onlyWriter {
        uint256 matched;
        for (uint256 k; k < logs.length; ++k) {
            Vm.Log calldata log = logs[k];
            if (log.emitter != protocol || log.topics[0] != IRoyaltyEngine.Split.selector) continue;
            uint256 childId = uint256(log.topics[1]);
            address token = address(uint160(uint256(log.topics[2])));
            (uint256 gross, uint256[] memory amounts) = abi.decode(log.data, (uint256, uint256[]));
            require(amounts.length == _parents[childId].length, "Split: amounts != parents");
            require(matched < _expectedSplits.length, "Split: event the model did not expect");
            require(
                keccak256(abi.encode(childId, token, gross, amounts)) == _expectedSplits[matched++],
                "Split: event != model's split"
            );
            observedSplitGross[childId][token] += gross;
            for (uint256 i; i < amounts.length; ++i) {
                _observedReceived[childId][i][token] += amounts[i];
            }
        }
        require(matched == _expectedSplits.length, "Split: a split of the model was not emitted");
        delete _expectedSplits;
    }

    /* INTERNAL */

    /// @dev Splits `assetId` in `token` if anything is pending: the largest covered part of the
    /// pending gross goes up, each parent getting the rise of floor(lifetime split gross * share).
    function _split(uint256 assetId, address token) private returns (uint256 forwarded) {
        Book storage b = _books[assetId][token];
        if (b.pending == 0) return 0;
        uint256 gross = _coveredGross(assetId, token);
        uint256[] memory amounts;
        (amounts, forwarded) = _owed(assetId, token, gross);
        ParentShare[] storage parents = _parents[assetId];
        for (uint256 i; i < parents.length; ++i) {
            parentReceived[assetId][i][token] += amounts[i];
            _credit(parents[i].parentId, token, amounts[i], amounts[i]);
        }
        b.held -= forwarded;
        totalHeld[token] -= forwarded;
        b.pending -= gross;
        b.splitGross += gross;
        forwardedOut[assetId][token] += forwarded;
        if (gross != 0) _expectedSplits.push(keccak256(abi.encode(assetId, token, gross, amounts)));
    }

    /// @dev The largest part g of the pending gross whose total owed is held, built bit by bit from
    /// the top (what is owed only grows with g, so each bit is kept iff the total stays covered).
    function _coveredGross(uint256 assetId, address token) private view returns (uint256 gross) {
        Book storage b = _books[assetId][token];
        uint256 pending = b.pending;
        (, uint256 all) = _owed(assetId, token, pending);
        if (all <= b.held) return pending;
        uint256 step = 1;
        while (step <= pending / 2) step *= 2;
        for (; step != 0; step /= 2) {
            if (gross + step > pending) continue;
            (, uint256 owed) = _owed(assetId, token, gross + step);
            if (owed <= b.held) gross += step;
        }
    }

    /// @dev What each parent of `assetId` is owed if `gross` more of it is split in `token`:
    /// floor((G + gross) * share / 10,000) less what it received so far; and their total.
    function _owed(
        uint256 assetId,
        address token,
        uint256 gross
    ) private view returns (uint256[] memory amounts, uint256 total) {
        ParentShare[] storage parents = _parents[assetId];
        uint256 lifetime = _books[assetId][token].splitGross + gross;
        amounts = new uint256[](parents.length);
        for (uint256 i; i < parents.length; ++i) {
            amounts[i] = (lifetime * parents[i].shareBps) / BPS - parentReceived[assetId][i][token];
            total += amounts[i];
        }
    }

    /// @dev Credits `net` to `assetId`, and `gross` to its pending gross if it is a remix.
    function _credit(uint256 assetId, address token, uint256 net, uint256 gross) private {
        Book storage b = _books[assetId][token];
        b.held += net;
        totalHeld[token] += net;
        credited[assetId][token] += net;
        if (_parents[assetId].length != 0) b.pending += gross;
    }
}
