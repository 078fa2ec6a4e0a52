import { SignJWT } from "jose";

/** The JWT_SECRET of the services the tests start. */
export const TEST_SECRET = "a-test-secret-that-is-long-enough-for-hs256";

export type TokenOptions = {
  roles?: unknown;
  subject?: string | null;
  alg?: string;
  /** A jose time span ("10m", "-1h", "30d") or null for no expiry. */
  expires?: string | null;
  /** Seconds from now (negative: the past), or null for no issue time. */
  issuedAt?: number | null;
  secret?: string;
};

/** An editor's token as `npm run token` mints it, or broken in the way the options say. */
export function editorToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ roles: options.roles ?? ["editor"] }).setProtectedHeader({ alg: options.alg ?? "HS256" });
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? "maria.rossi");
  if (options.issuedAt !== null) jwt = jwt.setIssuedAt(now + (options.issuedAt ?? 0));
  if (options.expires !== null) jwt = jwt.setExpirationTime(options.expires ?? "10m");
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

export type Answer = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};
