import { expect } from "chai";
import { getAddress } from "viem";
import {
  approveToken,
  estimateApproveTokenGas,
  ETH,
  getAllowance,
  prepareApproveToken,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { expectInvalidParameter } from "../helpers/family.js";

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
