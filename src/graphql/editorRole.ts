/**
 * The editor role for writes of our own resolvers (mergeNodes): the generated writes have theirs checked by
 * @neo4j/graphql (schema/auth.graphql), with the same answers: no token, UNAUTHENTICATED; a token without the role,
 * FORBIDDEN (formatError words both).
 */
import { PrassiError } from "../errors";
import type { EditorJwt } from "./auth";

export const EDITOR_ROLE = "editor";

class NoTokenError extends PrassiError {
  override name = "NoTokenError";
  readonly code = "UNAUTHENTICATED";
}

class NotEditorError extends PrassiError {
  override name = "NotEditorError";
  readonly code = "FORBIDDEN";
}

/** The editor's subject (for the audit and the record of the write); throws unless the token has the editor role. */
export function requireEditor(jwt: EditorJwt | undefined): string {
  if (jwt === undefined) throw new NoTokenError("this write needs a token with the editor role");
  if (!jwt.roles.includes(EDITOR_ROLE)) throw new NotEditorError("this token lacks the editor role");
  return jwt.sub;
}
