// The indexer's GraphQL, for lists the pages browse (the SDK reads everything that is a rule).

/** POSTs `query` to the indexer's `/graphql` and returns its `data`; throws its errors' messages. */
export async function indexerQuery<T>(indexerUrl: string, query: string): Promise<T> {
  const response = await fetch(`${indexerUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string }[];
  };
  if (!response.ok || body.errors || !body.data) {
    const reason = body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`;
    throw new Error(`The indexer refused the query: ${reason}`);
  }
  return body.data;
}
