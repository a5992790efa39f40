import { createHash } from "node:crypto";
import { expect } from "chai";
import { createPublicClient, http } from "viem";
import { mainnet } from "viem/chains";
import {
  ChainMismatchError,
  type Deployment,
  deploymentFromIgnition,
  hashContent,
  InvalidParameterError,
  resolveDeployment,
  UnknownChainError,
} from "../../../../sdk/index.js";
import { scanBlocks } from "../../../../sdk/utils/scanBlocks.js";

const deployment: Deployment = {
  chainId: 1,
  protocol: "0x0000000000000000000000000000000000000001",
  licensing: "0x0000000000000000000000000000000000000002",
  fromBlock: 0n,
};

describe("sdk resolveDeployment", function () {
  const client = createPublicClient({ chain: mainnet, transport: http("http://127.0.0.1:1") });

  it("uses the deployment passed in", function () {
    expect(resolveDeployment(client, { deployment })).to.equal(deployment);
  });

  it("throws ChainMismatchError for a deployment on another chain than the client's", function () {
    expect(() => resolveDeployment(client, { deployment: { ...deployment, chainId: 8453 } }))
      .to.throw(ChainMismatchError)
      .that.deep.includes({ deploymentChainId: 8453, clientChainId: 1 });
  });

  it("throws UnknownChainError with the chain id for a chain without a deployment", function () {
    const error = (() => {
      try {
        resolveDeployment(client);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).to.be.instanceOf(UnknownChainError);
    expect((error as UnknownChainError).chainId).to.equal(1);
  });

  it("throws UnknownChainError without a chain id for a client without a chain", function () {
    const chainless = createPublicClient({ transport: http("http://127.0.0.1:1") });
    expect(() => resolveDeployment(chainless))
      .to.throw(UnknownChainError)
      .with.property("chainId", undefined);
  });
});

describe("sdk hashContent", function () {
  it("equals the SHA-256 of the bytes as Node computes it", function () {
    const bytes = new TextEncoder().encode("Smartwatch Product Demo");
    expect(hashContent(bytes)).to.equal(`0x${createHash("sha256").update(bytes).digest("hex")}`);
  });
});

describe("sdk scanBlocks", function () {
  const ranges = async (maxBlockRange?: bigint) => {
    const seen: [bigint, bigint][] = [];
    await scanBlocks({ fromBlock: 10n, toBlock: 34n, maxBlockRange }, async (range) => {
      seen.push([range.fromBlock, range.toBlock]);
      return [];
    });
    return seen;
  };

  it("scans the whole range in one call without a maximum", async function () {
    expect(await ranges()).to.deep.equal([[10n, 34n]]);
  });

  it("covers the range exactly in consecutive chunks of at most maxBlockRange", async function () {
    expect(await ranges(10n)).to.deep.equal([
      [10n, 19n],
      [20n, 29n],
      [30n, 34n],
    ]);
  });

  it("refuses a maximum below one block", async function () {
    const error = await ranges(0n).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).to.equal("maxBlockRange");
  });
});

describe("sdk deploymentFromIgnition", function () {
  const addresses = {
    "RemixProtocol#RemixProtocol": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    "RemixProtocol#Licensing": "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be",
  };

  it("reads both contracts' checksummed addresses from Ignition's file", function () {
    expect(deploymentFromIgnition(addresses, { chainId: 31337 })).to.deep.equal({
      chainId: 31337,
      protocol: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      licensing: "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be",
      fromBlock: 0n,
    });
  });

  it("reads the relay when the module recorded it (older deployments read it from the protocol)", function () {
    const withRelay = {
      ...addresses,
      "RemixProtocol#Relay": "0x8464135c8f25da09e49bc8782676a84730c318bc",
    };
    expect(deploymentFromIgnition(withRelay, { chainId: 31337 }).relay).to.equal(
      "0x8464135c8F25Da09e49BC8782676a84730C318bC",
    );
    expect(deploymentFromIgnition(addresses, { chainId: 31337 })).not.to.have.property("relay");
  });

  it("takes the Multicall3 the LocalDevelopment module deployed, unless one is given", function () {
    const local = {
      ...addresses,
      "LocalDevelopment#Multicall3": "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
    };
    expect(deploymentFromIgnition(local, { chainId: 31337 }).multicall3).to.equal(
      "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
    );
    const given = "0xcA11bde05977b3631167028862bE2a173976CA11";
    expect(
      deploymentFromIgnition(local, { chainId: 31337, multicall3: given }).multicall3,
    ).to.equal(given);
  });

  it("refuses a file without the licensing contract", function () {
    expect(() =>
      deploymentFromIgnition(
        { "RemixProtocol#RemixProtocol": addresses["RemixProtocol#RemixProtocol"] },
        { chainId: 1 },
      ),
    )
      .to.throw(InvalidParameterError)
      .with.property("parameter", "deployedAddresses");
  });
});
