import { type Address, encodeAbiParameters, type Hex, keccak256, toHex } from "viem";
import { getBalances, type RoyaltyBalance } from "../../../../sdk/index.js";
import type { SdkEnv } from "./env.js";

/**
 * A balance as the engine stores it (contracts/libraries/BalanceWords.sol): held (bits 0-119),
 * pending gross (120-239), remainder (240-253), remix flag (254), in-use flag (255).
 */
export function balanceWord(balance: RoyaltyBalance, isRemix: boolean): bigint {
  return (
    balance.held |
    (balance.pendingGross << 120n) |
    (balance.remainder << 240n) |
    (isRemix ? 1n << 254n : 0n) |
    (1n << 255n)
  );
}

/**
 * The protocol's storage slot of the engine's `_balances[assetId][token]`, found as the one
 * candidate base slot whose entry holds `word` today (see {@link balanceWord}). Tests overwrite it
 * to tamper with the books.
 */
export async function balanceSlot(
  e: SdkEnv,
  assetId: bigint,
  token: Address,
  word: bigint,
): Promise<Hex> {
  if (word === 0n) throw new Error("balanceSlot needs a non-zero word to recognise the slot");
  for (let base = 0n; base < 64n; base++) {
    const inner = keccak256(
      encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [assetId, base]),
    );
    const slot = keccak256(
      encodeAbiParameters([{ type: "address" }, { type: "bytes32" }], [token, inner]),
    );
    const stored = await e.publicClient.getStorageAt({ address: e.deployment.protocol, slot });
    if (stored !== undefined && BigInt(stored) === word) return slot;
  }
  throw new Error(`no balance slot of asset ${assetId} holds ${word}`);
}

/**
 * Overwrites what the engine holds for the remix `assetId` in `token` with `forge(held)` in the
 * node's storage, the rest of its balance kept, as an attacker with write access to the state
 * would; returns the held amount before and the forged one.
 */
export async function overwriteHeld(
  e: SdkEnv,
  assetId: bigint,
  token: Address,
  forge: (held: bigint) => bigint,
): Promise<{ before: bigint; forged: bigint }> {
  const [balance] = await getBalances(e.publicClient, {
    deployment: e.deployment,
    assetIds: [assetId],
    tokens: [token],
  });
  const forged = forge(balance!.held);
  const slot = await balanceSlot(e, assetId, token, balanceWord(balance!, true));
  await e.testClient.setStorageAt({
    address: e.deployment.protocol,
    index: slot,
    value: toHex(balanceWord({ ...balance!, held: forged }, true), { size: 32 }),
  });
  return { before: balance!.held, forged };
}
