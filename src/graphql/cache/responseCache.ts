/**
 * Caching the way Apollo's ecosystem does, kept correct across several instances on one database:
 * - cache hints: every root field and every field returning an object is public for `publicMaxAge` seconds
 *   (@cacheControl in schema/ may lower it), and Apollo's cache-control plugin turns the hints into Cache-Control;
 *   a mutation, a request with a token, and an answer with errors are `no-store`;
 * - a server-side response cache (Apollo's response-cache plugin) in memory, bounded in bytes, whose keys hold the
 *   graph's version stamp (versionStamp.ts): a change to the graph moves every instance to new keys within the
 *   stamp's freshness bound. A request with an Authorization header is neither answered from it nor stored in it.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { PrassiContext } from "../context";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { VersionStamp } from "./versionStamp";

export type CachingOptions = {
  /** Seconds a public read may be kept (by browsers, CDNs and the response cache); 0 keeps nothing. */
  publicMaxAge: number;
  /** Bytes the response cache may hold; 0 turns it off (Cache-Control headers stay). */
  responseCacheBytes: number;
  stamp: VersionStamp;
};

/** A request that carries a token (valid or not): an editor's, never shared. */
export function carriesToken(requestContext: GraphQLRequestContext<PrassiContext>): boolean {
  return (
    requestContext.contextValue.jwt !== undefined ||
    requestContext.request.http?.headers.get("authorization") !== undefined
  );
}

/** Mutations and an editor's requests are not cacheable, whatever the hints say. */
function uncacheableRequests(): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          if (requestContext.operation?.operation !== "query" || carriesToken(requestContext)) {
            requestContext.overallCachePolicy.restrict({ maxAge: 0 });
          }
        },
      };
    },
  };
}

export function cachingPlugins(options: CachingOptions): ApolloServerPlugin<PrassiContext>[] {
  const { stamp } = options;
  const plugins: ApolloServerPlugin<PrassiContext>[] = [
    uncacheableRequests(),
    ApolloServerPluginCacheControl({ defaultMaxAge: options.publicMaxAge, calculateHttpHeaders: true }),
  ];
  if (options.responseCacheBytes > 0) {
    // Unknown stamp (not read within its bound): the cache is bypassed both ways.
    const shared = async (requestContext: GraphQLRequestContext<PrassiContext>) =>
      !carriesToken(requestContext) && stamp.current() !== undefined;
    plugins.push(
      responseCachePlugin<PrassiContext>({
        // Apollo's own bounded store: least recently used out first, each entry for its max-age.
        cache: new InMemoryLRUCache<string>({ maxSize: options.responseCacheBytes }),
        extraCacheKeyData: async () => ({ graphVersion: stamp.current() ?? null }),
        shouldReadFromCache: shared,
        shouldWriteToCache: shared,
      }),
    );
  }
  return plugins;
}
