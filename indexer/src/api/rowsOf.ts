// Raw SQL results as rows, whichever database answered.

/** The rows of a raw query on PGlite (`{ rows }`) or node-postgres (`{ rows }` too, or an array). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
