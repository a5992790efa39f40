import { type Address, encodeAbiParameters, type Hex, keccak256 } from "viem";
import type { SdkEnv } from "./env.js";

/**
 * The protocol's storage slot of `mapping[assetId][token]` for a nested mapping of the engine
 * (`_splittable`, `_collectable`), found as the one candidate base slot whose entry holds
 * `value` today (non-zero). Tests overwrite it to tamper with the books.
 */
export async function balanceSlot(
  e: SdkEnv,
  assetId: bigint,
  token: Address,
  value: bigint,
): Promise<Hex> {
  if (value === 0n) throw new Error("balanceSlot needs a non-zero value to recognise the slot");
  for (let base = 0n; base < 64n; base++) {
    const inner = keccak256(
      encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [assetId, base]),
    );
    const slot = keccak256(
      encodeAbiParameters([{ type: "address" }, { type: "bytes32" }], [token, inner]),
    );
    const stored = await e.publicClient.getStorageAt({ address: e.deployment.protocol, slot });
    if (stored !== undefined && BigInt(stored) === value) return slot;
  }
  throw new Error(`no balance slot of asset ${assetId} holds ${value}`);
}
