import type { Address } from "viem";
import { licensingAbi } from "../abis/licensingAbi.js";
import { getLicences } from "../actions/public/getLicences.js";
import type { Deployment } from "../deployments/deployment.js";
import { UseKind } from "./constants.js";
import { pinBlock } from "./protocolLogs.js";
import { readContracts } from "./readContracts.js";
import type { AnyClient } from "./sendPreparedCall.js";

/**
 * For each parent, an unused `Remix` licence `holder` already holds for it, or `0n` when none
 * (to be bought). One batched `hasValidLicence` read first, so the log scan of `getLicences` only
 * runs when some licence is held. Among several, the one with the lowest minimum share (then the
 * oldest) is used: the likeliest to accept the remix's share. If even that one asks more than
 * the share, it is still used, so the contract reports `ShareBelowLicenceMinimum` rather than the
 * sender silently paying for another licence. Both reads are at one block, so they agree.
 */
export async function heldRemixLicences(
  client: AnyClient,
  deployment: Deployment,
  holder: Address,
  parents: readonly { parentId: bigint }[],
): Promise<bigint[]> {
  const blockNumber = await pinBlock(client);
  const held = await readContracts(
    client,
    deployment,
    parents.map(
      ({ parentId }) =>
        ({
          address: deployment.licensing,
          abi: licensingAbi,
          functionName: "hasValidLicence",
          args: [holder, parentId, UseKind.Remix],
        }) as const,
    ),
    { blockNumber },
  );
  if (!held.some(([valid]) => valid)) return parents.map(() => 0n);
  const licences = await getLicences(client, {
    deployment,
    holder,
    kind: UseKind.Remix,
    blockNumber,
  });
  const usable = licences
    .filter((licence) => licence.usable)
    .sort((a, b) => a.minShareBps - b.minShareBps || (a.licenceId < b.licenceId ? -1 : 1));
  return parents.map(
    ({ parentId }) => usable.find((licence) => licence.assetId === parentId)?.licenceId ?? 0n,
  );
}
