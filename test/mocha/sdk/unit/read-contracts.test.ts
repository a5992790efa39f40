import { expect } from "chai";
import {
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
} from "viem";
import { type Deployment, remixProtocolAbi } from "../../../../sdk/index.js";
import { PARALLEL_READS, readContracts } from "../../../../sdk/utils/readContracts.js";

const deployment: Deployment = {
  chainId: 31337,
  protocol: "0x0000000000000000000000000000000000000001",
  licensing: "0x0000000000000000000000000000000000000002",
  fromBlock: 0n,
};

describe("sdk readContracts without Multicall3", function () {
  it("reads one call per request, in order, never more than PARALLEL_READS at once", async function () {
    let inFlight = 0;
    let peak = 0;
    const blockTags: unknown[] = [];
    // A slow node whose `ownerOf(id)` answers the address `id`, so each answer names its call.
    const client = createPublicClient({
      transport: custom({
        async request({ method, params }: { method: string; params: unknown[] }) {
          // The one-time deployment check of this chainless client: its chain, the protocol's code.
          if (method === "eth_chainId") return "0x7a69";
          if (method === "eth_getCode") return "0x00";
          if (method !== "eth_call") throw new Error(`unexpected ${method}`);
          const [call, block] = params as [{ data: Hex }, unknown];
          blockTags.push(block);
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
          const { args } = decodeFunctionData({ abi: remixProtocolAbi, data: call.data });
          const owner = `0x${(args?.[0] as bigint).toString(16).padStart(40, "0")}` as const;
          return encodeFunctionResult({
            abi: remixProtocolAbi,
            functionName: "ownerOf",
            result: owner,
          });
        },
      }),
    });
    const ids = Array.from({ length: 100 }, (_, i) => BigInt(i + 1));
    const owners = await readContracts(
      client,
      deployment,
      ids.map(
        (id) =>
          ({
            address: deployment.protocol,
            abi: remixProtocolAbi,
            functionName: "ownerOf",
            args: [id],
          }) as const,
      ),
      { blockNumber: 7n },
    );
    expect(owners.map((owner) => BigInt(owner))).to.deep.equal(ids);
    expect(peak).to.equal(PARALLEL_READS);
    expect(blockTags).to.have.length(100);
    expect(new Set(blockTags)).to.deep.equal(new Set(["0x7"]));
  });
});
