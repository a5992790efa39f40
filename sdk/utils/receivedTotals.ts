import { type Address, getAddress } from "viem";
import type { ReceivedTotals } from "../actions/public/getReceived.js";

/** The totals of a token an asset never received. */
export function noneReceived(token: Address): ReceivedTotals {
  return {
    token: getAddress(token),
    paid: 0n,
    fees: 0n,
    fromRemixes: 0n,
    credited: 0n,
    toParents: 0n,
    claimed: 0n,
  };
}
