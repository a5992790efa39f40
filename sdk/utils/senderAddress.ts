import type { Account, Address } from "viem";
import { type AnyClient, writeAccount } from "./sendPreparedCall.js";

/** The address a write is sent from: `account`, else the client's account. */
export function senderAddress(client: AnyClient, account: Account | Address | undefined): Address {
  const sender = writeAccount(client, account);
  return typeof sender === "string" ? sender : sender.address;
}
