import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import RemixProtocolModule from "./RemixProtocol.js";

/**
 * The protocol plus what a local network lacks: a 6-decimal test stablecoin ("Demo USD", dUSD,
 * mintable by anyone), allowlisted, and a Multicall3-compatible contract for the SDK's batched
 * reads. For the built-in Hardhat network and `npx hardhat node` only: never deploy test tokens
 * to a real network.
 */
export default buildModule("LocalDevelopment", (m) => {
  const { protocol, licensing, relay } = m.useModule(RemixProtocolModule);
  const usd = m.contract("MockERC20", ["Demo USD", "dUSD", 6]);
  m.call(protocol, "setTokenAllowed", [usd, true]);
  const multicall3 = m.contract("Multicall3");
  return { protocol, licensing, relay, usd, multicall3 };
});
