import type { Graph } from "./graph";

const REQUEST_TRANSACTIONS = `
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.requestId = $requestId
RETURN collect(transactionId) AS ids`;

/**
 * Stops, on the server, every transaction still running for a request (they carry its id as metadata, see
 * reader.ts and the GraphQL context): a client that went away must not leave its work running. A user may always
 * list and terminate its own transactions, so this works on an external Neo4j too. Returns how many it stopped.
 */
export async function terminateRequestTransactions(graph: Graph, requestId: string): Promise<number> {
  const { records } = await graph.write(REQUEST_TRANSACTIONS, { requestId });
  const ids = records[0]?.get("ids") as string[] | undefined;
  if (!ids || ids.length === 0) return 0;
  await graph.write("TERMINATE TRANSACTIONS $ids", { ids });
  return ids.length;
}
