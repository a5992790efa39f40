import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  keccak256,
  toHex,
} from "viem";
import { remixProtocolAbi } from "../../abis/remixProtocolAbi.js";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { COMMITMENT_LIFETIME, COMMITMENT_MIN_AGE } from "../../utils/constants.js";
import { type ContentParameters, contentHashOf } from "../../utils/contentHashOf.js";
import { requireAddress, requireSalt } from "../../utils/inputChecks.js";
import type { PreparedCall } from "../../utils/preparedCall.js";
import { receiptEvent } from "../../utils/receiptEvents.js";
import {
  type AnyClient,
  type EstimateParameters,
  estimatePreparedCallGas,
  sendPreparedCall,
  type WriteParameters,
  type WriteReturnType,
} from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";

/** Parameters of {@link commitRegistration}: the work to register later, by its bytes or hash. */
export type CommitRegistrationParameters = ContentParameters & {
  /** Who the registration will be for; default the sender. A relayer commits for a creator whose
   * signed registration (`signRegistration` with this `salt`) it will send. */
  creator?: Address | undefined;
  /** The secret that hides the content until the reveal: 32 bytes, never zero. Default: 32
   * random bytes. Keep it until the reveal; without it the commitment cannot be revealed. */
  salt?: Hex | undefined;
};

/** What a commitment is made of, to reveal it later. */
export type RegistrationCommitment = {
  /** `keccak256(abi.encode(creator, contentHash, salt))`, as stored on chain. */
  commitment: Hex;
  contentHash: Hex;
  /** Pass it as `salt` to `registerOriginal` or `registerRemix` to reveal. */
  salt: Hex;
};

/** What {@link commitRegistration} resolves to. */
export type CommitRegistrationReturnType = WriteReturnType &
  RegistrationCommitment & {
    /** The first second the commitment can be revealed (in a block after the commitment's). */
    revealableAt: bigint;
    /** The last second the commitment can be revealed (and holds the content). */
    expiresAt: bigint;
  };

/** What {@link commitRegistration} rejects with: always a {@link RemixError} subclass. */
export type CommitRegistrationErrorType = RemixError;

/**
 * The commitment the sender (the creator) makes to register `content` later, and its salt.
 *
 * @example
 * const { commitment, salt } = registrationCommitment({ creator, content });
 */
export function registrationCommitment(
  parameters: ContentParameters & { creator: Hex; salt?: Hex | undefined },
): RegistrationCommitment {
  const salt = parameters.salt ?? toHex(webCrypto().getRandomValues(new Uint8Array(32)));
  requireSalt(salt);
  const contentHash = contentHashOf(parameters);
  const commitment = keccak256(
    encodeAbiParameters(
      [{ type: "address" }, { type: "bytes32" }, { type: "bytes32" }],
      [parameters.creator, contentHash, salt],
    ),
  );
  return { commitment, contentHash, salt };
}

/** The Web Crypto API, in every browser and in Node.js 19 and later (the SDK has no DOM types). */
function webCrypto(): { getRandomValues(array: Uint8Array): Uint8Array } {
  return (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } })
    .crypto;
}

/**
 * The transaction that commits to a registration, without sending it. The commitment names the
 * content key `keccak256(abi.encode(contentHash))`, so the direct path refuses the content
 * until the commitment expires.
 *
 * @example
 * const { to, data } = await prepareCommitRegistration(client, { content, salt });
 */
export async function prepareCommitRegistration(
  client: AnyClient,
  parameters: CommitRegistrationParameters & EstimateParameters,
): Promise<PreparedCall & RegistrationCommitment> {
  const deployment = resolveDeployment(client, parameters);
  const creator = parameters.creator ?? senderAddress(client, parameters.account);
  requireAddress("creator", creator);
  const committed = registrationCommitment({ ...parameters, creator });
  const contentKey = keccak256(encodeAbiParameters([{ type: "bytes32" }], [committed.contentHash]));
  return {
    ...committed,
    to: deployment.protocol,
    data: encodeFunctionData({
      abi: remixProtocolAbi,
      functionName: "commitRegistration",
      args: [committed.commitment, contentKey],
    }),
    value: 0n,
  };
}

/**
 * Commits the sender to registering a work without revealing it, the first step of the
 * registration nobody can front-run. From a minute later (and a new block) until `expiresAt`
 * (one day), the sender reveals it by registering with the returned `salt` (`registerOriginal`
 * or `registerRemix`, or `registerBySig` for a relayer committing for a creator); meanwhile no
 * one can register that content by the direct path.
 *
 * @example
 * const { salt } = await commitRegistration(walletClient, { content });
 * // ... a minute later:
 * await registerOriginal(walletClient, { content, metadataUri, salt });
 */
export async function commitRegistration(
  client: AnyClient,
  parameters: CommitRegistrationParameters & WriteParameters,
): Promise<CommitRegistrationReturnType> {
  const { commitment, contentHash, salt, ...prepared } = await prepareCommitRegistration(
    client,
    parameters,
  );
  const receipt = await sendPreparedCall(client, prepared, parameters);
  const { args } = receiptEvent(receipt, prepared.to, remixProtocolAbi, "RegistrationCommitted");
  const expiresAt = BigInt(args.expiresAt);
  const revealableAt = expiresAt - COMMITMENT_LIFETIME + COMMITMENT_MIN_AGE;
  return { receipt, commitment, contentHash, salt, revealableAt, expiresAt };
}

/** The gas this commitment would use now. */
export async function estimateCommitRegistrationGas(
  client: AnyClient,
  parameters: CommitRegistrationParameters & EstimateParameters,
): Promise<bigint> {
  return estimatePreparedCallGas(
    client,
    await prepareCommitRegistration(client, parameters),
    parameters,
  );
}
