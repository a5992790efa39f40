import { expect } from "chai";
import {
  type Address,
  encodeAbiParameters,
  encodeEventTopics,
  getAbiItem,
  type Log,
  type TransactionReceipt,
} from "viem";
import { ETH, InvalidParameterError, remixProtocolAbi } from "../../../../sdk/index.js";
import {
  requireAddress,
  requireAssetsAndTokens,
  requireBps,
  requireUint256,
} from "../../../../sdk/utils/inputChecks.js";
import { emptySplit, matchSplits, receiptSplits } from "../../../../sdk/utils/receiptSplits.js";

const PROTOCOL: Address = "0x00000000000000000000000000000000000000a1";
const IMPOSTOR: Address = "0x00000000000000000000000000000000000000b2";
const USD: Address = "0x00000000000000000000000000000000000000C3";

function parameterOf(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidParameterError);
    return (error as InvalidParameterError).parameter;
  }
}

/** A log of `address` for the Split or RoyaltyForwarded event. */
function log(
  address: Address,
  logIndex: number,
  event:
    | { name: "Split"; args: [bigint, Address, bigint, bigint, bigint] }
    | { name: "RoyaltyForwarded"; args: [bigint, bigint, Address, bigint] },
): Log {
  const topics =
    event.name === "Split"
      ? encodeEventTopics({
          abi: remixProtocolAbi,
          eventName: "Split",
          args: { assetId: event.args[0], token: event.args[1] },
        })
      : encodeEventTopics({
          abi: remixProtocolAbi,
          eventName: "RoyaltyForwarded",
          args: { childId: event.args[0], parentId: event.args[1], token: event.args[2] },
        });
  const data =
    event.name === "Split"
      ? encodeAbiParameters(
          getAbiItem({ abi: remixProtocolAbi, name: "Split" }).inputs.filter(
            (input) => !input.indexed,
          ),
          [event.args[2], event.args[3], event.args[4]],
        )
      : encodeAbiParameters([{ type: "uint256" }], [event.args[3]]);
  return { address, topics, data, logIndex } as unknown as Log;
}

describe("sdk engine input checks", function () {
  it("accepts valid values and names the refused parameter", function () {
    expect(parameterOf(() => requireUint256("amount", 0n))).to.equal(undefined);
    expect(parameterOf(() => requireUint256("amount", 2n ** 256n))).to.equal("amount");
    expect(parameterOf(() => requireUint256("amount", 1 as unknown as bigint))).to.equal("amount");
    expect(parameterOf(() => requireAddress("token", USD.toLowerCase() as Address))).to.equal(
      undefined,
    );
    expect(parameterOf(() => requireAddress("token", "0xabc"))).to.equal("token");
    expect(parameterOf(() => requireBps("feeBps", 10_000))).to.equal(undefined);
    expect(parameterOf(() => requireBps("feeBps", 0.5))).to.equal("feeBps");
    expect(parameterOf(() => requireAssetsAndTokens([1n], []))).to.equal("tokens");
    expect(parameterOf(() => requireAssetsAndTokens([1n, -2n], [ETH]))).to.equal("assetIds[1]");
  });
});

describe("sdk receiptSplits and matchSplits", function () {
  const logs = [
    log(PROTOCOL, 0, { name: "RoyaltyForwarded", args: [3n, 2n, ETH, 200n] }),
    log(IMPOSTOR, 1, { name: "Split", args: [9n, ETH, 1n, 1n, 1n] }),
    log(PROTOCOL, 2, { name: "Split", args: [3n, ETH, 1_000n, 900n, 700n] }),
    log(PROTOCOL, 3, { name: "Split", args: [4n, ETH, 50n, 50n, 50n] }),
    log(PROTOCOL, 4, { name: "RoyaltyForwarded", args: [2n, 1n, ETH, 60n] }),
    log(PROTOCOL, 5, { name: "RoyaltyForwarded", args: [2n, 7n, ETH, 40n] }),
    log(PROTOCOL, 6, { name: "Split", args: [2n, ETH, 200n, 200n, 100n] }),
  ];
  const receipt = { logs } as unknown as TransactionReceipt;

  it("gives each split the forwards emitted right before it, ignoring other contracts", function () {
    const splits = receiptSplits(receipt, PROTOCOL);
    expect(splits.map(({ assetId, kept, forwarded }) => [assetId, kept, forwarded])).to.deep.equal([
      [3n, 700n, [{ parentId: 2n, amount: 200n }]],
      [4n, 50n, []],
      [
        2n,
        100n,
        [
          { parentId: 1n, amount: 60n },
          { parentId: 7n, amount: 40n },
        ],
      ],
    ]);
  });

  it("matches splits to the requested pairs in order, with empty splits where nothing moved", function () {
    const splits = receiptSplits(receipt, PROTOCOL);
    const pairs = [
      { assetId: 3n, token: ETH },
      { assetId: 3n, token: USD },
      { assetId: 4n, token: ETH },
      { assetId: 2n, token: ETH },
      { assetId: 3n, token: ETH },
    ];
    const matched = matchSplits(splits, pairs);
    expect(matched.map(({ assetId, kept }) => [assetId, kept])).to.deep.equal([
      [3n, 700n],
      [3n, 0n],
      [4n, 50n],
      [2n, 100n],
      [3n, 0n],
    ]);
    expect(matched[1]).to.deep.equal(emptySplit(3n, USD));
  });
});
