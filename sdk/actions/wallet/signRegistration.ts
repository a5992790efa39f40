import { type Hex, zeroHash } from "viem";
import { signTypedData } from "viem/actions";
import { resolveDeployment } from "../../deployments/resolveDeployment.js";
import type { RemixError } from "../../errors/base.js";
import { toRemixError } from "../../errors/toRemixError.js";
import { type ContentParameters, contentHashOf } from "../../utils/contentHashOf.js";
import { resolveDeadline } from "../../utils/deadline.js";
import { requireSalt, requireUint256 } from "../../utils/inputChecks.js";
import { assertLength } from "../../utils/licensingChecks.js";
import { relayDomainAndNonce, relayTypes } from "../../utils/relay.js";
import type { AnyClient, EstimateParameters } from "../../utils/sendPreparedCall.js";
import { senderAddress } from "../../utils/senderAddress.js";
import { type RemixParent, validateParents } from "../../utils/validateParents.js";

/** Parameters of {@link signRegistration}: what the creator (the client's account) registers. */
export type SignRegistrationParameters = ContentParameters & {
  /** The metadata URI, at most 512 bytes. */
  metadataUri: string;
  /** For a remix, its parents with their shares; none for an original. */
  parents?: readonly RemixParent[] | undefined;
  /** For a remix, the creator's held `Remix` licence for each parent, in the same order. */
  licenceIds?: readonly bigint[] | undefined;
  /** The salt of a commitment the relayer made for this creator and content, to reveal it. */
  salt?: Hex | undefined;
  /** The last second the signature may be used; default the latest block's time plus an hour. */
  deadline?: bigint | undefined;
};

/** A registration signed by its creator, for anyone to send with `registerBySig`. */
export type SignedRegistration = {
  request: {
    creator: Hex;
    contentHash: Hex;
    metadataURI: string;
    parents: { parentId: bigint; shareBps: number }[];
    licenceIds: bigint[];
    salt: Hex;
  };
  deadline: bigint;
  signature: Hex;
};

/** What {@link signRegistration} rejects with: always a {@link RemixError} subclass. */
export type SignRegistrationErrorType = RemixError;

/**
 * Signs (EIP-712, no transaction, no gas) a registration by the client's account, which becomes
 * the creator of record whoever sends it: the gasless path for a creator without ETH. Hand the
 * result to a relayer, who sends it with {@link registerBySig}. The signature names the
 * creator's current nonce, so it works once, and only before its deadline.
 *
 * @example
 * const signed = await signRegistration(creatorWallet, { content, metadataUri: "ipfs://..." });
 * const { assetId } = await registerBySig(relayerWallet, signed);
 */
export async function signRegistration(
  client: AnyClient,
  parameters: SignRegistrationParameters & EstimateParameters,
): Promise<SignedRegistration> {
  const deployment = resolveDeployment(client, parameters);
  const creator = senderAddress(client, parameters.account);
  const parents = parameters.parents === undefined ? [] : validateParents(parameters.parents);
  const licenceIds = [...(parameters.licenceIds ?? [])];
  assertLength(licenceIds, parents.length, "licenceIds");
  licenceIds.forEach((id, index) => requireUint256(`licenceIds[${index}]`, id));
  if (parameters.salt !== undefined) requireSalt(parameters.salt);
  const request = {
    creator,
    contentHash: contentHashOf(parameters),
    metadataURI: parameters.metadataUri,
    parents,
    licenceIds,
    salt: parameters.salt ?? zeroHash,
  };
  const [{ domain, nonce }, deadline] = await Promise.all([
    relayDomainAndNonce(client, deployment, creator),
    resolveDeadline(client, parameters.deadline),
  ]);
  try {
    const signature = await signTypedData(client, {
      account: parameters.account ?? client.account ?? creator,
      domain,
      types: relayTypes,
      primaryType: "Registration",
      message: { ...request, nonce, deadline },
    });
    return { request, deadline, signature };
  } catch (error) {
    throw toRemixError(error);
  }
}
