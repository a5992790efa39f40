import {
  type Abi,
  type Address,
  type ContractEventName,
  isAddressEqual,
  parseEventLogs,
  type ParseEventLogsReturnType,
  type TransactionReceipt,
} from "viem";
import { RemixError } from "../errors/base.js";

/**
 * The `eventName` events that `address` emitted in `receipt`, decoded. Logs of other contracts
 * (an ERC-20 could imitate any event) are ignored.
 */
export function receiptEvents<const abi extends Abi, eventName extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  address: Address,
  abi: abi,
  eventName: eventName,
): ParseEventLogsReturnType<abi, eventName, true, eventName> {
  const logs = receipt.logs.filter((log) => isAddressEqual(log.address, address));
  return parseEventLogs({
    abi,
    eventName,
    logs,
    strict: true,
  }) as unknown as ParseEventLogsReturnType<abi, eventName, true, eventName>;
}

/** The first `eventName` event `address` emitted in `receipt`; a success always has one. */
export function receiptEvent<const abi extends Abi, eventName extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  address: Address,
  abi: abi,
  eventName: eventName,
): ParseEventLogsReturnType<abi, eventName, true, eventName>[number] {
  const [event] = receiptEvents(receipt, address, abi, eventName);
  if (!event) {
    throw new RemixError(`Transaction ${receipt.transactionHash} emitted no ${eventName} event.`);
  }
  return event;
}
