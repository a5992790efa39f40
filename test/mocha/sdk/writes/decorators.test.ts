import { expect } from "chai";
import { createPublicClient, http, parseEther } from "viem";
import {
  ContractNotDeployedError,
  ETH,
  remixPublicActions,
  remixWalletActions,
  UnknownChainError,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";

describeOnNodes("sdk decorators", (env) => {
  it("bind every action to extended clients, with the deployment given once", async function () {
    const { alice, payer, chain, node, deployment } = env();
    const creator = alice.extend(remixWalletActions({ deployment }));
    const reader = createPublicClient({ chain, transport: http(node.url), cacheTime: 0 }).extend(
      remixPublicActions({ deployment }),
    );
    const { assetId } = await creator.registerOriginal({
      content: new TextEncoder().encode("decorated"),
      metadataUri: "ipfs://decorated",
    });
    expect((await reader.getAsset({ assetId })).owner).to.equal(alice.account.address);

    const buyer = payer.extend(remixWalletActions({ deployment }));
    const prepared = await buyer.preparePay({ assetId, token: ETH, amount: parseEther("1") });
    expect(prepared).to.deep.include({ to: deployment.protocol, value: parseEther("1") });
    expect(
      await buyer.estimatePayGas({ assetId, token: ETH, amount: parseEther("1") }),
    ).to.be.greaterThan(21_000n);
    await buyer.pay({ assetId, token: ETH, amount: parseEther("1") });
    const [balance] = await reader.getBalances({ assetIds: [assetId], tokens: [ETH] });
    expect(balance?.collectable).to.equal(parseEther("0.9"));
  });

  it("let a call's own deployment override the bound one", async function () {
    const { alice, stranger, deployment } = env();
    // Bound to addresses without code: every call using the bound deployment fails.
    const nowhere = { ...deployment, protocol: stranger.account.address };
    const bound = alice.extend(remixPublicActions({ deployment: nowhere }));
    const error = await bound.getProtocolConfig().catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(ContractNotDeployedError);
    expect((await bound.getProtocolConfig({ deployment })).feeBps).to.equal(1_000);

    const writer = alice.extend(remixWalletActions({ deployment: nowhere }));
    const { assetId } = await writer.registerOriginal({
      deployment,
      content: new TextEncoder().encode("overridden"),
      metadataUri: "ipfs://overridden",
    });
    expect((await bound.getAsset({ deployment, assetId })).owner).to.equal(alice.account.address);
  });

  it("leave the deployment to each call when none is bound", async function () {
    const { alice, deployment } = env();
    const unbound = alice.extend(remixPublicActions());
    const error = await unbound.getProtocolConfig().catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(UnknownChainError);
    expect((await unbound.getProtocolConfig({ deployment })).feeBps).to.equal(1_000);
  });
});
