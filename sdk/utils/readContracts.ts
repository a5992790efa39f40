import type { ContractFunctionParameters, MulticallReturnType } from "viem";
import { multicall, readContract } from "viem/actions";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import { checkDeployment, deploymentCheckStarted } from "../deployments/checkDeployment.js";
import type { Deployment } from "../deployments/deployment.js";
import { RpcConnectionError } from "../errors/rpc.js";
import { toRemixError } from "../errors/toRemixError.js";
import { chunk } from "./chunk.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** Calls per multicall request: large enough for a 1,000-asset lineage in a few requests, small
 * enough to stay far below a node's `eth_call` gas cap. */
export const MULTICALL_CHUNK_SIZE = 250;

/** Requests in flight at once (calls without Multicall3, or multicall chunks): enough to hide
 * latency, few enough that a public RPC endpoint does not rate-limit a large read. */
export const PARALLEL_READS = 16;

/** Options of batched reads. */
export type BatchReadParameters = {
  /** Read at this block (default: latest). Lineage reads pin one block for consistency. */
  blockNumber?: bigint | undefined;
};

/**
 * Reads many view calls in as few requests as the chain allows: through Multicall3 (the chain's
 * own, or the deployment's) in chunks of {@link MULTICALL_CHUNK_SIZE}, else one call per request;
 * {@link PARALLEL_READS} requests at a time.
 * Any failing call fails the whole read with the decoded error. The first read per client and
 * deployment also checks the deployment (see {@link checkDeployment}): through Multicall3 at no
 * extra request, by asking the protocol for `LICENSING()` in the first chunk.
 */
export async function readContracts<const contracts extends readonly ContractFunctionParameters[]>(
  client: AnyClient,
  deployment: Deployment,
  contracts: contracts,
  { blockNumber }: BatchReadParameters = {},
): Promise<MulticallReturnType<contracts, false>> {
  const multicallAddress = deployment.multicall3 ?? client.chain?.contracts?.multicall3?.address;
  const at = blockNumber === undefined ? {} : { blockNumber };
  try {
    if (!multicallAddress) {
      const reads = mapWithConcurrency(contracts, PARALLEL_READS, (contract) =>
        readContract(client, { ...contract, ...at }),
      );
      const results = await afterCheck(checkDeployment(client, deployment), reads);
      return results as MulticallReturnType<contracts, false>;
    }
    const chunks: ContractFunctionParameters[][] = chunk(contracts, MULTICALL_CHUNK_SIZE);
    const probe = !deploymentCheckStarted(client, deployment);
    if (probe) chunks[0] = [licensingOf(deployment), ...(chunks[0] ?? [])];
    const reads = mapWithConcurrency(chunks, PARALLEL_READS, (chunk) =>
      multicall(client, {
        contracts: chunk,
        allowFailure: false,
        batchSize: 0,
        multicallAddress,
        ...at,
      }),
    );
    const answered = probe ? reads.then(() => true, protocolUnknown) : undefined;
    const results = (await afterCheck(checkDeployment(client, deployment, answered), reads)).flat();
    return (probe ? results.slice(1) : results) as MulticallReturnType<contracts, false>;
  } catch (error) {
    throw toRemixError(error);
  }
}

/** A cheap view that only the protocol's code answers. */
function licensingOf(deployment: Deployment): ContractFunctionParameters {
  return { address: deployment.protocol, abi: remixProtocolAbi, functionName: "LICENSING" };
}

/**
 * After a failed read, whether the protocol answered is unknown (the check asks `eth_getCode`),
 * unless the node was not reached at all: then asking again would only wait as long again.
 */
function protocolUnknown(error: unknown): false {
  const mapped = toRemixError(error);
  if (mapped instanceof RpcConnectionError) throw mapped;
  return false;
}

/** `read`'s result once `check` passed: a failed check names the cause before the read's error. */
async function afterCheck<result>(check: Promise<void>, read: Promise<result>): Promise<result> {
  const [checked, value] = await Promise.allSettled([check, read]);
  if (checked.status === "rejected") throw checked.reason;
  if (value.status === "rejected") throw value.reason;
  return value.value;
}

/** `map` over `items` with at most `limit` calls pending at once; results keep the input order. */
async function mapWithConcurrency<item, result>(
  items: readonly item[],
  limit: number,
  map: (item: item) => Promise<result>,
): Promise<result[]> {
  const results: result[] = new Array<result>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
