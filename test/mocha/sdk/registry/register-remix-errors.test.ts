import { expect } from "chai";
import { getAddress, keccak256, parseEther, toHex } from "viem";
import {
  buyLicence,
  ContractRevertError,
  ETH,
  InvalidParameterError,
  MAX_PARENTS,
  quoteLicence,
  registerRemix,
  remixProtocolAbi,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import * as f from "../licensing/fixtures.js";

const REMIX = UseKind.Remix;
type RemixParameters = Parameters<typeof registerRemix>[1];

function totalAssets(e: SdkEnv): Promise<bigint> {
  return e.publicClient.readContract({
    address: e.deployment.protocol,
    abi: remixProtocolAbi,
    functionName: "totalAssets",
  });
}

function remix(
  e: SdkEnv,
  rest: Omit<RemixParameters, "contentHash" | "metadataUri" | "deployment">,
) {
  return registerRemix(e.bob, {
    deployment: e.deployment,
    contentHash: keccak256(toHex("remix")),
    metadataUri: "ipfs://remix",
    ...rest,
  } as RemixParameters);
}

function expectRevert(error: unknown, name: string, args: readonly unknown[]): void {
  expect(error).to.be.instanceOf(ContractRevertError);
  expect((error as ContractRevertError).errorName).to.equal(name);
  expect((error as ContractRevertError).args).to.deep.equal(args);
}

describeOnNodes("sdk registerRemix failures", (env) => {
  it("reverts PriceAboveMaximum and registers nothing when the parent's price rose after the quote", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    await f.allow(e, e.alice, a, REMIX, { currency: ETH, price: parseEther("0.01") });
    const quote = await quoteLicence(e.bob, { deployment: e.deployment, assetId: a, kind: REMIX });
    await f.allow(e, e.alice, a, REMIX, { currency: ETH, price: parseEther("0.02") });
    const [nonce, assets, balance] = [
      await f.nonceOf(e, e.bob),
      await totalAssets(e),
      await f.balanceOf(e, e.bob.account.address, ETH),
    ];
    const maxPrices = [{ currency: quote.currency, amount: quote.price }];
    const error = await f.rejection(
      remix(e, { parents: [{ assetId: a, shareBps: 1_000 }], maxPrices }),
    );
    expectRevert(error, "PriceAboveMaximum", [parseEther("0.02"), parseEther("0.01")]);
    expect(await f.nonceOf(e, e.bob)).to.equal(nonce);
    expect(await totalAssets(e)).to.equal(assets);
    expect(await f.balanceOf(e, e.bob.account.address, ETH)).to.equal(balance);
  });

  it("reverts CurrencyMismatch when the parent switched currency after the quote", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    await f.allow(e, e.alice, a, REMIX, { currency: ETH, price: 100n });
    const quote = await quoteLicence(e.bob, { deployment: e.deployment, assetId: a, kind: REMIX });
    await f.allow(e, e.alice, a, REMIX, { currency: e.usd, price: 100n });
    const maxPrices = [{ currency: quote.currency, amount: quote.price }];
    const error = await f.rejection(
      remix(e, { parents: [{ assetId: a, shareBps: 1_000 }], maxPrices }),
    );
    expectRevert(error, "CurrencyMismatch", [getAddress(e.usd), ETH]);
  });

  it("reverts UseNotAllowed when a parent allows no remixes, and DeadlinePassed after the deadline", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    const parents = [{ assetId: a, shareBps: 1_000 }];
    expectRevert(await f.rejection(remix(e, { parents })), "UseNotAllowed", [a, REMIX]);
    await f.allow(e, e.alice, a, REMIX);
    const deadline = (await f.chainTime(e)) + 30n;
    await f.travel(e, 60);
    const error = await f.rejection(remix(e, { parents, deadline }));
    expect((error as ContractRevertError).errorName).to.equal("DeadlinePassed");
    expect((error as ContractRevertError<"DeadlinePassed">).args[0]).to.equal(deadline);
  });

  it("leaves the shares' total and a held licence's minimum share to the contract", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    const b = await f.original(e, e.alice, "b");
    await f.allow(e, e.alice, a, REMIX, { minShareBps: 2_000 });
    await f.allow(e, e.alice, b, REMIX);
    const tooMuch = [
      { assetId: a, shareBps: 5_000 },
      { assetId: b, shareBps: 4_000 },
    ];
    expectRevert(await f.rejection(remix(e, { parents: tooMuch })), "SharesExceedLimit", [
      9_000n,
      8_000n,
    ]);
    // A held licence is used even when it asks more than the share: no second licence is bought.
    const { licenceId } = await buyLicence(e.bob, {
      deployment: e.deployment,
      assetId: a,
      kind: REMIX,
    });
    const error = await f.rejection(remix(e, { parents: [{ assetId: a, shareBps: 1_500 }] }));
    expectRevert(error, "ShareBelowLicenceMinimum", [a, 1_500, 2_000]);
    expect(licenceId).to.equal(1n);
  });

  it("refuses malformed parents, licence ids and caps with InvalidParameterError and sends nothing", async function () {
    const e = env();
    const a = await f.original(e, e.alice, "a");
    const nonce = await f.nonceOf(e, e.bob);
    const many = Array.from({ length: MAX_PARENTS + 1 }, (_, i) => ({
      assetId: BigInt(i + 1),
      shareBps: 1,
    }));
    const cases: [Omit<RemixParameters, "contentHash" | "metadataUri">, string][] = [
      [{ parents: [] }, "parents"],
      [{ parents: many }, "parents"],
      [{ parents: [{ assetId: a, shareBps: 0 }] }, "parents[0].shareBps"],
      [{ parents: [{ assetId: a, shareBps: 12.5 }] }, "parents[0].shareBps"],
      [{ parents: [{ assetId: a, shareBps: 10_001 }] }, "parents[0].shareBps"],
      [{ parents: [{ assetId: a, shareBps: -1 }] }, "parents[0].shareBps"],
      [{ parents: [{ assetId: 0n, shareBps: 100 }] }, "parents[0].assetId"],
      [
        {
          parents: [
            { assetId: a, shareBps: 100 },
            { assetId: a, shareBps: 100 },
          ],
        },
        "parents[1].assetId",
      ],
      [{ parents: [{ assetId: a, shareBps: 100 }], licenceIds: [1n, 2n] }, "licenceIds"],
      [{ parents: [{ assetId: a, shareBps: 100 }], maxPrices: [] }, "maxPrices"],
      [
        { parents: [{ assetId: a, shareBps: 100 }], maxPrices: [{ currency: ETH, amount: -5n }] },
        "maxPrices[0].amount",
      ],
    ];
    for (const [parameters, parameter] of cases) {
      const error = await f.rejection(remix(e, parameters));
      expect(error, parameter).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter, parameter).to.equal(parameter);
    }
    expect(await f.nonceOf(e, e.bob)).to.equal(nonce);
  });
});
