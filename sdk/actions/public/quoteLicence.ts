import type { Address } from "viem";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import type { UseKind } from "../../utils/constants.js";
import type { LicenceTerms } from "../../utils/licenceTerms.js";
import { assertUseKind } from "../../utils/licensingChecks.js";
import type { BatchReadParameters } from "../../utils/readContracts.js";
import { readTerms } from "../../utils/readTerms.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";
import { requireUint256 } from "../../utils/inputChecks.js";

/** Parameters of {@link quoteLicence}. */
export type QuoteLicenceParameters = DeploymentParameters &
  BatchReadParameters & {
    assetId: bigint;
    kind: UseKind;
  };

/** What one `kind` licence of an asset costs now (for `View`: one use). */
export type LicenceQuote = {
  assetId: bigint;
  kind: UseKind;
  /** Whether the latest terms allow the use; `false` when no terms were ever published. */
  allowed: boolean;
  currency: Address;
  price: bigint;
  /** The latest terms version; 0 when none was published. */
  version: number;
  terms: LicenceTerms;
};

/** What {@link quoteLicence} resolves to. */
export type QuoteLicenceReturnType = LicenceQuote;

/** What {@link quoteLicence} rejects with: always a {@link RemixError} subclass. */
export type QuoteLicenceErrorType = RemixError;

/**
 * Quotes one licence from the asset's latest terms. Pass the quote as `maxPrice` to a purchase
 * so that a price rise or a currency switch before inclusion reverts instead of charging more.
 *
 * @example
 * const quote = await quoteLicence(publicClient, { assetId: 1n, kind: UseKind.Commercial });
 * if (quote.allowed) console.log(quote.price, quote.currency);
 */
export async function quoteLicence(
  client: AnyClient,
  parameters: QuoteLicenceParameters,
): Promise<QuoteLicenceReturnType> {
  const { assetId, ...rest } = parameters;
  const [quote] = await quoteLicences(client, { ...rest, assetIds: [assetId] });
  return quote as LicenceQuote;
}

/** Parameters of {@link quoteLicences}. */
export type QuoteLicencesParameters = DeploymentParameters &
  BatchReadParameters & {
    assetIds: readonly bigint[];
    kind: UseKind;
  };

/**
 * Quotes one `kind` licence of each asset in two batched reads, whatever the number of assets.
 *
 * @example
 * const quotes = await quoteLicences(publicClient, { assetIds: [1n, 2n], kind: UseKind.AITraining });
 */
export async function quoteLicences(
  client: AnyClient,
  parameters: QuoteLicencesParameters,
): Promise<LicenceQuote[]> {
  const deployment = resolveDeployment(client, parameters);
  const { assetIds, kind } = parameters;
  assertUseKind(kind);
  assetIds.forEach((assetId, index) => requireUint256(`assetIds[${index}]`, assetId));
  const terms = await readTerms(
    client,
    deployment,
    assetIds.map((assetId) => ({ assetId })),
    kind,
    parameters,
  );
  return terms.map(({ version, ...published }, index) => ({
    assetId: assetIds[index] as bigint,
    kind,
    allowed: published.allowed,
    currency: published.currency,
    price: published.price,
    version,
    terms: published,
  }));
}
