import { zeroAddress } from "viem";

/** The token address that stands for native ETH in payments, balances and licence prices. */
export const ETH = zeroAddress;

/** 100% in basis points: shares and fees are integers out of this. */
export const BPS = 10_000;

/** The most parents a remix may name. */
export const MAX_PARENTS = 16;

/** Seconds a registration commitment holds its content: the contract's `COMMITMENT_LIFETIME`. */
export const COMMITMENT_LIFETIME = 86_400n;

/** Seconds after a commitment before it can be revealed: the contract's `MIN_COMMITMENT_AGE`. */
export const COMMITMENT_MIN_AGE = 60n;

/** The use kinds licences are sold for, as the contracts number them. */
export const UseKind = {
  View: 0,
  Commercial: 1,
  Remix: 2,
  AITraining: 3,
  AIInference: 4,
} as const;

/** A use kind: one of {@link UseKind}'s values. */
export type UseKind = (typeof UseKind)[keyof typeof UseKind];
