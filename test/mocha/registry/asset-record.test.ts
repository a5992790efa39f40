import { expect } from "chai";
import type { ContractTransactionResponse, Result } from "ethers";
import {
  contentHash,
  deployProtocol,
  ethers,
  metadataURI,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import {
  eventArgs,
  licensedRemixTx,
  timestampOf,
  uriOfLength,
  type Protocol,
} from "../helpers/registry.js";

// contracts/token/AssetToken.sol: `AssetRecord { address owner; uint40 createdAt; uint8 parentCount;
// uint16 uriLength; uint32 childCount; }`, packed from the low bits into one word.
const OWNER_BITS = 160n;
const CREATED_AT_SHIFT = 160n;
const PARENT_COUNT_SHIFT = 200n;
const URI_LENGTH_SHIFT = 208n;
const CHILD_COUNT_SHIFT = 224n;
const OWNER_MASK = (1n << OWNER_BITS) - 1n;

type Summary = {
  owner: string;
  createdAt: bigint;
  parentCount: bigint;
  childCount: bigint;
  metadataURILength: bigint;
};

/** The one storage word an asset's record should be, from the summary of its fields. */
function recordWord(summary: Summary): bigint {
  return (
    BigInt(summary.owner) |
    (summary.createdAt << CREATED_AT_SHIFT) |
    (summary.parentCount << PARENT_COUNT_SHIFT) |
    (summary.metadataURILength << URI_LENGTH_SHIFT) |
    (summary.childCount << CHILD_COUNT_SHIFT)
  );
}

/** `getAssetSummary(assetId)` as a plain object, every key the view returns. */
async function summaryOf(protocol: Protocol, assetId: bigint): Promise<Summary> {
  const result = (await protocol.getAssetSummary(assetId)) as unknown as Result;
  return result.toObject(true) as Summary;
}

async function storageAt(protocol: Protocol, slot: bigint): Promise<bigint> {
  return BigInt(await ethers.provider.getStorage(await protocol.getAddress(), slot));
}

/**
 * The storage slot of `_assets[assetId]`, found (like the SDK tests' `balanceSlot`) as the one
 * candidate mapping base whose entry for `assetId` holds `word` today.
 */
async function recordSlot(protocol: Protocol, assetId: bigint, word: bigint): Promise<bigint> {
  const coder = ethers.AbiCoder.defaultAbiCoder();
  for (let base = 0n; base < 64n; base++) {
    const slot = BigInt(ethers.keccak256(coder.encode(["uint256", "uint256"], [assetId, base])));
    if ((await storageAt(protocol, slot)) === word) return slot;
  }
  throw new Error(`no mapping entry of asset ${assetId} holds ${word.toString(16)}`);
}

/** The SSTOREs the protocol itself executed in `tx` (depth 1: `tx` calls the protocol directly). */
async function protocolWrites(tx: ContractTransactionResponse) {
  const trace = await ethers.provider.send("debug_traceTransaction", [tx.hash]);
  const steps = trace.structLogs as Array<{ op: string; depth: number; stack: string[] }>;
  return steps
    .filter((step) => step.op === "SSTORE" && step.depth === 1)
    .map((step) => ({ slot: BigInt(step.stack.at(-1)!), value: BigInt(step.stack.at(-2)!) }));
}

describe("asset record: one storage word", function () {
  it("is written as exactly one word at registration, which getAssetSummary reads back exactly", async function () {
    const { protocol, alice } = await networkHelpers.loadFixture(deployProtocol);
    await networkHelpers.time.increase(12_345);
    const hash = contentHash("one word");
    const uri = metadataURI("one word");

    const tx = await protocol.connect(alice).registerOriginal(hash, uri);

    const summary = await summaryOf(protocol, 1n);
    expect(summary).to.deep.equal({
      owner: alice.address,
      createdAt: await timestampOf(tx),
      parentCount: 0n,
      childCount: 0n,
      metadataURILength: BigInt(ethers.toUtf8Bytes(uri).length),
    });
    const word = recordWord(summary);
    const slot = await recordSlot(protocol, 1n, word);
    // Nothing of the record spills into the next slot, where the content hash used to be.
    expect(await storageAt(protocol, slot + 1n)).to.equal(0n);

    const writes = await protocolWrites(tx);
    expect(writes.filter((w) => w.slot === slot)).to.deep.equal([{ slot, value: word }]);
    expect(writes.filter((w) => w.slot === slot + 1n)).to.deep.equal([]);
    // The hash is a key (of the content record), never a stored value.
    expect(writes.filter((w) => w.value === BigInt(hash))).to.deep.equal([]);
  });

  it("counts a two-parent remix in each parent's word, leaving its owner, creation time and URI length", async function () {
    const { protocol, alice, bob, carol } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    await networkHelpers.time.increase(1_000);
    const b = await protocol.totalAssets().then((total) => total + 1n);
    await protocol.connect(bob).registerOriginal(contentHash("B"), uriOfLength(300, "B"));
    const before = { a: await summaryOf(protocol, a), b: await summaryOf(protocol, b) };
    const slots = {
      a: await recordSlot(protocol, a, recordWord(before.a)),
      b: await recordSlot(protocol, b, recordWord(before.b)),
    };
    await networkHelpers.time.increase(1_000);

    const tx = await licensedRemixTx(protocol, carol, "R", [
      [a, 2_000],
      [b, 1_000],
    ]);
    const r = b + 1n;

    for (const [id, key] of [
      [a, "a"],
      [b, "b"],
    ] as const) {
      const expected = { ...before[key], childCount: 1n };
      expect(await summaryOf(protocol, id), `summary of parent ${id}`).to.deep.equal(expected);
      expect(await protocol.childCount(id)).to.equal(1n);
      const asset = await protocol.getAsset(id);
      expect([asset.owner, asset.createdAt, asset.parentCount, asset.childCount]).to.deep.equal([
        before[key].owner,
        before[key].createdAt,
        0n,
        1n,
      ]);
      expect(BigInt(ethers.toUtf8Bytes(asset.metadataURI).length)).to.equal(
        before[key].metadataURILength,
      );
      // The increment touches only the child count bits of the parent's one word.
      const word = recordWord(before[key]) + (1n << CHILD_COUNT_SHIFT);
      expect(await storageAt(protocol, slots[key])).to.equal(word);
      expect((await protocolWrites(tx)).filter((w) => w.slot === slots[key])).to.deep.equal([
        { slot: slots[key], value: word },
      ]);
    }
    expect(await summaryOf(protocol, r)).to.deep.equal({
      owner: carol.address,
      createdAt: await timestampOf(tx),
      parentCount: 2n,
      childCount: 0n,
      metadataURILength: BigInt(metadataURI("R").length),
    });

    // A second remix of A alone moves A's count only.
    await registerRemix(protocol, bob, "R2", [[a, 500]]);
    expect(await summaryOf(protocol, a)).to.deep.equal({ ...before.a, childCount: 2n });
    expect(await protocol.childCount(b)).to.equal(1n);
  });

  it("keeps a transferred parent's counts, creation time and URI length, changing only its owner", async function () {
    const { protocol, alice, bob, carol, stranger } =
      await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    const b = await registerRemix(protocol, bob, "B", [[a, 3_000]]);
    // B: one parent, two children; its word has every field non-zero.
    await registerRemix(protocol, carol, "C", [[b, 1_000]]);
    await registerRemix(protocol, carol, "D", [
      [a, 1_000],
      [b, 1_000],
    ]);
    const before = await summaryOf(protocol, b);
    expect([before.parentCount, before.childCount]).to.deep.equal([1n, 2n]);
    const slot = await recordSlot(protocol, b, recordWord(before));

    await protocol.connect(bob).transferFrom(bob.address, stranger.address, b);

    expect(await summaryOf(protocol, b)).to.deep.equal({ ...before, owner: stranger.address });
    expect(await protocol.childCount(b)).to.equal(2n);
    const word = await storageAt(protocol, slot);
    expect(word & OWNER_MASK).to.equal(BigInt(stranger.address));
    expect(word >> OWNER_BITS).to.equal(recordWord(before) >> OWNER_BITS);
  });
});

describe("content hash: the key of its asset", function () {
  it("maps the hash to the asset with assetIdOf, and AssetRegistered carries it, for an original and a remix", async function () {
    const { protocol, alice, bob } = await networkHelpers.loadFixture(deployProtocol);
    const originalHash = contentHash("original");
    const originalUri = metadataURI("original");

    const registered = await protocol.connect(alice).registerOriginal(originalHash, originalUri);

    expect(await eventArgs(protocol, registered, "AssetRegistered")).to.deep.equal([
      [1n, alice.address, originalHash, originalUri],
    ]);
    expect(await protocol.assetIdOf(originalHash)).to.equal(1n);

    const remixed = await licensedRemixTx(protocol, bob, "remix", [[1n, 2_000]]);
    expect(await eventArgs(protocol, remixed, "AssetRegistered")).to.deep.equal([
      [2n, bob.address, contentHash("remix"), metadataURI("remix")],
    ]);
    expect(await protocol.assetIdOf(contentHash("remix"))).to.equal(2n);
    expect(await protocol.assetIdOf(contentHash("never registered"))).to.equal(0n);
  });

  it("keeps the hash's asset and its registration event through a transfer", async function () {
    const { protocol, alice, carol } = await networkHelpers.loadFixture(deployProtocol);
    const a = await registerOriginal(protocol, alice, "A");
    await registerOriginal(protocol, alice, "B");

    await protocol.connect(alice).transferFrom(alice.address, carol.address, a);

    expect(await protocol.assetIdOf(contentHash("A"))).to.equal(a);
    expect(await protocol.ownerOf(a)).to.equal(carol.address);
    // Filtered by the indexed asset id, the event still names the registrant and the hash.
    const events = await protocol.queryFilter(protocol.filters.AssetRegistered(a));
    expect(events.map((event) => [...event.args])).to.deep.equal([
      [a, alice.address, contentHash("A"), metadataURI("A")],
    ]);
  });
});
