/**
 * CORS: the public reads are for any web page (a regional portal embedding the widget), so by default any origin may
 * call the API, without credentials: Prassi honours no cookie, and writes carry a Bearer token a page must hold
 * explicitly. PRASSI_CORS_ORIGINS restricts the origins. Preflights are answered here, with a cache of 10 minutes.
 */
import cors from "cors";
import type express from "express";

export function corsPolicy(origins: "*" | string[]): express.RequestHandler {
  return cors({
    origin: origins === "*" ? "*" : origins,
    methods: ["GET", "POST"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "x-request-id",
      "apollo-require-preflight",
      "x-apollo-operation-name",
    ],
    exposedHeaders: ["x-request-id", "retry-after"],
    credentials: false,
    maxAge: 600,
  });
}
