import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys the protocol (which creates its licensing contract). Parameters (all optional):
 * - `owner`: the admin (default: the deploying account);
 * - `treasury`: receives protocol fees (default: the deploying account);
 * - `maxFeeBps`: immutable fee cap (default 2,000 = 20%);
 * - `feeBps`: initial fee (default 1,000 = 10%).
 * ERC-20s are allowlisted afterwards by the owner (`setTokenAllowed`); ETH is always accepted.
 */
export default buildModule("RemixProtocol", (m) => {
  const deployer = m.getAccount(0);
  const owner = m.getParameter("owner", deployer);
  const treasury = m.getParameter("treasury", deployer);
  const maxFeeBps = m.getParameter("maxFeeBps", 2_000);
  const feeBps = m.getParameter("feeBps", 1_000);

  const protocol = m.contract("RemixProtocol", [owner, treasury, maxFeeBps, feeBps]);
  // The protocol's constructor creates its licensing contract; record it as part of the deployment.
  const licensing = m.contractAt("Licensing", m.staticCall(protocol, "LICENSING"));
  return { protocol, licensing };
});
