import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** Two days: time for creators and buyers to see a fee change coming. */
const FEE_DELAY_DEFAULT = 2 * 24 * 60 * 60;

/**
 * Deploys the protocol (whose constructor creates its licensing contract and relay). Parameters, all
 * optional, set per network in `ignition/parameters/<network>.json`:
 * - `owner`: the admin, for example a multisig (default: the deploying account);
 * - `treasury`: receives protocol fees (default: the deploying account);
 * - `maxFeeBps`: immutable fee cap (default 2,000 = 20%);
 * - `feeBps`: initial fee (default 1,000 = 10%);
 * - `feeDelay`: immutable notice, in seconds, before a fee change takes effect (default 2 days;
 *   1 to 30 days);
 * - `allowedTokens`: ERC-20s accepted from the start (default none; ETH always is). Allowlist only
 *   plain tokens whose supply stays below 2^127 (no fee-on-transfer or rebasing tokens).
 */
export default buildModule("RemixProtocol", (m) => {
  const deployer = m.getAccount(0);
  const owner = m.getParameter("owner", deployer);
  const treasury = m.getParameter("treasury", deployer);
  const maxFeeBps = m.getParameter("maxFeeBps", 2_000);
  const feeBps = m.getParameter("feeBps", 1_000);
  const feeDelay = m.getParameter("feeDelay", FEE_DELAY_DEFAULT);
  const allowedTokens = m.getParameter<string[]>("allowedTokens", []);

  const protocol = m.contract("RemixProtocol", [
    owner,
    treasury,
    maxFeeBps,
    feeBps,
    feeDelay,
    allowedTokens,
  ]);
  // The protocol's constructor creates its licensing contract and relay; record both as part of
  // the deployment.
  const licensing = m.contractAt("Licensing", m.staticCall(protocol, "LICENSING"));
  const relay = m.contractAt("Relay", m.staticCall(protocol, "RELAY"));
  return { protocol, licensing, relay };
});
