// The use kinds as the app names them, with which terms fields apply to each.
import { UseKind } from "../../../sdk/index.js";

/** A use kind, its label, and which terms it takes (the contract refuses the others). */
export type KindInfo = {
  kind: UseKind;
  /** The indexer's name for it (the SDK's `UseKind` key). */
  name: keyof typeof UseKind;
  label: string;
  /** `View` is paid per use: no licence, so no duration. `Remix` licences never expire. */
  hasDuration: boolean;
  /** Only `Remix` terms set the least share a remix gives. */
  hasMinShare: boolean;
};

/** Every use kind, in the contracts' order. */
export const KINDS: readonly KindInfo[] = [
  {
    kind: UseKind.View,
    name: "View",
    label: "View (per use)",
    hasDuration: false,
    hasMinShare: false,
  },
  {
    kind: UseKind.Commercial,
    name: "Commercial",
    label: "Commercial",
    hasDuration: true,
    hasMinShare: false,
  },
  { kind: UseKind.Remix, name: "Remix", label: "Remix", hasDuration: false, hasMinShare: true },
  {
    kind: UseKind.AITraining,
    name: "AITraining",
    label: "AI training",
    hasDuration: true,
    hasMinShare: false,
  },
  {
    kind: UseKind.AIInference,
    name: "AIInference",
    label: "AI inference",
    hasDuration: true,
    hasMinShare: false,
  },
];

/** A duration in seconds as people read it (`perpetual`, `30 days`, `90 s`). */
export function formatDuration(seconds: bigint): string {
  if (seconds === 0n) return "perpetual";
  if (seconds % 86_400n === 0n) return `${seconds / 86_400n} day${seconds === 86_400n ? "" : "s"}`;
  if (seconds % 3_600n === 0n) return `${seconds / 3_600n} h`;
  return `${seconds} s`;
}
