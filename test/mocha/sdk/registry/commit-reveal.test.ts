import { expect } from "chai";
import {
  commitRegistration,
  COMMITMENT_LIFETIME,
  COMMITMENT_MIN_AGE,
  ContractRevertError,
  ETH,
  getAsset,
  InvalidParameterError,
  registerOriginal,
  registerRemix,
  registrationCommitment,
  remixProtocolAbi,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { allowRemixes, original, refused } from "../helpers/family.js";

/** Lets a minute and a block pass, as a commitment needs before its reveal. */
async function nextBlock(e: SdkEnv): Promise<void> {
  await e.testClient.increaseTime({ seconds: 60 });
  await e.testClient.mine({ blocks: 1 });
}

describeOnNodes("sdk commit-reveal registration", (env) => {
  it("commits, refuses the content to anyone's direct path, and registers it for the creator on reveal", async function () {
    const e = env();
    const { alice, stranger, deployment } = e;
    const content = new TextEncoder().encode("unreleased track");
    const sent: string[] = [];
    const committed = await commitRegistration(alice, {
      deployment,
      content,
      onSent: (hash) => sent.push(hash),
    });
    // The hash is reported once sent, and is the transaction the receipt is for.
    expect(sent).to.deep.equal([committed.receipt.transactionHash]);
    expect(committed.commitment).to.equal(
      registrationCommitment({ creator: alice.account.address, content, salt: committed.salt })
        .commitment,
    );
    const block = await e.publicClient.getBlock({ blockNumber: committed.receipt.blockNumber });
    expect(committed.expiresAt).to.equal(block.timestamp + 86_400n);
    expect(committed.revealableAt).to.equal(block.timestamp + 60n);
    // The SDK's constants are the contract's.
    const read = { address: deployment.protocol, abi: remixProtocolAbi } as const;
    expect(
      await e.publicClient.readContract({ ...read, functionName: "MIN_COMMITMENT_AGE" }),
    ).to.equal(COMMITMENT_MIN_AGE);
    expect(
      await e.publicClient.readContract({ ...read, functionName: "COMMITMENT_LIFETIME" }),
    ).to.equal(COMMITMENT_LIFETIME);

    // A watcher who learned the hash is refused before sending anything.
    const error = await refused(e, stranger, () =>
      registerOriginal(stranger, { deployment, content, metadataUri: "ipfs://copy" }),
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).errorName).to.equal("ContentCommitted");

    await nextBlock(e);
    const { assetId } = await registerOriginal(alice, {
      deployment,
      content,
      metadataUri: "ipfs://track",
      salt: committed.salt,
    });
    const asset = await getAsset(e.publicClient, { deployment, assetId });
    expect(asset.owner).to.equal(alice.account.address);
    expect(asset.metadataUri).to.equal("ipfs://track");
  });

  it("reveals a remix bought through the licensing contract, so it cannot be copied as an original", async function () {
    const e = env();
    const { alice, bob, stranger, deployment } = e;
    const parent = await original(e, alice, "P");
    await allowRemixes(e, alice, parent);
    const content = new TextEncoder().encode("remix of P");
    const { salt } = await commitRegistration(bob, { deployment, content });
    const copy = await refused(e, stranger, () =>
      registerOriginal(stranger, { deployment, content, metadataUri: "ipfs://copy" }),
    );
    expect((copy as ContractRevertError).errorName).to.equal("ContentCommitted");

    await nextBlock(e);
    const remix = await registerRemix(bob, {
      deployment,
      content,
      metadataUri: "ipfs://remix",
      parents: [{ assetId: parent, shareBps: 2_000 }],
      salt,
    });
    const asset = await getAsset(e.publicClient, { deployment, assetId: remix.assetId });
    expect(asset).to.deep.include({ owner: bob.account.address, parentCount: 1 });
    // The licence bought in the reveal is used at once: no licence id, one recorded purchase.
    expect(remix.licenceIds).to.deep.equal([0n]);
    expect(remix.purchases).to.deep.equal([
      { parentId: parent, termsVersion: 1, currency: ETH, price: 0n },
    ]);
  });

  it("refuses a zero or malformed salt before any request, and a reveal by another account on chain", async function () {
    const e = env();
    const { alice, bob, deployment } = e;
    const content = new TextEncoder().encode("salted");
    for (const salt of [`0x${"00".repeat(32)}`, "0x1234"] as const) {
      const error = await refused(e, alice, () =>
        registerOriginal(alice, { deployment, content, metadataUri: "ipfs://x", salt }),
      );
      expect(error).to.be.instanceOf(InvalidParameterError);
    }
    const { salt } = await commitRegistration(alice, { deployment, content });
    await nextBlock(e);
    const error = await refused(e, bob, () =>
      registerOriginal(bob, { deployment, content, metadataUri: "ipfs://x", salt }),
    );
    expect((error as ContractRevertError).errorName).to.equal("UnknownCommitment");
  });
});
