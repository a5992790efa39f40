// JSON answers with bigints as decimal strings (JSON has no integers beyond 2^53).
import type { Context } from "hono";

/** `value` as a JSON response, every bigint written as its decimal string. */
export function toJson(c: Context, value: unknown): Response {
  const body = JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return c.body(body, 200, { "content-type": "application/json" });
}
