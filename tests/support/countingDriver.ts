import type { Driver, Session } from "neo4j-driver";

const SESSION_WORK = new Set(["run", "executeRead", "executeWrite", "beginTransaction"]);

function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value = Reflect.get(target, property, target);
  return typeof value === "function" ? value.bind(target) : value;
}

/**
 * A real driver that counts the queries and transactions it sends: one per `executeQuery`, and one per
 * `run`/`executeRead`/`executeWrite`/`beginTransaction` of its sessions. Round trips, for batching tests.
 */
export function countingDriver(driver: Driver): { driver: Driver; count(): number; reset(): void } {
  let count = 0;
  const countSession = (session: Session) =>
    new Proxy(session, {
      get(target, property) {
        if (typeof property === "string" && SESSION_WORK.has(property)) {
          return (...args: unknown[]) => {
            count++;
            return (Reflect.get(target, property) as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return bound(target, property);
      },
    });
  const proxy = new Proxy(driver, {
    get(target, property) {
      if (property === "executeQuery") {
        return (...args: Parameters<Driver["executeQuery"]>) => {
          count++;
          return target.executeQuery(...args);
        };
      }
      if (property === "session")
        return (...args: Parameters<Driver["session"]>) => countSession(target.session(...args));
      return bound(target, property);
    },
  });
  return {
    driver: proxy,
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}
