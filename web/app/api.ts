/** The pages' one way to ask the API: an operation of docs/queries/ by its file name, as an analyst would send it. */
import { askApi } from "../shared/api";
import { documentedQuery } from "../shared/queries";

export function askDocumented<T>(name: string, variables: Record<string, unknown> = {}): Promise<T> {
  return askApi<T>("/graphql", documentedQuery(name), variables);
}
