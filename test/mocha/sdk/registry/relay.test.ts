import { expect } from "chai";
import { createWalletClient, http, parseEther } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  claimBySig,
  ContractRevertError,
  ETH,
  getAsset,
  pay,
  registerBySig,
  signClaim,
  signRegistration,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv, type Wallet } from "../helpers/env.js";
import { refused } from "../helpers/family.js";

/** A creator's wallet on `e`'s node holding no ETH at all: it can only sign. */
function gaslessCreator(e: SdkEnv): Wallet {
  return createWalletClient({
    account: privateKeyToAccount(generatePrivateKey()),
    chain: e.chain,
    transport: http(e.node.url),
  });
}

describeOnNodes("sdk signed registrations and claims (relay)", (env) => {
  it("a creator with no ETH signs; a relayer registers and claims for it; the money reaches the creator", async function () {
    const e = env();
    const { deployment, stranger, payer } = e;
    const creator = gaslessCreator(e);
    const content = new TextEncoder().encode("gasless work");

    const signed = await signRegistration(creator, {
      deployment,
      content,
      metadataUri: "ipfs://gasless",
    });
    const { assetId, creator: ofRecord } = await registerBySig(stranger, { deployment, ...signed });
    expect(ofRecord).to.equal(creator.account.address);
    const asset = await getAsset(e.publicClient, { deployment, assetId });
    expect(asset).to.deep.include({
      owner: creator.account.address,
      metadataUri: "ipfs://gasless",
    });

    await pay(payer, { deployment, assetId, token: ETH, amount: parseEther("1") });
    const claim = await signClaim(creator, { deployment, assetIds: [assetId], tokens: [ETH] });
    const { claims } = await claimBySig(stranger, { deployment, ...claim });
    expect(claims).to.deep.equal([{ assetId, token: ETH, amount: parseEther("0.9") }]);
    expect(await e.publicClient.getBalance({ address: creator.account.address })).to.equal(
      parseEther("0.9"),
    );
  });

  it("refuses a tampered or replayed request before sending, with the decoded InvalidSignature", async function () {
    const e = env();
    const { deployment, stranger } = e;
    const creator = gaslessCreator(e);
    const signed = await signRegistration(creator, {
      deployment,
      content: new TextEncoder().encode("signed once"),
      metadataUri: "ipfs://mine",
    });
    const tampered = { ...signed, request: { ...signed.request, metadataURI: "ipfs://theirs" } };
    const error = await refused(e, stranger, () =>
      registerBySig(stranger, { deployment, ...tampered }),
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).errorName).to.equal("InvalidSignature");
    expect((error as ContractRevertError).args).to.deep.equal([creator.account.address]);

    await registerBySig(stranger, { deployment, ...signed });
    const replay = await refused(e, stranger, () =>
      registerBySig(stranger, { deployment, ...signed }),
    );
    expect((replay as ContractRevertError).errorName).to.equal("InvalidSignature");
  });
});
