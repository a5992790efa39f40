import type { Address, TransactionReceipt } from "viem";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import { receiptEvents } from "./receiptEvents.js";

/** What one claim paid for one asset in one token. */
export type AssetClaim = { assetId: bigint; token: Address; amount: bigint };

/**
 * What `protocol` paid per asset in `receipt`, in execution order: its `Claimed` events (one per
 * token of a claim, listing every asset claimed) flattened, leaving out assets paid nothing.
 */
export function receiptClaims(receipt: TransactionReceipt, protocol: Address): AssetClaim[] {
  return receiptEvents(receipt, protocol, remixProtocolAbi, "Claimed").flatMap(({ args }) =>
    args.assetIds.flatMap((assetId, index) => {
      const amount = args.amounts[index] ?? 0n;
      return amount === 0n ? [] : [{ assetId, token: args.token, amount }];
    }),
  );
}
