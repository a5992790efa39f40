// Ponder answers a GraphQL query it refuses (too deep, too many aliases, a page over 1,000 rows,
// an unknown field) with HTTP 200 and no data, and a refused SQL query (a write, an unknown
// function) with HTTP 500. Both are the client's mistake: answer them 400, as GraphQL over HTTP
// does for a request error, so clients and proxies tell them from a server fault.
import type { MiddlewareHandler } from "hono";

/** Turns GraphQL answers with errors and no data into 400s (the body is kept). */
export const graphqlRequestErrors: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200 || !c.res.headers.get("content-type")?.includes("json")) return;
  const body = (await c.res.clone().json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length && (body.data === undefined || body.data === null)) {
    c.res = new Response(c.res.body, { status: 400, headers: c.res.headers });
  }
};

/** Turns the SQL endpoint's refusals of a query (text answers with 500) into 400s. */
export const sqlRequestErrors: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status === 500 && c.res.headers.get("content-type")?.startsWith("text/plain")) {
    c.res = new Response(c.res.body, { status: 400, headers: c.res.headers });
  }
};
