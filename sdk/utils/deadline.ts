import { getBlock } from "viem/actions";
import { toRemixError } from "../errors/toRemixError.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** How long a purchase stays valid when no deadline is given: one hour. */
export const DEFAULT_DEADLINE_SECONDS = 3_600n;

/**
 * The deadline a purchase uses: `deadline` when given, else {@link DEFAULT_DEADLINE_SECONDS}
 * after the latest block's timestamp. The chain's clock decides `DeadlinePassed`, and it can
 * differ from the local one (test chains that travel in time, a skewed machine clock).
 */
export async function resolveDeadline(
  client: AnyClient,
  deadline: bigint | undefined,
): Promise<bigint> {
  if (deadline !== undefined) return deadline;
  try {
    const block = await getBlock(client, { blockTag: "latest" });
    return block.timestamp + DEFAULT_DEADLINE_SECONDS;
  } catch (error) {
    throw toRemixError(error);
  }
}
