import type { Address, TypedDataDomain } from "viem";
import { readContract } from "viem/actions";
import { relayAbi } from "../abis/relayAbi.js";
import { remixProtocolAbi } from "../abis/remixProtocolAbi.js";
import type { Deployment } from "../deployments/deployment.js";
import { toRemixError } from "../errors/toRemixError.js";
import type { AnyClient } from "./sendPreparedCall.js";

/** The EIP-712 types of the relay's signed requests, as its type hashes spell them. */
export const relayTypes = {
  Registration: [
    { name: "creator", type: "address" },
    { name: "contentHash", type: "bytes32" },
    { name: "metadataURI", type: "string" },
    { name: "parents", type: "ParentShare[]" },
    { name: "licenceIds", type: "uint256[]" },
    { name: "salt", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  ParentShare: [
    { name: "parentId", type: "uint256" },
    { name: "shareBps", type: "uint16" },
  ],
  Claim: [
    { name: "claimer", type: "address" },
    { name: "assetIds", type: "uint256[]" },
    { name: "tokens", type: "address[]" },
    { name: "recipient", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** The relay of `deployment`: its `relay`, else the protocol's `RELAY()`. */
export async function relayAddress(client: AnyClient, deployment: Deployment): Promise<Address> {
  if (deployment.relay) return deployment.relay;
  try {
    return await readContract(client, {
      address: deployment.protocol,
      abi: remixProtocolAbi,
      functionName: "RELAY",
    });
  } catch (error) {
    throw toRemixError(error);
  }
}

/** The relay's EIP-712 domain and the next nonce `signer` must sign with, in one round trip. */
export async function relayDomainAndNonce(
  client: AnyClient,
  deployment: Deployment,
  signer: Address,
): Promise<{ relay: Address; domain: TypedDataDomain; nonce: bigint }> {
  const relay = await relayAddress(client, deployment);
  try {
    const nonce = await readContract(client, {
      address: relay,
      abi: relayAbi,
      functionName: "nonces",
      args: [signer],
    });
    const domain = {
      name: "RemixProtocol Relay",
      version: "1",
      chainId: deployment.chainId,
      verifyingContract: relay,
    } as const;
    return { relay, domain, nonce };
  } catch (error) {
    throw toRemixError(error);
  }
}
