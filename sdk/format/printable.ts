/**
 * `text` with control characters (terminal escapes, newlines) replaced by U+FFFD: metadata URIs
 * are written on-chain by anyone, and must not be able to rewrite or spoof what an auditor reads.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
}
