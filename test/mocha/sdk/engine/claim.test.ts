import { expect } from "chai";
import { parseEther } from "viem";
import {
  claim,
  claimMany,
  estimateClaimGas,
  estimateClaimManyGas,
  ETH,
  getBalances,
  pay,
  prepareClaim,
  prepareClaimMany,
  setPaused,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import {
  balanceOf,
  expectInvalidParameter,
  expectRevert,
  fundUsd,
  original,
} from "../helpers/family.js";

/** Alice's originals A1 and A2, each paid 1 ETH and 1 dUSD (0.90 of each collectable). */
async function paidOriginals(e: SdkEnv): Promise<[bigint, bigint]> {
  const a1 = await original(e, e.alice, "A1");
  const a2 = await original(e, e.alice, "A2");
  await fundUsd(e, e.payer, 2_000_000n);
  for (const assetId of [a1, a2]) {
    await pay(e.payer, { deployment: e.deployment, assetId, token: ETH, amount: parseEther("1") });
    await pay(e.payer, { deployment: e.deployment, assetId, token: e.usd, amount: 1_000_000n });
  }
  return [a1, a2];
}

describeOnNodes("sdk claim and claimMany", (env) => {
  it("claims many assets in many tokens to another recipient, one total per token", async function () {
    const e = env();
    const [a1, a2] = await paidOriginals(e);
    const { deployment, usd } = e;
    const carol = e.carol.account.address;
    const before = [await balanceOf(e, ETH, carol), await balanceOf(e, usd, carol)];
    const result = await claimMany(e.alice, {
      deployment,
      assetIds: [a1, a2],
      tokens: [ETH, usd, ETH],
      recipient: carol,
    });
    expect(result.amounts).to.deep.equal([
      { token: ETH, amount: parseEther("1.8") },
      { token: usd, amount: 1_800_000n },
      { token: ETH, amount: 0n },
    ]);
    expect(result.claims.map(({ assetId, amount }) => [assetId, amount])).to.deep.equal([
      [a1, parseEther("0.9")],
      [a2, parseEther("0.9")],
      [a1, 900_000n],
      [a2, 900_000n],
    ]);
    expect(await balanceOf(e, ETH, carol)).to.equal((before[0] as bigint) + parseEther("1.8"));
    expect(await balanceOf(e, usd, carol)).to.equal((before[1] as bigint) + 1_800_000n);
    const balances = await getBalances(e.publicClient, {
      deployment,
      assetIds: [a1, a2],
      tokens: [ETH, usd],
    });
    expect(balances.every(({ collectable }) => collectable === 0n)).to.equal(true);
  });

  it("still pays claims while the protocol is paused, and refuses payments", async function () {
    const e = env();
    const [a1, a2] = await paidOriginals(e);
    const { deployment } = e;
    await setPaused(e.admin, { deployment, paused: true });
    const one = await claim(e.alice, {
      deployment,
      assetId: a1,
      token: ETH,
      recipient: e.carol.account.address,
    });
    expect(one.amount).to.equal(parseEther("0.9"));
    const many = await claimMany(e.alice, { deployment, assetIds: [a2], tokens: [e.usd] });
    expect(many.amounts).to.deep.equal([{ token: e.usd, amount: 900_000n }]);
    const write = () => pay(e.payer, { deployment, assetId: a1, token: ETH, amount: 1n });
    await expectRevert(e, e.payer, write, "ProtocolPaused");
  });

  it("fails with NotAssetOwnerOrManager before sending when the sender does not own an asset", async function () {
    const e = env();
    const [a1, a2] = await paidOriginals(e);
    const { deployment, bob } = e;
    const caller = bob.account.address;
    await expectRevert(
      e,
      bob,
      () => claim(bob, { deployment, assetId: a2, token: ETH }),
      "NotAssetOwnerOrManager",
      [a2, caller],
    );
    const b = await original(e, bob, "B");
    await expectRevert(
      e,
      bob,
      () => claimMany(bob, { deployment, assetIds: [b, a1], tokens: [ETH] }),
      "NotAssetOwnerOrManager",
      [a1, caller],
    );
  });

  it("prepares claims to the sender by default, as sent, and estimates enough gas", async function () {
    const e = env();
    const [a1, a2] = await paidOriginals(e);
    const { deployment, alice } = e;
    const one = { deployment, assetId: a1, token: ETH };
    const many = { deployment, assetIds: [a1, a2], tokens: [e.usd] };
    const preparedOne = await prepareClaim(alice, one);
    expect(preparedOne.data).to.equal(
      (await prepareClaim(alice, { ...one, recipient: alice.account.address })).data,
    );
    for (const [prepared, gas, write] of [
      [preparedOne, await estimateClaimGas(alice, one), () => claim(alice, one)],
      [
        await prepareClaimMany(alice, many),
        await estimateClaimManyGas(alice, many),
        () => claimMany(alice, many),
      ],
    ] as const) {
      const { receipt } = await write();
      const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
      expect(sent.input).to.equal(prepared.data);
      expect(gas >= receipt.gasUsed).to.equal(true);
    }
  });

  it("refuses empty lists and a malformed recipient with InvalidParameterError", async function () {
    const e = env();
    const { deployment, alice } = e;
    await expectInvalidParameter(
      e,
      alice,
      () => claimMany(alice, { deployment, assetIds: [], tokens: [ETH] }),
      "assetIds",
    );
    await expectInvalidParameter(
      e,
      alice,
      () => claim(alice, { deployment, assetId: 1n, token: ETH, recipient: "0xnope" }),
      "recipient",
    );
  });
});
