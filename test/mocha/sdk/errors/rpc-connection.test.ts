import { expect } from "chai";
import { BaseError, createPublicClient, http } from "viem";
import { hardhat } from "viem/chains";
import { type Deployment, ETH, getBalances, RpcConnectionError } from "../../../../sdk/index.js";
import { closedPortUrl, silentEndpoint } from "./endpoints.js";

// Never reached: any addresses do.
const deployment: Deployment = {
  chainId: hardhat.id,
  protocol: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  licensing: "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be",
  fromBlock: 0n,
  multicall3: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
};

/** What a read through a client of `url` fails with, without viem's retries. */
async function readFailure(url: string): Promise<unknown> {
  const client = createPublicClient({
    chain: hardhat,
    transport: http(url, { retryCount: 0, timeout: 300 }),
  });
  return getBalances(client, { deployment, assetIds: [1n], tokens: [ETH] }).catch(
    (caught: unknown) => caught,
  );
}

function expectUnreachable(error: unknown, url: string, reason: RegExp): void {
  expect(error).to.be.instanceOf(RpcConnectionError);
  const unreachable = error as RpcConnectionError;
  // viem's transport normalises the URL (a trailing slash).
  expect(unreachable.url).to.equal(new URL(url).href);
  expect(unreachable.reason).to.match(reason);
  expect(unreachable.cause).to.be.instanceOf(BaseError);
  expect(unreachable.shortMessage).to.equal(
    `Cannot reach the JSON-RPC endpoint ${unreachable.url}: ${unreachable.reason}.`,
  );
}

describe("sdk RPC connection errors", function () {
  it("names the URL of an endpoint that refuses the connection", async function () {
    const url = await closedPortUrl();
    expectUnreachable(await readFailure(url), url, /^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it("names the URL of an endpoint whose host does not resolve", async function () {
    // `.invalid` never resolves (RFC 2606).
    const url = "http://remix-rpc.invalid:8545";
    expectUnreachable(
      await readFailure(url),
      url,
      /^getaddrinfo (ENOTFOUND|EAI_AGAIN) remix-rpc\.invalid$/,
    );
  });

  it("names the URL of an endpoint that does not answer in time", async function () {
    const silent = await silentEndpoint();
    try {
      expectUnreachable(await readFailure(silent.url), silent.url, /^timed out$/);
    } finally {
      await silent.close();
    }
  });
});
