import { expect } from "chai";
import { type Chain, createPublicClient, http, toFunctionSelector } from "viem";
import {
  ChainMismatchError,
  ContractNotDeployedError,
  type Deployment,
  ETH,
  getBalances,
  getOwnedAssets,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { original } from "../helpers/family.js";
import { type RunningNode, startNode } from "../helpers/node.js";

type SentCall = { method: string; params: unknown[] };

/** A public client of `url` that records every JSON-RPC call it sends. */
function recordingClient(url: string, chain: Chain | undefined) {
  const sent: SentCall[] = [];
  const client = createPublicClient({
    ...(chain === undefined ? {} : { chain }),
    transport: http(url, {
      onFetchRequest: (_request, init) => void sent.push(JSON.parse(String(init.body))),
    }),
  });
  return { client, sent };
}

const LICENSING_SELECTOR = toFunctionSelector("LICENSING()").slice(2);
/** Whether a sent call is a batched read that also asked the protocol for `LICENSING()`. */
const carriesProbe = ({ method, params }: SentCall) =>
  method === "eth_call" && JSON.stringify(params).includes(LICENSING_SELECTOR);
const methods = (sent: readonly SentCall[]) => sent.map(({ method }) => method);

describeOnNodes("sdk deployment check", (env) => {
  let fresh: RunningNode | undefined;
  before(async function () {
    this.timeout(60_000);
    fresh = await startNode(env().node.kind);
  });
  after(() => fresh?.stop());

  it("refuses reads of a deployment without code (a fresh node) with ContractNotDeployedError, asking again each time", async function () {
    const e = env();
    const { client, sent } = recordingClient(fresh!.url, e.chain);
    const { deployment } = e;
    const reads = [
      () => getBalances(client, { deployment, assetIds: [1n], tokens: [ETH] }),
      // No logs on a fresh node: this read used to answer "no assets".
      () => getOwnedAssets(client, { deployment, owner: e.alice.account.address }),
    ];

    for (const read of reads) {
      const error = await read().catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(ContractNotDeployedError);
      expect((error as ContractNotDeployedError).address).to.equal(deployment.protocol);
      expect((error as ContractNotDeployedError).shortMessage).to.equal(
        `No contract at ${deployment.protocol} on this chain: check the deployment.`,
      );
    }
    // A failed check is not remembered.
    expect(methods(sent).filter((method) => method === "eth_getCode")).to.have.length(2);
  });

  it("refuses a deployment for another chain than a chainless client's node with ChainMismatchError", async function () {
    const e = env();
    const { client } = recordingClient(e.node.url, undefined);
    const parameters = { assetIds: [await original(e, e.alice, "A")], tokens: [ETH] };

    const error = await getBalances(client, {
      ...parameters,
      deployment: { ...e.deployment, chainId: 1 },
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(ChainMismatchError);
    expect(error).to.deep.include({ deploymentChainId: 1, clientChainId: e.chain.id });
    expect(await getBalances(client, { ...parameters, deployment: e.deployment })).to.have.length(
      1,
    );
  });

  it("refuses a deployment for another chain than the client's declared chain before any request", async function () {
    const e = env();
    const { client, sent } = recordingClient(e.node.url, e.chain);

    const error = await getBalances(client, {
      deployment: { ...e.deployment, chainId: 1 },
      assetIds: [1n],
      tokens: [ETH],
    }).catch((caught: unknown) => caught);

    expect(error).to.be.instanceOf(ChainMismatchError);
    expect(error).to.deep.include({ deploymentChainId: 1, clientChainId: e.chain.id });
    expect(sent).to.deep.equal([]);
  });

  it("checks once per client and deployment, inside the first batched read", async function () {
    const e = env();
    const parameters = { assetIds: [await original(e, e.alice, "A")], tokens: [ETH] };
    const first = recordingClient(e.node.url, e.chain);
    const second = recordingClient(e.node.url, e.chain);

    for (let read = 0; read < 3; read++) {
      // An equal deployment object counts as the same deployment.
      await getBalances(first.client, { ...parameters, deployment: { ...e.deployment } });
    }
    await getBalances(second.client, { ...parameters, deployment: e.deployment });

    expect(methods(first.sent)).to.deep.equal(["eth_call", "eth_call", "eth_call"]);
    expect(first.sent.map(carriesProbe)).to.deep.equal([true, false, false]);
    expect(second.sent.map(carriesProbe)).to.deep.equal([true]);
  });

  it("checks a chainless client without Multicall3 with one eth_chainId and one eth_getCode, however many reads", async function () {
    const e = env();
    const deployment: Deployment = { ...e.deployment, multicall3: undefined };
    const parameters = { deployment, assetIds: [await original(e, e.alice, "A")], tokens: [ETH] };
    const { client, sent } = recordingClient(e.node.url, undefined);

    await Promise.all([getBalances(client, parameters), getBalances(client, parameters)]);
    await getBalances(client, parameters);

    const checks = methods(sent).filter((method) => method !== "eth_call");
    expect(checks.sort()).to.deep.equal(["eth_chainId", "eth_getCode"]);
  });
});
