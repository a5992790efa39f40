import { expect } from "chai";
import { getAddress } from "viem";
import {
  approveToken,
  estimateApproveTokenGas,
  ETH,
  getAllowance,
  getAllowanceShortfalls,
  prepareApproveToken,
  preparePay,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { expectInvalidParameter, original } from "../helpers/family.js";

describeOnNodes("sdk approveToken and getAllowance", (env) => {
  it("approves the protocol by default and reads the allowance back", async function () {
    const e = env();
    const { deployment, payer, usd, publicClient } = e;
    const parameters = { deployment, token: usd, amount: 7_000_000n };
    const prepared = await prepareApproveToken(payer, parameters);
    expect(prepared).to.deep.include({ to: usd, value: 0n });
    const gas = await estimateApproveTokenGas(payer, parameters);
    const result = await approveToken(payer, parameters);
    expect(result).to.deep.include({
      owner: payer.account.address,
      spender: getAddress(deployment.protocol),
      amount: 7_000_000n,
    });
    const sent = await publicClient.getTransaction({ hash: result.receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(gas >= result.receipt.gasUsed).to.equal(true);
    const owner = payer.account.address;
    expect(await getAllowance(publicClient, { deployment, token: usd, owner })).to.equal(
      7_000_000n,
    );
  });

  it("names the approvals a prepared call still needs, and none once given", async function () {
    const e = env();
    const { deployment, payer, usd, publicClient } = e;
    const owner = payer.account.address;
    const assetId = await original(e, e.alice, "shortfalls");
    const call = await preparePay(payer, { deployment, assetId, token: usd, amount: 5_000_000n });
    const spender = deployment.protocol;
    const shortfalls = () => getAllowanceShortfalls(publicClient, { deployment, owner, call });
    expect(await shortfalls()).to.deep.equal([
      { token: usd, spender, amount: 5_000_000n, allowance: 0n },
    ]);
    await approveToken(payer, { deployment, token: usd, amount: 4_999_999n });
    expect(await shortfalls()).to.deep.equal([
      { token: usd, spender, amount: 5_000_000n, allowance: 4_999_999n },
    ]);
    await approveToken(payer, { deployment, token: usd, amount: 5_000_000n });
    expect(await shortfalls()).to.deep.equal([]);
    // ETH pulls nothing.
    const inEth = await preparePay(payer, { deployment, assetId, token: ETH, amount: 1n });
    expect(
      await getAllowanceShortfalls(publicClient, { deployment, owner, call: inEth }),
    ).to.deep.equal([]);
  });

  it("approves another spender when asked", async function () {
    const e = env();
    const { deployment, payer, usd, publicClient } = e;
    const spender = e.carol.account.address;
    await approveToken(payer, { deployment, token: usd, amount: 5n, spender });
    const owner = payer.account.address;
    expect(await getAllowance(publicClient, { deployment, token: usd, owner, spender })).to.equal(
      5n,
    );
    expect(await getAllowance(publicClient, { deployment, token: usd, owner })).to.equal(0n);
  });

  it("refuses ETH, which needs no allowance, with InvalidParameterError", async function () {
    const e = env();
    const { deployment, payer } = e;
    await expectInvalidParameter(
      e,
      payer,
      () => approveToken(payer, { deployment, token: ETH, amount: 1n }),
      "token",
    );
    const error = await getAllowance(e.publicClient, {
      deployment,
      token: ETH,
      owner: payer.account.address,
    }).catch((caught: unknown) => caught);
    expect(error).to.have.property("parameter", "token");
  });
});
