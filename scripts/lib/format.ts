/**
 * `amount` in a unit with `decimals` decimals, with thousands separators and at least two
 * decimals (more only when the amount has them), in integer arithmetic.
 *
 * @example
 * formatAmount(1_000_300_000n, 6); // "1,000.30"
 */
export function formatAmount(amount: bigint, decimals: number): string {
  const sign = amount < 0n ? "-" : "";
  const magnitude = amount < 0n ? -amount : amount;
  const unit = 10n ** BigInt(decimals);
  const whole = (magnitude / unit).toLocaleString("en-US");
  const fraction = (magnitude % unit).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${sign}${whole}.${fraction.padEnd(2, "0")}`;
}

/** Rows drawn as an aligned text table: the first column left-aligned, the others right. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  return [
    line(header),
    widths.map((width) => "─".repeat(width)).join("  "),
    ...rows.map(line),
  ].join("\n");
}
