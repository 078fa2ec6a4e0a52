/**
 * The one way the pages and the widget ask the public GraphQL API: a POST of a named operation, answered with its
 * data or an ApiError that says what went wrong in words a reader can be shown.
 */
export type ApiFailure = "unreachable" | "refused" | "answer";

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    message: string,
    /** The GraphQL error code, when the API gave one (NOT_FOUND, BAD_USER_INPUT...). */
    readonly code?: string,
  ) {
    super(message);
  }
}

type GraphqlAnswer<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

export async function askApi<T>(api: string, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(api, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("unreachable", `${api} cannot be reached`);
  }
  let answer: GraphqlAnswer<T>;
  try {
    answer = (await response.json()) as GraphqlAnswer<T>;
  } catch {
    throw new ApiError("refused", `${api} answered ${response.status} without a GraphQL answer`);
  }
  const first = answer.errors?.[0];
  if (first) throw new ApiError("answer", first.message, first.extensions?.code);
  if (!answer.data) throw new ApiError("refused", `${api} answered ${response.status} without data`);
  return answer.data;
}
