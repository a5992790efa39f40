/**
 * A progress bar for long loops. On a terminal it redraws one line in place; elsewhere (a log,
 * a test) it prints a line at each quarter, so output stays short and stable.
 */
export function progressBar(
  label: string,
  total: number,
  out: NodeJS.WriteStream = process.stdout,
) {
  const width = 30;
  const started = Date.now();
  let printedQuarter = 0;
  const render = (done: number) => {
    const filled = Math.round((done / total) * width);
    return `${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
  };
  return {
    /** Records that `done` of `total` items are finished. */
    update(done: number): void {
      if (out.isTTY) {
        out.write(`\r${render(done)}`);
        return;
      }
      const quarter = Math.floor((done * 4) / total);
      if (quarter > printedQuarter && quarter < 4) {
        printedQuarter = quarter;
        out.write(`${render(done)}\n`);
      }
    },
    /** Ends the bar, with the time it took. */
    finish(): void {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      out.write(`${out.isTTY ? "\r" : ""}${render(total)} in ${seconds} s\n`);
    },
  };
}
