import { expect } from "chai";
import { LogRangeTooLargeError, RpcError } from "../../../../sdk/index.js";
import { scanBlockPages, scanBlocks } from "../../../../sdk/utils/scanBlocks.js";

type Range = { fromBlock: bigint; toBlock: bigint };

/** A node with one log per block in `busy`, refusing ranges wider than `maxBlocks` or with more
 * than `maxLogs` logs; answers arrive in a shuffled order, as concurrent requests may. */
function node({
  maxBlocks = 2n ** 64n,
  maxLogs = Infinity,
  busy = (_: bigint): boolean => true,
} = {}) {
  const asked: Range[] = [];
  let delay = 0;
  const fetch = async (range: Range): Promise<bigint[]> => {
    asked.push(range);
    await new Promise((resolve) => setTimeout(resolve, (delay = (delay * 7 + 3) % 5)));
    const logs: bigint[] = [];
    for (let block = range.fromBlock; block <= range.toBlock && logs.length <= maxLogs; block++) {
      if (busy(block)) logs.push(block);
    }
    if (range.toBlock - range.fromBlock + 1n > maxBlocks || logs.length > maxLogs) {
      throw new LogRangeTooLargeError(range);
    }
    return logs;
  };
  return { fetch, asked };
}

const blocks = (from: bigint, to: bigint) =>
  Array.from({ length: Number(to - from + 1n) }, (_, i) => from + BigInt(i));

describe("sdk scanBlocks: adaptive log pages", function () {
  it("yields every page in block order whatever order the answers come in", async function () {
    const { fetch } = node();
    const pages: bigint[][] = [];
    for await (const page of scanBlockPages(
      { fromBlock: 1n, toBlock: 20_000n, maxBlockRange: 1_000n, concurrency: 4 },
      fetch,
    )) {
      pages.push(page);
    }
    expect(pages.flat()).to.deep.equal(blocks(1n, 20_000n));
  });

  it("halves on a refusal and never asks past the widest range refused again", async function () {
    const { fetch, asked } = node({ maxBlocks: 300n });
    const progress: number[] = [];
    const logs = await scanBlocks(
      { fromBlock: 1n, toBlock: 10_000n, onProgress: ({ requests }) => progress.push(requests) },
      fetch,
    );
    expect(logs).to.deep.equal(blocks(1n, 10_000n));
    const refused = asked.filter(({ fromBlock, toBlock }) => toBlock - fromBlock + 1n > 300n);
    // 1,000 and 500 blocks are refused, 250 answered, then wider ranges refused (with the ranges
    // in flight) as halfway steps come close to 300; no range wider than the last one refused
    // follows it.
    const lastRefusal = asked.indexOf(refused.at(-1) as Range);
    const after = asked.slice(lastRefusal + 1);
    expect(after.every(({ fromBlock, toBlock }) => toBlock - fromBlock + 1n <= 311n)).to.equal(
      true,
    );
    expect(refused.length).to.be.below(20);
    // Close to the 34 requests of a scan that knew the node's limit.
    expect(asked.length).to.be.below(60);
    expect(progress.at(-1)).to.equal(asked.length);
  });

  it("grows while pages are small: a million quiet blocks in a few requests", async function () {
    const { fetch, asked } = node({ busy: (block) => block % 100_000n === 0n });
    const logs = await scanBlocks({ fromBlock: 1n, toBlock: 1_000_000n, concurrency: 1 }, fetch);
    expect(logs).to.deep.equal(blocks(1n, 10n).map((i) => i * 100_000n));
    // 10,000, 80,000, 640,000, then the rest (eightfold while pages are empty): four requests.
    expect(asked.length).to.equal(4);
  });

  it("shrinks where the logs are dense (too many results), and recovers after", async function () {
    const dense = (block: bigint) => block < 3_000n || block % 50n === 0n;
    const { fetch } = node({ maxLogs: 1_000, busy: dense });
    const logs = await scanBlocks({ fromBlock: 1n, toBlock: 200_000n }, fetch);
    expect(logs).to.deep.equal(blocks(1n, 200_000n).filter(dense));
  });

  it("fails with LogRangeTooLargeError naming a single block still refused, and passes other errors on", async function () {
    const { fetch } = node({ maxLogs: 0 });
    const error = await scanBlocks({ fromBlock: 10n, toBlock: 17n }, fetch).catch(
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(LogRangeTooLargeError);
    expect(error).to.deep.include({ fromBlock: 10n, toBlock: 10n });

    let calls = 0;
    const failing = async () => {
      calls++;
      throw new RpcError({ cause: new Error("rate limited") });
    };
    const other = await scanBlocks({ fromBlock: 1n, toBlock: 100n }, failing).catch(
      (caught: unknown) => caught,
    );
    expect(other).to.be.instanceOf(RpcError);
    expect(calls).to.equal(1);
  });

  it("refuses a maxBlockRange or concurrency below 1", async function () {
    const { fetch } = node();
    for (const options of [{ maxBlockRange: 0n }, { concurrency: 0 }]) {
      const error = await scanBlocks({ fromBlock: 1n, toBlock: 2n, ...options }, fetch).catch(
        (caught: unknown) => caught,
      );
      expect(error).to.have.property("name", "InvalidParameterError");
    }
  });
});
