/**
 * The operations of docs/queries/ as GraphiQL's first tabs, one per file (GraphiQL names each tab after its
 * operation), and the storage that keeps an analyst's tabs only as long as the examples they started from.
 */
import type { GraphiQLProps } from "graphiql";
import { DOCUMENTED_QUERIES } from "../shared/queries";

type Tab = NonNullable<GraphiQLProps["defaultTabs"]>[number];

/** A write needs an editor's token: its tab opens with the header to fill in. */
const EDITOR_HEADERS = JSON.stringify({ Authorization: "Bearer <an editor's token: npm run token>" }, null, 2);

export const EXAMPLE_TABS: Tab[] = DOCUMENTED_QUERIES.map(({ text }) =>
  /^\s*mutation\b/m.test(text.replace(/^#.*$/gm, "")) ? { query: text, headers: EDITOR_HEADERS } : { query: text },
);

/** FNV-1a of the examples' texts: changes when docs/queries/ does. */
function examplesVersion(): string {
  let hash = 0x811c9dc5;
  for (const char of DOCUMENTED_QUERIES.map((query) => query.text).join("\0")) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

type GraphiqlStorage = NonNullable<GraphiQLProps["storage"]>;

/**
 * localStorage, except that GraphiQL's saved tabs are kept under a key of the examples' version: GraphiQL preloads
 * `defaultTabs` only when it finds no saved tabs, so after docs/queries/ changes the analyst gets the new examples,
 * keeping the history and the settings.
 */
export function examplesStorage(): GraphiqlStorage {
  const tabsKey = `graphiql:tabState@${examplesVersion()}`;
  const key = (name: string) => (name === "graphiql:tabState" ? tabsKey : name);
  const backing = localStorageOrMemory();
  const ours = () =>
    Array.from({ length: backing.length }, (_, index) => backing.key(index)).filter((name) =>
      name?.startsWith("graphiql:"),
    );
  return {
    getItem: (name) => backing.getItem(key(name)),
    setItem: (name, value) => backing.setItem(key(name), value),
    removeItem: (name) => backing.removeItem(key(name)),
    clear: () => ours().forEach((name) => name && backing.removeItem(name)),
    get length() {
      return ours().length;
    },
  };
}

/** With storage disabled (a strict privacy setting), GraphiQL keeps its state for the page's life. */
function localStorageOrMemory(): Storage {
  try {
    return window.localStorage;
  } catch {
    const items = new Map<string, string>();
    return {
      getItem: (name) => items.get(name) ?? null,
      setItem: (name, value) => void items.set(name, value),
      removeItem: (name) => void items.delete(name),
      clear: () => items.clear(),
      key: (index) => [...items.keys()][index] ?? null,
      get length() {
        return items.size;
      },
    };
  }
}
