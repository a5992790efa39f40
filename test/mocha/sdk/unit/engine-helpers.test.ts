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
import {
  emptySplit,
  matchSplits,
  nameParents,
  splitEvents,
} from "../../../../sdk/utils/receiptSplits.js";

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

/** A `Split` log of `address`: asset, token, gross and one amount per parent. */
function log(
  address: Address,
  logIndex: number,
  [assetId, token, gross, amounts]: [bigint, Address, bigint, bigint[]],
): Log {
  const topics = encodeEventTopics({
    abi: remixProtocolAbi,
    eventName: "Split",
    args: { assetId, token },
  });
  const data = encodeAbiParameters(
    getAbiItem({ abi: remixProtocolAbi, name: "Split" }).inputs.filter((input) => !input.indexed),
    [gross, amounts],
  );
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

describe("sdk split events and matchSplits", function () {
  const logs = [
    log(IMPOSTOR, 0, [9n, ETH, 1n, [1n]]),
    log(PROTOCOL, 1, [3n, ETH, 1_000n, [200n]]),
    log(PROTOCOL, 2, [4n, ETH, 50n, [0n]]),
    log(PROTOCOL, 3, [2n, ETH, 200n, [60n, 0n, 40n]]),
  ];
  const receipt = { logs } as unknown as TransactionReceipt;
  const parentsOf = new Map([
    [3n, [2n]],
    [4n, [1n]],
    [2n, [1n, 5n, 7n]],
  ]);

  it("names each amount by its parent, leaving out zeros and other contracts' logs", function () {
    const splits = nameParents(splitEvents(receipt, PROTOCOL), parentsOf);
    expect(
      splits.map(({ assetId, gross, forwarded }) => [assetId, gross, forwarded]),
    ).to.deep.equal([
      [3n, 1_000n, [{ parentId: 2n, amount: 200n }]],
      [4n, 50n, []],
      [
        2n,
        200n,
        [
          { parentId: 1n, amount: 60n },
          { parentId: 7n, amount: 40n },
        ],
      ],
    ]);
  });

  it("matches splits to the requested pairs in order, with empty splits where nothing moved", function () {
    const splits = nameParents(splitEvents(receipt, PROTOCOL), parentsOf);
    const pairs = [
      { assetId: 3n, token: ETH },
      { assetId: 3n, token: USD },
      { assetId: 4n, token: ETH },
      { assetId: 2n, token: ETH },
      { assetId: 3n, token: ETH },
    ];
    const matched = matchSplits(splits, pairs);
    expect(matched.map(({ assetId, gross }) => [assetId, gross])).to.deep.equal([
      [3n, 1_000n],
      [3n, 0n],
      [4n, 50n],
      [2n, 200n],
      [3n, 0n],
    ]);
    expect(matched[1]).to.deep.equal(emptySplit(3n, USD));
  });
});
