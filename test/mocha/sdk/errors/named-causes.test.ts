import { expect } from "chai";
import { type Address, getAddress } from "viem";
import {
  buyLicence,
  ContractRevertError,
  ETH,
  InsufficientAllowanceError,
  pay,
  payForUse,
  registerRemix,
  remixProtocolAbi,
  setTerms,
  UseKind,
} from "../../../../sdk/index.js";
import { artifact, describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { balanceOf, fundUsd, original, refused } from "../helpers/family.js";

/** A revert from `write` (nothing sent), as the SDK names it. */
async function revertOf(e: SdkEnv, write: () => Promise<unknown>): Promise<ContractRevertError> {
  const error = await refused(e, e.payer, write);
  expect(error).to.be.instanceOf(ContractRevertError);
  return error as ContractRevertError;
}

/** Deploys a token that returns false on a failed transfer (no revert data), allowlisted. */
async function falseReturningToken(e: SdkEnv): Promise<Address> {
  const { abi, bytecode } = artifact("mocks/FalseReturnERC20.sol/FalseReturnERC20.json");
  const deployed = await e.publicClient.waitForTransactionReceipt({
    hash: await e.admin.deployContract({ abi, bytecode, args: [6] }),
  });
  const token = getAddress(deployed.contractAddress as Address);
  await e.publicClient.waitForTransactionReceipt({
    hash: await e.admin.writeContract({
      address: e.deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "setTokenAllowed",
      args: [token, true],
    }),
  });
  await e.publicClient.waitForTransactionReceipt({
    hash: await e.payer.writeContract({
      address: token,
      abi,
      functionName: "mint",
      args: [e.payer.account.address, 10_000_000n],
    }),
  });
  return token;
}

describeOnNodes("sdk errors that name the cause", (env) => {
  it("an asset that does not exist is named so by every path that takes one", async function () {
    const e = env();
    const { deployment } = e;
    const missing = 999n;
    const direct = await revertOf(e, () =>
      pay(e.payer, { deployment, assetId: missing, token: ETH, amount: 1n }),
    );
    expect(direct.shortMessage).to.equal("Asset 999 does not exist (AssetNotFound).");
    const views = await revertOf(e, () =>
      payForUse(e.payer, { deployment, assetId: missing, count: 3n }),
    );
    expect(views.shortMessage).to.equal("Asset 999 does not exist (UnknownAsset).");
    const licence = await revertOf(e, () =>
      buyLicence(e.payer, { deployment, assetId: missing, kind: UseKind.AITraining }),
    );
    expect(licence.shortMessage).to.equal("Asset 999 does not exist (UnknownAsset).");
    const remix = await revertOf(e, () =>
      registerRemix(e.payer, {
        deployment,
        content: new TextEncoder().encode("a remix of nothing"),
        metadataUri: "ipfs://remix",
        parents: [{ assetId: missing, shareBps: 1_000 }],
      }),
    );
    expect(remix.shortMessage).to.equal("Asset 999 does not exist (UnknownAsset).");
  });

  it("use kinds print by name and shares against the real limit", async function () {
    const e = env();
    const { deployment } = e;
    const a = await original(e, e.alice, "A");
    const refusedUse = await revertOf(e, () =>
      buyLicence(e.payer, { deployment, assetId: a, kind: UseKind.AITraining }),
    );
    expect(refusedUse.shortMessage).to.equal(
      `Asset ${a} does not allow AITraining uses (UseNotAllowed).`,
    );
    // The test deployment caps the fee at 20%: a remix gives its parents at most 80%.
    await setTerms(e.alice, {
      deployment,
      assetId: a,
      kind: UseKind.Remix,
      terms: { allowed: true },
    });
    const tooMuch = await revertOf(e, () =>
      registerRemix(e.payer, {
        deployment,
        content: new TextEncoder().encode("greedy remix"),
        metadataUri: "ipfs://greedy",
        parents: [{ assetId: a, shareBps: 8_001 }],
      }),
    );
    expect(tooMuch.shortMessage).to.equal(
      "The parents' shares total 80.01%, above the 80.00% a remix can give (100% less the " +
        "protocol's 20.00% fee cap) (SharesExceedLimit).",
    );
  });

  it("a short ERC-20 allowance says how much to approve (OpenZeppelin token)", async function () {
    const e = env();
    const { deployment } = e;
    const a = await original(e, e.alice, "A");
    await fundUsd(e, e.payer, 999_999n);
    const before = await balanceOf(e, e.usd, e.payer.account.address);
    const error = await refused(e, e.payer, () =>
      pay(e.payer, { deployment, assetId: a, token: e.usd, amount: 1_000_000n }),
    );
    expect(error).to.be.instanceOf(InsufficientAllowanceError);
    expect(error).to.deep.include({
      token: e.usd,
      owner: e.payer.account.address,
      spender: deployment.protocol,
      allowance: 999_999n,
      needed: 1_000_000n,
    });
    const cause = (error as InsufficientAllowanceError).cause as ContractRevertError;
    expect(cause.errorName).to.equal("ERC20InsufficientAllowance");
    expect(await balanceOf(e, e.usd, e.payer.account.address)).to.equal(before);
  });

  it("a short allowance of a token that only returns false is found by reading it", async function () {
    const e = env();
    const { deployment } = e;
    const a = await original(e, e.alice, "A");
    const token = await falseReturningToken(e);
    const error = await refused(e, e.payer, () =>
      pay(e.payer, { deployment, assetId: a, token, amount: 2_000_000n }),
    );
    expect(error).to.be.instanceOf(InsufficientAllowanceError);
    expect(error).to.deep.include({ token, allowance: 0n, needed: 2_000_000n });
    expect(((error as InsufficientAllowanceError).cause as ContractRevertError).errorName).to.equal(
      "SafeERC20FailedOperation",
    );
  });

  it("a protocol error on an ERC-20 purchase is never hidden behind the allowance", async function () {
    const e = env();
    const { deployment } = e;
    const a = await original(e, e.alice, "A");
    // No allowance at all, but the asset refuses the use first: that is the cause reported.
    await setTerms(e.alice, {
      deployment,
      assetId: a,
      kind: UseKind.Commercial,
      terms: { allowed: false, currency: e.usd, price: 5n },
    });
    const error = await revertOf(e, () =>
      buyLicence(e.payer, {
        deployment,
        assetId: a,
        kind: UseKind.Commercial,
        maxPrice: { currency: e.usd, amount: 5n },
        termsVersion: 1,
      }),
    );
    expect(error.errorName).to.equal("UseNotAllowed");
  });
});
