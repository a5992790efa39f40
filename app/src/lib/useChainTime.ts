// The chain's clock: the latest block's timestamp, which decides when a commitment is revealable.
import { useQuery } from "@tanstack/react-query";
import { useRemix } from "../context.ts";

/** The latest block's timestamp in seconds, polled; `undefined` until first read. */
export function useChainTime(): bigint | undefined {
  const { publicClient } = useRemix();
  const block = useQuery({
    queryKey: ["latestBlockTime"],
    queryFn: async () => (await publicClient.getBlock()).timestamp,
    refetchInterval: 2_000,
  });
  return block.data;
}
