import type { Driver } from "neo4j-driver";

/**
 * The driver as one request hands it to @neo4j/graphql: once the request is abandoned (its client went away, it ran
 * out of time, the database stopped answering), no new session or query starts for it. What runs already is
 * terminated on the server (cancel.ts).
 */
export function requestDriver(driver: Driver, signal: AbortSignal): Driver {
  return new Proxy(driver, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (property !== "session" && property !== "executeQuery") return value.bind(target);
      return (...args: unknown[]) => {
        signal.throwIfAborted();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
