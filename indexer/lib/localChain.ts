// Local development chains (hardhat node, anvil) restart from scratch under the same chain id.

/** Whether `chainId` is a local development chain's. */
export const isLocalChain = (chainId: number): boolean => chainId === 31337 || chainId === 1337;
