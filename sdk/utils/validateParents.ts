import { InvalidParameterError } from "../errors/parameters.js";
import { MAX_PARENTS } from "./constants.js";
import { requireBps, requireUint } from "./inputChecks.js";

/** A parent a remix names, with the share of the remix's revenue it receives. */
export type RemixParent = {
  assetId: bigint;
  /**
   * Basis points of every amount the remix splits, at least 1; all parents' shares together at
   * most 100% less the protocol's fee cap (`maxFeeBps`), else `SharesExceedLimit`.
   */
  shareBps: number;
};

/**
 * The parents as the contracts take them (`ParentShare[]`), after refusing what can never
 * register: no parents or more than {@link MAX_PARENTS}, an id below 1, a share that is not an
 * integer from 1 to 10,000, a parent named twice. Whether the shares' total fits under the
 * protocol's fee cap is left to the contract (`SharesExceedLimit`), which knows the cap.
 */
export function validateParents(
  parents: readonly RemixParent[],
): { parentId: bigint; shareBps: number }[] {
  if (!Array.isArray(parents) || parents.length === 0 || parents.length > MAX_PARENTS) {
    throw new InvalidParameterError({
      parameter: "parents",
      reason: `a remix names 1 to ${MAX_PARENTS} parents`,
    });
  }
  const seen = new Set<bigint>();
  return parents.map(({ assetId, shareBps }, index) => {
    requireUint(`parents[${index}].assetId`, assetId, 48, 1n);
    requireBps(`parents[${index}].shareBps`, shareBps, 1);
    if (seen.has(assetId)) {
      throw new InvalidParameterError({
        parameter: `parents[${index}].assetId`,
        reason: `asset ${assetId} is named more than once`,
      });
    }
    seen.add(assetId);
    return { parentId: assetId, shareBps };
  });
}
