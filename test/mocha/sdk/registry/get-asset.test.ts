import { expect } from "chai";
import { keccak256, toHex } from "viem";
import {
  ContractRevertError,
  getAsset,
  getAssetIdOf,
  getAssets,
  hashContent,
  InvalidParameterError,
  registerOriginal,
  remixPublicActions,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { remix } from "../helpers/family.js";
import { transferAsset } from "../helpers/tree.js";

describeOnNodes("sdk getAsset", (env) => {
  it("returns the content hash and creator from the registration log, and the current owner from storage", async function () {
    const e = env();
    const { alice, bob, stranger, deployment, publicClient } = e;
    const content = new TextEncoder().encode("Smartwatch Product Demo, 30 s");
    const { assetId, receipt } = await registerOriginal(alice, {
      deployment,
      content,
      metadataUri: "ipfs://demo/metadata.json",
    });
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const b = await remix(e, bob, "B", { parentId: assetId, shareBps: 3_000, owner: alice });

    const asset = await getAsset(publicClient, { deployment, assetId });
    expect(asset).to.deep.equal({
      assetId,
      owner: alice.account.address,
      createdAt: block.timestamp,
      metadataUri: "ipfs://demo/metadata.json",
      parentCount: 0,
      childCount: 1,
      contentHash: hashContent(content),
      creator: alice.account.address,
    });
    expect(await getAsset(publicClient, { deployment, assetId: b })).to.deep.include({
      owner: bob.account.address,
      parentCount: 1,
      childCount: 0,
      contentHash: keccak256(toHex("B")),
      creator: bob.account.address,
    });
    // getAssets reads storage alone: the same record without what the log adds.
    const [stored] = await getAssets(publicClient, { deployment, assetIds: [assetId] });
    const { contentHash: _hash, creator: _creator, ...record } = asset;
    expect(stored).to.deep.equal(record);

    await transferAsset(e, alice, stranger.account.address, assetId);

    expect(await getAsset(publicClient, { deployment, assetId })).to.deep.equal({
      ...asset,
      owner: stranger.account.address,
    });
  });

  it("gives the same result scanning the logs one block at a time with maxBlockRange: 1n", async function () {
    const e = env();
    const { alice, bob, deployment, publicClient, requests } = e;
    const { assetId } = await registerOriginal(alice, {
      deployment,
      contentHash: keccak256(toHex("ranged")),
      metadataUri: "ipfs://ranged",
    });
    // Later blocks, so the asset's log is neither in the first nor in the last range.
    await registerOriginal(bob, {
      deployment,
      contentHash: keccak256(toHex("later")),
      metadataUri: "ipfs://later",
    });
    await e.testClient.mine({ blocks: 3 });

    requests.count = 0;
    const whole = await getAsset(publicClient, { deployment, assetId });
    const wholeRequests = requests.count;
    requests.count = 0;
    const ranged = await getAsset(publicClient, { deployment, assetId, maxBlockRange: 1n });

    expect(ranged).to.deep.equal(whole);
    expect(ranged).to.deep.include({
      contentHash: keccak256(toHex("ranged")),
      creator: alice.account.address,
    });
    // It did scan in ranges: one eth_getLogs per block since the deployment.
    expect(requests.count).to.be.greaterThan(wholeRequests);
  });

  it("fails with the decoded AssetNotFound for an unknown asset", async function () {
    const { publicClient, deployment } = env();
    const error = await getAsset(publicClient, { deployment, assetId: 42n }).catch(
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).is("AssetNotFound")).to.equal(true);
    expect((error as ContractRevertError).args).to.deep.equal([42n]);
  });
});

describeOnNodes("sdk getAssetIdOf", (env) => {
  it("finds the asset by its content or its hash, and gives null for unregistered content", async function () {
    const { alice, bob, deployment, publicClient } = env();
    const content = new TextEncoder().encode("first work");
    await registerOriginal(alice, { deployment, content: new Uint8Array([0]), metadataUri: "a" });
    const { assetId } = await registerOriginal(bob, { deployment, content, metadataUri: "b" });
    expect(assetId).to.equal(2n);

    expect(await getAssetIdOf(publicClient, { deployment, content })).to.equal(assetId);
    expect(
      await getAssetIdOf(publicClient, { deployment, contentHash: hashContent(content) }),
    ).to.equal(assetId);
    const bound = publicClient.extend(remixPublicActions());
    expect(await bound.getAssetIdOf({ deployment, content })).to.equal(assetId);

    const unregistered = new TextEncoder().encode("never registered");
    expect(await getAssetIdOf(publicClient, { deployment, content: unregistered })).to.equal(null);
    expect(
      await getAssetIdOf(publicClient, { deployment, contentHash: keccak256(toHex("none")) }),
    ).to.equal(null);
  });

  it("refuses a hash that is not 32 bytes of hex before sending anything", async function () {
    const { deployment, publicClient, requests } = env();
    for (const contentHash of ["0x1234", `0x${"zz".repeat(32)}`, "1234".repeat(16)] as const) {
      requests.count = 0;
      const error = await getAssetIdOf(publicClient, {
        deployment,
        contentHash: contentHash as `0x${string}`,
      }).catch((caught: unknown) => caught);
      expect(error, contentHash).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).to.equal("contentHash");
      expect(requests.count).to.equal(0);
    }
  });
});
