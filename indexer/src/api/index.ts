// The HTTP API: GraphQL over every table (with limits on size, depth and aliases), read-only SQL
// for `@ponder/client`, and JSON endpoints for the questions that need a walk of the graph.
import { Hono } from "hono";
import { and, asc, client, eq, graphql } from "ponder";
import { db } from "ponder:api";
import schema, { licence, useKind } from "ponder:schema";
import { isAddress } from "viem";
import { indexedDeployment } from "../../lib/deployment.js";
import { auditBalances } from "./auditBalances.js";
import { earningsOf } from "./earnings.js";
import { toJson } from "./json.js";
import { type Direction, lineageOf } from "./lineage.js";
import { receivedOf } from "./received.js";
import { ownedAssets, ownerTreeLinks } from "./ownerTree.js";
import { graphqlRequestErrors, sqlRequestErrors } from "./requestErrors.js";

/** Query limits: a GraphQL operation's tokens, nesting depth and aliases (pages hold ≤ 1,000). */
export const GRAPHQL_LIMITS = {
  maxOperationTokens: 2_000,
  maxOperationDepth: 12,
  maxOperationAliases: 20,
} as const;

const DIRECTIONS: readonly Direction[] = ["ancestors", "descendants", "both"];
const { deployment } = indexedDeployment();

const app = new Hono();

app.use("/graphql", graphqlRequestErrors, graphql({ db, schema }, GRAPHQL_LIMITS));
app.use("/sql/*", sqlRequestErrors, client({ db, schema }));

// Which protocol this indexer reads (as `start.ts` resolved it), so a client can check it is
// talking about its own deployment.
app.get("/deployment", (c) => toJson(c, deployment));

app.get("/lineage/:id", async (c) => {
  const id = c.req.param("id");
  const direction = (c.req.query("direction") ?? "both") as Direction;
  if (!/^\d{1,78}$/.test(id)) return c.json({ error: `asset id "${id}" is not an integer` }, 400);
  if (!DIRECTIONS.includes(direction)) {
    return c.json({ error: `direction "${direction}" is not ${DIRECTIONS.join(", ")}` }, 400);
  }
  const lineage = await lineageOf(BigInt(id), direction);
  if (!lineage) return c.json({ error: `asset ${id} is not indexed` }, 404);
  return toJson(c, lineage);
});

app.get("/assets/:id/received", async (c) => {
  const id = c.req.param("id");
  if (!/^\d{1,78}$/.test(id)) return c.json({ error: `asset id "${id}" is not an integer` }, 400);
  return toJson(c, await receivedOf(BigInt(id)));
});

app.get("/owners/:address/earnings", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `"${address}" is not an address` }, 400);
  return toJson(c, await earningsOf(address));
});

app.get("/owners/:address/assets", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `"${address}" is not an address` }, 400);
  const owned = await ownedAssets(address.toLowerCase() as `0x${string}`);
  return toJson(c, { assetIds: owned.map(({ id }) => id) });
});

// What a claim-all needs to plan: the owner's assets (and which it registered), and every parent
// link of them and of their descendants.
app.get("/owners/:address/claim-graph", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `"${address}" is not an address` }, 400);
  const owner = address.toLowerCase() as `0x${string}`;
  const [owned, edges] = await Promise.all([ownedAssets(owner), ownerTreeLinks(owner)]);
  return toJson(c, {
    owner,
    assetIds: owned.map(({ id }) => id),
    created: owned.filter(({ created }) => created).map(({ id }) => id),
    edges,
  });
});

// The licences issued to a holder (licences cannot be transferred), oldest first; `kind` (a use
// kind's number, as in `UseKind`) and `assetId` narrow them.
app.get("/holders/:address/licences", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `"${address}" is not an address` }, 400);
  const kindQuery = c.req.query("kind");
  const assetQuery = c.req.query("assetId");
  const kind = kindQuery === undefined ? undefined : useKind.enumValues[Number(kindQuery)];
  if (kindQuery !== undefined && (!/^\d$/.test(kindQuery) || kind === undefined)) {
    return c.json({ error: `kind "${kindQuery}" is not a use kind (0 to 4)` }, 400);
  }
  if (assetQuery !== undefined && !/^\d{1,78}$/.test(assetQuery)) {
    return c.json({ error: `asset id "${assetQuery}" is not an integer` }, 400);
  }
  const rows = await db
    .select({ id: licence.id })
    .from(licence)
    .where(
      and(
        eq(licence.holder, address.toLowerCase() as `0x${string}`),
        kind === undefined ? undefined : eq(licence.kind, kind),
        assetQuery === undefined ? undefined : eq(licence.assetId, BigInt(assetQuery)),
      ),
    )
    .orderBy(asc(licence.id));
  return toJson(c, { licenceIds: rows.map(({ id }) => id) });
});

app.get("/audit/balances", async (c) => toJson(c, await auditBalances()));

app.onError((error, c) => {
  console.error(error);
  return c.json({ error: "internal error" }, 500);
});

export default app;
