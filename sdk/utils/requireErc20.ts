import type { Address } from "viem";
import { InvalidParameterError } from "../errors/parameters.js";
import { ETH } from "./constants.js";
import { requireAddress } from "./inputChecks.js";

/** `token` must be an ERC-20 address: ETH is paid as value and has no allowance. */
export function requireErc20(parameter: string, token: Address): void {
  requireAddress(parameter, token);
  if (token === ETH) {
    throw new InvalidParameterError({
      parameter,
      reason: "ETH (the zero address) is sent as value and needs no allowance",
    });
  }
}
