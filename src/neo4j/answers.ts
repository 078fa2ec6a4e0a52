import { Neo4jError, type Driver, type Session } from "neo4j-driver";
import { NO_ANSWER_CODES } from "./driver";

function noting<T>(work: Promise<T>, onAnswer: () => void): Promise<T> {
  work.then(onAnswer, (error: unknown) => {
    if (error instanceof Neo4jError && !NO_ANSWER_CODES.has(error.code)) onAnswer();
  });
  return work;
}

/**
 * The same driver, telling `onAnswer` each time the database answers a query or a transaction (with results, or with
 * an error of its own). The availability monitor uses it to tell a database that is busy (slow, but answering
 * someone) from one that hangs (answering no one).
 */
export function noticingAnswers(driver: Driver, onAnswer: () => void): Driver {
  const noticeSession = (session: Session) =>
    new Proxy(session, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property !== "executeRead" && property !== "executeWrite")
          return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) =>
          noting((value as (...a: unknown[]) => Promise<unknown>).apply(target, args), onAnswer);
      },
    });
  return new Proxy(driver, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === "executeQuery") {
        return (...args: Parameters<Driver["executeQuery"]>) => noting(target.executeQuery(...args), onAnswer);
      }
      if (property === "session")
        return (...args: Parameters<Driver["session"]>) => noticeSession(target.session(...args));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
