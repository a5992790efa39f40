import { expect } from "chai";
import { type Address, parseEther } from "viem";
import {
  claim,
  ETH,
  getBalances,
  getProtocolConfig,
  pay,
  split,
  withdrawFees,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import { balanceOf, fundUsd, gasCost, workedExample } from "../helpers/family.js";

/**
 * The protocol's worked example in `token`, where `one` is 1.00 of it: a 1.00 payment for B
 * (remix of A giving it 30%) ends as 0.60 for B's owner, 0.30 for A's and 0.10 of fees, exactly.
 */
async function runWorkedExample(e: SdkEnv, token: Address, one: bigint): Promise<void> {
  const { deployment, alice, bob, payer, stranger, treasury } = e;
  const { a, b } = await workedExample(e);
  const cents = (n: bigint) => (one * n) / 100n;
  const balances = async () =>
    (await getBalances(e.publicClient, { deployment, assetIds: [a, b], tokens: [token] })).map(
      ({ held, pendingGross, collectable }) => [held, pendingGross, collectable],
    );
  const wallet = (address: Address) => balanceOf(e, token, address);
  // ETH spent on gas only counts against the wallet's balance when the token is ETH.
  const gas = (receipt: Parameters<typeof gasCost>[0]) => (token === ETH ? gasCost(receipt) : 0n);

  const payerBefore = await wallet(payer.account.address);
  const paid = await pay(payer, { deployment, assetId: b, token, amount: one });
  expect(paid.fee).to.equal(cents(10n));
  expect(await wallet(payer.account.address)).to.equal(payerBefore - one - gas(paid.receipt));
  // B holds 0.90, the 1.00 gross pending: 0.30 of it is A's, so B's owner can claim 0.60.
  expect(await balances()).to.deep.equal([
    [0n, 0n, 0n],
    [cents(90n), one, cents(60n)],
  ]);

  const splitB = await split(stranger, { deployment, assetId: b, token });
  expect(splitB).to.deep.include({ assetId: b, gross: one });
  expect(splitB.forwarded).to.deep.equal([{ parentId: a, amount: cents(30n) }]);
  expect(await balances()).to.deep.equal([
    [cents(30n), 0n, cents(30n)],
    [cents(60n), 0n, cents(60n)],
  ]);

  for (const [owner, assetId, share] of [
    [alice, a, cents(30n)],
    [bob, b, cents(60n)],
  ] as const) {
    const before = await wallet(owner.account.address);
    const claimed = await claim(owner, { deployment, assetId, token });
    expect(claimed.amount).to.equal(share);
    expect(await wallet(owner.account.address)).to.equal(before + share - gas(claimed.receipt));
  }
  expect(await balances()).to.deep.equal([
    [0n, 0n, 0n],
    [0n, 0n, 0n],
  ]);

  const treasuryBefore = await wallet(treasury.account.address);
  const fees = await withdrawFees(stranger, { deployment, token });
  expect(fees).to.deep.include({ amount: cents(10n), treasury: treasury.account.address });
  expect(await wallet(treasury.account.address)).to.equal(treasuryBefore + cents(10n));
  const config = await getProtocolConfig(e.publicClient, { deployment, tokens: [token] });
  // The fee remainder keeps the token's lifetime gross (1.00) modulo 10,000.
  expect(config.tokens).to.deep.equal([
    { token, allowed: true, accruedFees: 0n, feeGrossRemainder: one % 10_000n },
  ]);
}

describeOnNodes("sdk royalty engine worked example", (env) => {
  it("gives B 0.60, A 0.30 and the treasury 0.10 of a 1.00 ETH payment for B", async function () {
    await runWorkedExample(env(), ETH, parseEther("1"));
  });

  it("gives B 0.60, A 0.30 and the treasury 0.10 of a 1.00 dUSD payment for B", async function () {
    const e = env();
    await fundUsd(e, e.payer, 1_000_000n);
    await runWorkedExample(e, e.usd, 1_000_000n);
  });

  it("returns zeros and the current treasury when there is nothing to split, claim or withdraw", async function () {
    const e = env();
    const { deployment, alice, stranger } = e;
    const { a, b } = await workedExample(e);
    const splitB = await split(stranger, { deployment, assetId: b, token: ETH });
    expect(splitB).to.deep.include({ gross: 0n, forwarded: [] });
    expect((await claim(alice, { deployment, assetId: a, token: ETH })).amount).to.equal(0n);
    const fees = await withdrawFees(stranger, { deployment, token: e.usd });
    expect(fees).to.deep.include({ amount: 0n, treasury: e.treasury.account.address });
  });
});
