import { expect } from "chai";
import { parseEther, zeroAddress } from "viem";
import {
  claim,
  ETH,
  estimateSetRevenueManagerGas,
  pay,
  prepareSetRevenueManager,
  remixProtocolAbi,
  setRevenueManager,
  setRevenueManagerForAll,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { balanceOf, expectInvalidParameter, expectRevert, original } from "../helpers/family.js";

const PAID = parseEther("1");
const OWED = (PAID * 9n) / 10n;

/** Alice's original A, paid 1 ETH (0.90 collectable), listed on a marketplace (stranger) that
 * alice approved for all her NFTs. */
async function listedWork(e: SdkEnv): Promise<bigint> {
  const a = await original(e, e.alice, "A");
  await pay(e.payer, { deployment: e.deployment, assetId: a, token: ETH, amount: PAID });
  const hash = await e.alice.writeContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "setApprovalForAll",
    args: [e.stranger.account.address, true],
  });
  await e.publicClient.waitForTransactionReceipt({ hash });
  return a;
}

describeOnNodes("sdk revenue managers", (env) => {
  it("a transfer operator cannot claim or name itself manager; the manager alice names claims", async function () {
    const e = env();
    const { deployment, alice, carol, stranger } = e;
    const a = await listedWork(e);

    await expectRevert(
      e,
      stranger,
      () => claim(stranger, { deployment, assetId: a, token: ETH }),
      "NotAssetOwnerOrManager",
      [a, stranger.account.address],
    );
    await expectRevert(
      e,
      stranger,
      () =>
        setRevenueManager(stranger, { deployment, assetId: a, manager: stranger.account.address }),
      "NotAssetOwner",
      [a, stranger.account.address],
    );

    const parameters = { deployment, assetId: a, manager: carol.account.address };
    const prepared = await prepareSetRevenueManager(alice, parameters);
    const gas = await estimateSetRevenueManagerGas(alice, parameters);
    const named = await setRevenueManager(alice, parameters);
    expect(named.manager).to.equal(carol.account.address);
    const sent = await e.publicClient.getTransaction({ hash: named.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= named.receipt.gasUsed).to.equal(true);

    const before = await balanceOf(e, ETH, alice.account.address);
    const claimed = await claim(carol, {
      deployment,
      assetId: a,
      token: ETH,
      recipient: alice.account.address,
    });
    expect(claimed.amount).to.equal(OWED);
    expect((await balanceOf(e, ETH, alice.account.address)) - before).to.equal(OWED);

    await setRevenueManager(alice, { deployment, assetId: a, manager: zeroAddress });
    await expectRevert(
      e,
      carol,
      () => claim(carol, { deployment, assetId: a, token: ETH }),
      "NotAssetOwnerOrManager",
      [a, carol.account.address],
    );
  });

  it("a manager for all claims every asset of the owner until revoked, and refuses a zero manager", async function () {
    const e = env();
    const { deployment, alice, bob } = e;
    const a = await listedWork(e);
    const granted = await setRevenueManagerForAll(alice, {
      deployment,
      manager: bob.account.address,
      approved: true,
    });
    expect(granted).to.deep.include({ manager: bob.account.address, approved: true });
    expect((await claim(bob, { deployment, assetId: a, token: ETH })).amount).to.equal(OWED);

    await setRevenueManagerForAll(alice, {
      deployment,
      manager: bob.account.address,
      approved: false,
    });
    await pay(e.payer, { deployment, assetId: a, token: ETH, amount: PAID });
    await expectRevert(
      e,
      bob,
      () => claim(bob, { deployment, assetId: a, token: ETH }),
      "NotAssetOwnerOrManager",
      [a, bob.account.address],
    );
    await expectRevert(
      e,
      alice,
      () => setRevenueManagerForAll(alice, { deployment, manager: zeroAddress, approved: true }),
      "InvalidManager",
      [zeroAddress],
    );
    await expectInvalidParameter(
      e,
      alice,
      () => setRevenueManager(alice, { deployment, assetId: a, manager: "0x1234" }),
      "manager",
    );
  });
});
