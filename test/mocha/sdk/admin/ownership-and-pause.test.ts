import { expect } from "chai";
import { zeroAddress } from "viem";
import {
  acceptOwnership,
  estimateAcceptOwnershipGas,
  estimateSetPausedGas,
  getProtocolConfig,
  prepareAcceptOwnership,
  prepareSetPaused,
  prepareTransferOwnership,
  setFee,
  setPaused,
  transferOwnership,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { expectInvalidParameter, expectRevert } from "../helpers/family.js";

describeOnNodes("sdk ownership and pause", (env) => {
  it("moves ownership in two steps: proposed, then accepted by the new owner", async function () {
    const e = env();
    const { deployment, admin, carol, publicClient } = e;
    const started = await transferOwnership(admin, { deployment, newOwner: carol.account.address });
    expect(started).to.deep.include({
      owner: admin.account.address,
      pendingOwner: carol.account.address,
    });
    const pending = await getProtocolConfig(publicClient, { deployment });
    expect([pending.owner, pending.pendingOwner]).to.deep.equal([
      admin.account.address,
      carol.account.address,
    ]);
    const prepared = await prepareAcceptOwnership(carol, { deployment });
    const gas = await estimateAcceptOwnershipGas(carol, { deployment });
    const accepted = await acceptOwnership(carol, { deployment });
    expect(accepted).to.deep.include({
      previousOwner: admin.account.address,
      owner: carol.account.address,
    });
    const sent = await publicClient.getTransaction({ hash: accepted.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= accepted.receipt.gasUsed).to.equal(true);
    const config = await getProtocolConfig(publicClient, { deployment });
    expect([config.owner, config.pendingOwner]).to.deep.equal([carol.account.address, zeroAddress]);
    await expectRevert(
      e,
      admin,
      () => setFee(admin, { deployment, feeBps: 0 }),
      "OwnableUnauthorizedAccount",
      [admin.account.address],
    );
  });

  it("fails with OwnableUnauthorizedAccount when anyone but the pending owner accepts", async function () {
    const e = env();
    const { deployment, admin, carol, stranger } = e;
    await transferOwnership(admin, { deployment, newOwner: carol.account.address });
    await expectRevert(
      e,
      stranger,
      () => acceptOwnership(stranger, { deployment }),
      "OwnableUnauthorizedAccount",
      [stranger.account.address],
    );
    await expectRevert(
      e,
      stranger,
      () => transferOwnership(stranger, { deployment, newOwner: stranger.account.address }),
      "OwnableUnauthorizedAccount",
      [stranger.account.address],
    );
  });

  it("prepares a proposal for a multisig and refuses a malformed owner", async function () {
    const e = env();
    const { deployment, admin } = e;
    const prepared = await prepareTransferOwnership(admin, {
      deployment,
      newOwner: e.carol.account.address,
    });
    expect(prepared).to.deep.include({ to: deployment.protocol, value: 0n });
    await expectInvalidParameter(
      e,
      admin,
      () => transferOwnership(admin, { deployment, newOwner: "0x12" }),
      "newOwner",
    );
  });

  it("pauses and resumes, and fails with PauseUnchanged when asked for the current state", async function () {
    const e = env();
    const { deployment, admin, publicClient } = e;
    const prepared = await prepareSetPaused(admin, { deployment, paused: true });
    const gas = await estimateSetPausedGas(admin, { deployment, paused: true });
    const paused = await setPaused(admin, { deployment, paused: true });
    expect(paused.paused).to.equal(true);
    const sent = await publicClient.getTransaction({ hash: paused.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= paused.receipt.gasUsed).to.equal(true);
    expect((await getProtocolConfig(publicClient, { deployment })).paused).to.equal(true);
    await expectRevert(
      e,
      admin,
      () => setPaused(admin, { deployment, paused: true }),
      "PauseUnchanged",
      [true],
    );
    expect((await setPaused(admin, { deployment, paused: false })).paused).to.equal(false);
    await expectRevert(
      e,
      e.stranger,
      () => setPaused(e.stranger, { deployment, paused: true }),
      "OwnableUnauthorizedAccount",
      [e.stranger.account.address],
    );
  });
});
