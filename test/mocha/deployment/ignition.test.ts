import { readFile } from "node:fs/promises";
import { expect } from "chai";
import { network } from "hardhat";
import { type Address, getAddress, isAddress } from "viem";
import LocalDevelopmentModule from "../../../ignition/modules/LocalDevelopment.js";
import RemixProtocolModule from "../../../ignition/modules/RemixProtocol.js";
import {
  auditProtocol,
  deploymentFromIgnition,
  ETH,
  getProtocolConfig,
} from "../../../sdk/index.js";
import { hardhatClients } from "../../../scripts/lib/hardhatClients.js";
import { root } from "../helpers/packageBuild.js";

const MODULE_PARAMETERS = ["owner", "treasury", "maxFeeBps", "feeBps", "feeDelay", "allowedTokens"];

describe("Ignition deployment", function () {
  it("deploys with a network's parameters: owner, treasury, fees and tokens allowlisted from the start", async function () {
    const connection = await network.create();
    const { ethers, ignition } = connection;
    const [, multisig, treasury] = await ethers.getSigners();
    const [usd, eur] = await Promise.all([
      ethers.deployContract("MockERC20", ["Test USD", "TUSD", 6]),
      ethers.deployContract("MockERC20", ["Test EUR", "TEUR", 6]),
    ]);
    const allowedTokens = [await usd.getAddress(), await eur.getAddress()] as Address[];
    const { protocol, licensing, relay } = await ignition.deploy(RemixProtocolModule, {
      parameters: {
        RemixProtocol: {
          owner: multisig!.address,
          treasury: treasury!.address,
          maxFeeBps: 1_500,
          feeBps: 500,
          feeDelay: 3 * 24 * 60 * 60,
          allowedTokens,
        },
      },
    });
    // The SDK reads the deployment as Ignition records it, and sees the settings.
    const { publicClient } = await hardhatClients(connection);
    const deployment = deploymentFromIgnition(
      {
        "RemixProtocol#RemixProtocol": await protocol.getAddress(),
        "RemixProtocol#Licensing": await licensing.getAddress(),
        "RemixProtocol#Relay": await relay.getAddress(),
      },
      { chainId: await publicClient.getChainId() },
    );
    const config = await getProtocolConfig(publicClient, { deployment, tokens: allowedTokens });
    expect(config).to.deep.include({
      owner: multisig!.address,
      treasury: treasury!.address,
      feeBps: 500,
      maxFeeBps: 1_500,
      feeDelaySeconds: 3 * 24 * 60 * 60,
      licensing: deployment.licensing,
    });
    expect(await protocol.RELAY()).to.equal(deployment.relay);
    expect(await relay.PROTOCOL()).to.equal(deployment.protocol);
    expect(config.tokens.map(({ allowed }) => allowed)).to.deep.equal([true, true]);
    // The constructor's allowlist events are what SDK reads discover tokens from.
    const audit = await auditProtocol(publicClient, { deployment });
    expect(audit.tokens.map(({ token }) => token)).to.deep.equal([
      ETH,
      ...allowedTokens.map((token) => getAddress(token)),
    ]);
    expect(await ethers.provider.getCode(deployment.licensing)).to.not.equal("0x");
  });

  it("deploys the local development set: the protocol, an allowlisted dUSD and Multicall3", async function () {
    const { ignition, ethers } = await network.create();
    const { protocol, usd, multicall3 } = await ignition.deploy(LocalDevelopmentModule);
    expect(await protocol.isTokenAllowed(await usd.getAddress())).to.equal(true);
    expect(await usd.decimals()).to.equal(6n);
    const [result] = await multicall3.aggregate3.staticCall([
      {
        target: await protocol.getAddress(),
        allowFailure: false,
        callData: protocol.interface.encodeFunctionData("feeBps"),
      },
    ]);
    expect(BigInt(result.returnData)).to.equal(1_000n);
    expect(await ethers.provider.getCode(await multicall3.getAddress())).to.not.equal("0x");
  });

  it("names its futures as deploymentFromIgnition reads them from deployed_addresses.json", function () {
    const ids = (module: { futures: Set<{ id: string }> }) =>
      [...module.futures].map(({ id }) => id);
    expect(ids(RemixProtocolModule)).to.include.members([
      "RemixProtocol#RemixProtocol",
      "RemixProtocol#Licensing",
      "RemixProtocol#Relay",
    ]);
    expect(ids(LocalDevelopmentModule)).to.include("LocalDevelopment#Multicall3");
  });

  it("ships per-network parameter files that name only the module's parameters", async function () {
    const file = JSON.parse(await readFile(`${root}ignition/parameters/sepolia.json`, "utf8")) as {
      RemixProtocol: Record<string, unknown>;
    };
    expect(Object.keys(file)).to.deep.equal(["RemixProtocol"]);
    for (const [name, value] of Object.entries(file.RemixProtocol)) {
      expect(MODULE_PARAMETERS, name).to.include(name);
      if (name === "allowedTokens") {
        for (const token of value as Address[]) expect(isAddress(token), token).to.equal(true);
      }
    }
  });
});
