/**
 * npm run token -- [--expires 8h] [--subject NAME]
 * Prints an HS256 JWT with the editor role, signed with JWT_SECRET: what a curator sends as
 * `Authorization: Bearer <token>` to write through the GraphQL API.
 */
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { loadConfig } from "../src/config";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { expires: { type: "string", default: "8h" }, subject: { type: "string", default: "editor" } },
  });
  const { jwtSecret } = loadConfig();
  if (!jwtSecret) throw new Error("JWT_SECRET is not set: the server refuses every write until it is");
  const token = await new SignJWT({ roles: ["editor"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(values.subject)
    .setIssuedAt()
    .setExpirationTime(values.expires)
    .sign(new TextEncoder().encode(jwtSecret));
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
