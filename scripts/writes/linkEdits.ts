/**
 * A curator's link edit through the generated mutations (docs/queries/update-practice.graphql links a target group
 * the same way) and the editor's token it needs: what the write benchmark and the concurrency test send.
 */
import { SignJWT } from "jose";

export type LinkEdit = { relation: "targets" | "stakeholders"; action: "connect" | "disconnect" };

/** Links or unlinks one item ($item) of a practice ($practice). */
export function linkEditMutation({ relation, action }: LinkEdit): string {
  const field = relation === "targets" ? "TARGETS" : "STAKEHOLDERS";
  const where = "where: { node: { id: { eq: $item } } }";
  const change =
    action === "connect" ? `connect: [{ ${where}, edge: { field: ${field} } }]` : `disconnect: [{ ${where} }]`;
  return `mutation Edit($practice: ID!, $item: ID!) {
    updatePractices(where: { id: { eq: $practice } }, update: { ${relation}: [{ ${change} }] }) { practices { id } }
  }`;
}

/** An editor's HS256 token, as `npm run token` mints it. */
export function editorToken(secret: string, subject: string): Promise<string> {
  return new SignJWT({ roles: ["editor"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret));
}
