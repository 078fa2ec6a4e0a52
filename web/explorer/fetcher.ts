/**
 * GraphiQL's fetcher: a POST of the operation to this page's own /graphql, with the headers of the Headers pane
 * (an editor's `Authorization: Bearer ...`). Whatever the API answers (data, errors, a refusal's JSON) is shown as it
 * came; an answer that is not JSON, or no answer, becomes one error that says so.
 */
import type { GraphiQLProps } from "graphiql";

const ENDPOINT = "/graphql";

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
      body: JSON.stringify(params),
    });
  } catch {
    return { errors: [{ message: `${ENDPOINT} cannot be reached: is Prassi running?` }] };
  }
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return { errors: [{ message: `${ENDPOINT} answered ${response.status} ${response.statusText} without a GraphQL answer` }] };
  }
};
