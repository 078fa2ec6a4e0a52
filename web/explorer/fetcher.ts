/**
 * GraphiQL's fetcher: a POST of the operation to this page's own /graphql, with the headers of the Headers pane
 * (an editor's `Authorization: Bearer ...`). Whatever the API answers (data, errors, a refusal's JSON) is shown as it
 * came; an answer that is not JSON, or no answer, becomes one error that says so.
 */
import type { GraphiQLProps } from "graphiql";
import { Kind, parse } from "graphql";

const ENDPOINT = "/graphql";

/**
 * The operation to run: GraphiQL reads its name from the editor a moment after the text changes, so a run right after
 * switching tabs carries the previous tab's name, which the API refuses (400, unknown operation). When the document
 * holds one operation, that one was meant.
 */
function operationToRun(query: string, named: string | null | undefined): string | null | undefined {
  try {
    const operations = parse(query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const names = operations.map((operation) => operation.name?.value);
    return operations.length === 1 && !names.includes(named ?? undefined) ? (names[0] ?? null) : named;
  } catch {
    return named; // a syntax error: the API says where
  }
}

export const fetchFromPrassi: GraphiQLProps["fetcher"] = async (params, options) => {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers: {
        accept: "application/graphql-response+json, application/json",
        ...(options?.headers as Record<string, string> | undefined),
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...params, operationName: operationToRun(params.query, params.operationName) }),
    });
  } catch {
    return { errors: [{ message: `${ENDPOINT} cannot be reached: is Prassi running?` }] };
  }
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {
      errors: [{ message: `${ENDPOINT} answered ${response.status} ${response.statusText} without a GraphQL answer` }],
    };
  }
};
