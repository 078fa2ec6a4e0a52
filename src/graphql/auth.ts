/**
 * Editors' tokens, verified by Prassi itself before a request runs (then handed to @neo4j/graphql as an
 * already-verified JWT): HS256 only; a subject (who wrote, for the audit), an issue time that is not in the future
 * and an expiry no further than the maximum lifetime from now; roles only as an array of strings.
 * A request that carries a bad token is refused whole (401), even a read: a client with a broken token should learn
 * it at once, not when its first write fails.
 */
import { errors, jwtVerify } from "jose";
import { z } from "zod";
import { TokenError } from "../errors";

/** The claims the schema's authorization rules read (schema/auth.graphql), plus who the editor is. */
export type EditorJwt = { sub: string; roles: string[]; exp: number; iat: number };

const ClaimsSchema = z.object({
  sub: z.string({ error: "the token names no subject (sub): writes are audited by who made them" }).min(1),
  roles: z.array(z.string(), { error: 'the roles claim must be an array of strings, e.g. ["editor"]' }).default([]),
  exp: z.number(),
  iat: z.number(),
});

/** Clocks of the editor's machine and of the server may differ this much. */
const CLOCK_SKEW_SECONDS = 60;

export type TokenVerifier = (authorization: string | undefined) => Promise<EditorJwt | undefined>;

/** Returns the verified claims, undefined without an Authorization header, and throws TokenError for a bad token. */
export function tokenVerifier(options: { secret?: string; maxLifetimeSeconds: number }): TokenVerifier {
  const key = options.secret === undefined ? undefined : new TextEncoder().encode(options.secret);
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === "") return undefined;
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) throw new TokenError("the Authorization header must be `Bearer <token>`");
    if (!key) throw new TokenError("this server accepts no tokens: JWT_SECRET is not set, so every write is refused");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ["HS256"],
        requiredClaims: ["exp", "iat", "sub"],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      throw new TokenError(describeJoseError(error));
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenError(claims.error.issues[0]?.message ?? "invalid claims");
    const { exp, iat } = claims.data;
    const now = Math.floor(Date.now() / 1000);
    if (iat > now + CLOCK_SKEW_SECONDS) throw new TokenError("the token was issued in the future (iat)");
    // From now, not from iat: an iat set late would otherwise stretch the lifetime.
    const lifetime = exp - Math.min(iat, now);
    if (lifetime > options.maxLifetimeSeconds + CLOCK_SKEW_SECONDS) {
      throw new TokenError(
        `the token lives ${Math.round(lifetime / 3600)} h; this server accepts at most ${options.maxLifetimeSeconds / 3600} h`,
      );
    }
    return claims.data;
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "exp") return "the token has no expiry (exp)";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iat")
    return "the token has no issue time (iat)";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "sub")
    return "the token names no subject (sub): writes are audited by who made them";
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token must be signed with HS256";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "the token's signature does not match this server's secret";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not valid`;
  return "the token is malformed";
}
