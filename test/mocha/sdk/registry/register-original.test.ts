import { expect } from "chai";
import { keccak256, toHex } from "viem";
import {
  ContractRevertError,
  estimateRegisterOriginalGas,
  getAsset,
  hashContent,
  prepareRegisterOriginal,
  registerOriginal,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";

describeOnNodes("sdk registerOriginal", (env) => {
  it("registers the work's SHA-256 and returns the new asset id", async function () {
    const { alice, deployment } = env();
    const content = new TextEncoder().encode("Smartwatch Product Demo, 30 s");
    const { assetId, contentHash, receipt } = await registerOriginal(alice, {
      deployment,
      content,
      metadataUri: "ipfs://demo/metadata.json",
    });
    expect(assetId).to.equal(1n);
    expect(contentHash).to.equal(hashContent(content));
    expect(receipt.status).to.equal("success");
    const asset = await getAsset(alice, { deployment, assetId });
    expect(asset).to.deep.include({
      owner: alice.account.address,
      contentHash: hashContent(content),
      metadataUri: "ipfs://demo/metadata.json",
      parentCount: 0,
      childCount: 0,
    });
  });

  it("fails with the decoded ContentAlreadyRegistered before sending when the hash is taken", async function () {
    const { alice, bob, deployment, publicClient } = env();
    const contentHash = keccak256(toHex("taken"));
    await registerOriginal(alice, { deployment, contentHash, metadataUri: "a" });
    const nonce = await publicClient.getTransactionCount({ address: bob.account.address });
    const error = await registerOriginal(bob, { deployment, contentHash, metadataUri: "b" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    const revert = error as ContractRevertError;
    expect(revert.is("ContentAlreadyRegistered")).to.equal(true);
    expect(revert.args).to.deep.equal([contentHash, 1n]);
    expect(await publicClient.getTransactionCount({ address: bob.account.address })).to.equal(
      nonce,
    );
  });

  it("prepares the same calldata it sends and estimates its gas", async function () {
    const { alice, deployment, publicClient } = env();
    const parameters = { deployment, contentHash: keccak256(toHex("x")), metadataUri: "m" };
    const prepared = await prepareRegisterOriginal(alice, parameters);
    expect(prepared.to).to.equal(deployment.protocol);
    expect(prepared.value).to.equal(0n);
    const gas = await estimateRegisterOriginalGas(alice, parameters);
    const { receipt } = await registerOriginal(alice, parameters);
    const sent = await publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
