import { expect } from "chai";
import { type Address, getAddress, zeroAddress } from "viem";
import {
  estimateSetFeeGas,
  ETH,
  getProtocolConfig,
  pay,
  prepareSetFee,
  setFee,
  setTokenAllowed,
  setTreasury,
  withdrawFees,
} from "../../../../sdk/index.js";
import { describeOnNodes, FEE_BPS, FEE_DELAY, MAX_FEE_BPS } from "../helpers/env.js";
import {
  balanceOf,
  expectInvalidParameter,
  expectRevert,
  fundUsd,
  original,
} from "../helpers/family.js";

const NOT_LISTED: Address = "0x000000000000000000000000000000000000dEaD";

describeOnNodes("sdk protocol configuration", (env) => {
  it("reads every setting and the requested tokens' state in one request", async function () {
    const e = env();
    const { deployment, publicClient, requests } = e;
    await original(e, e.alice, "A");
    const before = requests.count;
    const config = await getProtocolConfig(publicClient, {
      deployment,
      tokens: [ETH, e.usd, NOT_LISTED],
    });
    expect(requests.count - before).to.equal(1);
    expect(config).to.deep.equal({
      owner: e.admin.account.address,
      pendingOwner: zeroAddress,
      treasury: e.treasury.account.address,
      feeBps: FEE_BPS,
      pendingFee: null,
      feeDelaySeconds: FEE_DELAY,
      maxFeeBps: MAX_FEE_BPS,
      paused: false,
      totalAssets: 1n,
      licensing: getAddress(deployment.licensing),
      tokens: [
        { token: ETH, allowed: true, accruedFees: 0n, feeGrossRemainder: 0n },
        { token: e.usd, allowed: true, accruedFees: 0n, feeGrossRemainder: 0n },
        { token: NOT_LISTED, allowed: false, accruedFees: 0n, feeGrossRemainder: 0n },
      ],
    });
  });

  it("announces a fee, shows it pending, and charges it only once the notice has passed", async function () {
    const e = env();
    const { deployment, admin } = e;
    const parameters = { deployment, feeBps: 500 };
    const prepared = await prepareSetFee(admin, parameters);
    const gas = await estimateSetFeeGas(admin, parameters);
    const result = await setFee(admin, parameters);
    const block = await e.publicClient.getBlock({ blockNumber: result.receipt.blockNumber });
    const effectiveAt = block.timestamp + BigInt(FEE_DELAY);
    expect(result).to.deep.include({ currentFeeBps: FEE_BPS, feeBps: 500, effectiveAt });
    const sent = await e.publicClient.getTransaction({ hash: result.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= result.receipt.gasUsed).to.equal(true);
    const pending = await getProtocolConfig(e.publicClient, { deployment });
    expect(pending.feeBps).to.equal(FEE_BPS);
    expect(pending.pendingFee).to.deep.equal({ feeBps: 500, effectiveAt });

    const a = await original(e, e.alice, "A");
    const before = await pay(e.payer, { deployment, assetId: a, token: ETH, amount: 10_000n });
    expect(before.fee).to.equal(1_000n);
    await e.testClient.increaseTime({ seconds: FEE_DELAY });
    const after = await pay(e.payer, { deployment, assetId: a, token: ETH, amount: 10_000n });
    expect(after.fee).to.equal(500n);
    const config = await getProtocolConfig(e.publicClient, { deployment });
    expect(config.feeBps).to.equal(500);
    expect(config.pendingFee).to.equal(null);
  });

  it("fails with FeeAboveMaximum and OwnableUnauthorizedAccount, and refuses non-bps fees", async function () {
    const e = env();
    const { deployment, admin, stranger } = e;
    await expectRevert(
      e,
      admin,
      () => setFee(admin, { deployment, feeBps: 2_500 }),
      "FeeAboveMaximum",
      [2_500, MAX_FEE_BPS],
    );
    await expectRevert(
      e,
      stranger,
      () => setFee(stranger, { deployment, feeBps: 0 }),
      "OwnableUnauthorizedAccount",
      [stranger.account.address],
    );
    for (const feeBps of [1.5, -1, 10_001]) {
      await expectInvalidParameter(e, admin, () => setFee(admin, { deployment, feeBps }), "feeBps");
    }
  });

  it("sends withdrawn fees to a new treasury", async function () {
    const e = env();
    const { deployment, admin, carol } = e;
    const a = await original(e, e.alice, "A");
    await pay(e.payer, { deployment, assetId: a, token: ETH, amount: 10_000n });
    const moved = await setTreasury(admin, { deployment, treasury: carol.account.address });
    expect(moved).to.deep.include({
      previousTreasury: e.treasury.account.address,
      treasury: carol.account.address,
    });
    const before = await balanceOf(e, ETH, carol.account.address);
    const withdrawn = await withdrawFees(e.stranger, { deployment, token: ETH });
    expect(withdrawn).to.deep.include({ amount: 1_000n, treasury: carol.account.address });
    expect(await balanceOf(e, ETH, carol.account.address)).to.equal(before + 1_000n);
    await expectRevert(
      e,
      admin,
      () => setTreasury(admin, { deployment, treasury: zeroAddress }),
      "InvalidTreasury",
    );
  });

  it("removes a token from the allowlist: new payments fail with TokenNotAllowed", async function () {
    const e = env();
    const { deployment, admin, usd } = e;
    const a = await original(e, e.alice, "A");
    await fundUsd(e, e.payer, 1_000n);
    const removed = await setTokenAllowed(admin, { deployment, token: usd, allowed: false });
    expect(removed).to.deep.include({ token: getAddress(usd), allowed: false });
    const write = () => pay(e.payer, { deployment, assetId: a, token: usd, amount: 1_000n });
    await expectRevert(e, e.payer, write, "TokenNotAllowed", [getAddress(usd)]);
    const config = await getProtocolConfig(e.publicClient, { deployment, tokens: [usd] });
    expect(config.tokens[0]?.allowed).to.equal(false);
    await expectRevert(
      e,
      admin,
      () => setTokenAllowed(admin, { deployment, token: ETH, allowed: true }),
      "InvalidToken",
    );
  });
});
