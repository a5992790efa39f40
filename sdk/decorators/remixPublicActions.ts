import { auditProtocol } from "../actions/public/auditProtocol.js";
import { getAsset, getAssets } from "../actions/public/getAsset.js";
import { getAllowance } from "../actions/public/getAllowance.js";
import { getAllowanceShortfalls } from "../actions/public/getAllowanceShortfalls.js";
import { getAssetIdOf } from "../actions/public/getAssetIdOf.js";
import { getBalances } from "../actions/public/getBalances.js";
import { getEarnings } from "../actions/public/getEarnings.js";
import { getLicenceManifest } from "../actions/public/getLicenceManifest.js";
import { getLicences } from "../actions/public/getLicences.js";
import { getLineage } from "../actions/public/getLineage.js";
import { getOwnedAssets } from "../actions/public/getOwnedAssets.js";
import { getParents } from "../actions/public/getParents.js";
import { getProtocolConfig } from "../actions/public/getProtocolConfig.js";
import { getReceived } from "../actions/public/getReceived.js";
import { getTerms } from "../actions/public/getTerms.js";
import { hasValidLicence } from "../actions/public/hasValidLicence.js";
import { previewClaimAll } from "../actions/public/previewClaimAll.js";
import { quoteLicence, quoteLicences } from "../actions/public/quoteLicence.js";
import { quoteRemix } from "../actions/public/quoteRemix.js";
import type { DeploymentParameters } from "../deployments/resolveDeployment.js";
import type { AnyClient } from "../utils/sendPreparedCall.js";
import { bindActions, type BoundActions } from "./bindActions.js";

const publicActions = {
  auditProtocol,
  getAllowance,
  getAllowanceShortfalls,
  getAsset,
  getAssetIdOf,
  getAssets,
  getBalances,
  getEarnings,
  getLicenceManifest,
  getLicences,
  getLineage,
  getOwnedAssets,
  getParents,
  getProtocolConfig,
  getReceived,
  getTerms,
  hasValidLicence,
  previewClaimAll,
  quoteLicence,
  quoteLicences,
  quoteRemix,
};

/** Every read of the protocol, bound to a client. */
export type RemixPublicActions = BoundActions<typeof publicActions>;

/**
 * A decorator that adds every protocol read to a viem client (public or wallet).
 *
 * @example
 * const client = createPublicClient({ chain: mainnet, transport: http() })
 *   .extend(remixPublicActions());
 * const lineage = await client.getLineage({ assetId: 1n });
 *
 * @param defaults `deployment` for chains the SDK does not know (a local node, a new network).
 */
export function remixPublicActions(defaults: DeploymentParameters = {}) {
  return (client: AnyClient): RemixPublicActions => bindActions(client, publicActions, defaults);
}
