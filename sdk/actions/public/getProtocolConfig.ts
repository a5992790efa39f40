import type { Address } from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import {
  type DeploymentParameters,
  resolveDeployment,
} from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { requireAddress } from "../../utils/inputChecks.js";
import { type BatchReadParameters, readContracts } from "../../utils/readContracts.js";
import type { AnyClient } from "../../utils/sendPreparedCall.js";

/** Parameters of {@link getProtocolConfig}. */
export type GetProtocolConfigParameters = DeploymentParameters &
  BatchReadParameters & {
    /** Tokens to report allowlist status and accrued fees for (default: none). */
    tokens?: readonly Address[] | undefined;
  };

/** The protocol's admin settings, and per-token state for the tokens asked about. */
export type ProtocolConfig = {
  owner: Address;
  /** The proposed owner of a transfer not yet accepted, or the zero address. */
  pendingOwner: Address;
  /** Receives protocol fees. */
  treasury: Address;
  /** The fee on payments made now, in basis points. */
  feeBps: number;
  /** An announced fee change not yet in force, or `null`. */
  pendingFee: { feeBps: number; effectiveAt: bigint } | null;
  /** The immutable notice, in seconds, between announcing a fee change and its effect. */
  feeDelaySeconds: number;
  /** The immutable cap on `feeBps`. */
  maxFeeBps: number;
  /** Whether new registrations, purchases and payments are refused. */
  paused: boolean;
  /** Asset ids run from 1 to this. */
  totalAssets: bigint;
  /** The licensing contract the protocol created. */
  licensing: Address;
  /** One entry per requested token, in order. */
  tokens: {
    token: Address;
    /** Whether new payments may use it (ETH always may). */
    allowed: boolean;
    /** Protocol fees in it not yet withdrawn to the treasury. */
    accruedFees: bigint;
    /** The gross ever paid in it, modulo 10,000: with `feeBps`, it fixes the next payment's fee
     * (see `protocolFee`). */
    feeGrossRemainder: bigint;
  }[];
};

/** What {@link getProtocolConfig} resolves to. */
export type GetProtocolConfigReturnType = ProtocolConfig;

/** What {@link getProtocolConfig} rejects with: always a {@link RemixError} subclass. */
export type GetProtocolConfigErrorType = RemixError;

/**
 * Reads the admin settings (and, for `tokens`, allowlist status and accrued fees) in one batched
 * read, so all values come from the same block.
 *
 * @example
 * const { feeBps, paused, tokens } = await getProtocolConfig(publicClient, { tokens: [ETH, usd] });
 */
export async function getProtocolConfig(
  client: AnyClient,
  parameters: GetProtocolConfigParameters = {},
): Promise<GetProtocolConfigReturnType> {
  const deployment = resolveDeployment(client, parameters);
  const tokens = parameters.tokens ?? [];
  tokens.forEach((token, index) => requireAddress(`tokens[${index}]`, token));
  const protocol = { address: deployment.protocol, abi: remixProtocolAbi } as const;
  const settings = [
    { ...protocol, functionName: "owner" },
    { ...protocol, functionName: "pendingOwner" },
    { ...protocol, functionName: "treasury" },
    { ...protocol, functionName: "feeBps" },
    { ...protocol, functionName: "pendingFee" },
    { ...protocol, functionName: "FEE_DELAY" },
    { ...protocol, functionName: "MAX_FEE_BPS" },
    { ...protocol, functionName: "paused" },
    { ...protocol, functionName: "totalAssets" },
    { ...protocol, functionName: "LICENSING" },
  ] as const;
  const perToken = tokens.flatMap((token) => [
    { ...protocol, functionName: "isTokenAllowed", args: [token] } as const,
    { ...protocol, functionName: "accruedFees", args: [token] } as const,
  ]);
  const results = await readContracts(client, deployment, [...settings, ...perToken], parameters);
  const [
    owner,
    pendingOwner,
    treasury,
    feeBps,
    [pendingFeeBps, effectiveAt],
    feeDelaySeconds,
    maxFeeBps,
    paused,
    totalAssets,
    licensing,
  ] = results as unknown as [
    Address,
    Address,
    Address,
    number,
    readonly [number, number],
    number,
    number,
    boolean,
    bigint,
    Address,
  ];
  return {
    owner,
    pendingOwner,
    treasury,
    feeBps,
    pendingFee:
      effectiveAt === 0 ? null : { feeBps: pendingFeeBps, effectiveAt: BigInt(effectiveAt) },
    feeDelaySeconds,
    maxFeeBps,
    paused,
    totalAssets,
    licensing,
    // After the settings, two results per token: allowed, then accrued fees.
    tokens: tokens.map((token, index) => {
      const [accruedFees, feeGrossRemainder] = results[
        settings.length + 2 * index + 1
      ] as unknown as [bigint, bigint];
      return {
        token,
        allowed: results[settings.length + 2 * index] as boolean,
        accruedFees,
        feeGrossRemainder,
      };
    }),
  };
}
