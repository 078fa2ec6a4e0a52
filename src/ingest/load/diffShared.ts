/**
 * What a load changes on the nodes practices share (sharedNodes.ts), read in its transaction before it writes: the
 * values it overwrites (an editor's edit through the API, or an older vocabulary's) and the links of one-link nodes
 * it moves or gives back (a job centre an editor moved to another region goes back to the vocabulary's). The
 * vocabulary and seed/ are the reviewed source, so their values win; an editor's change meant to last goes into them.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { NormalizedCatalogue } from "../catalogue";
import { oldNodesOf, sharedLinksAfter, sharedNodeAfter, type PendingMerge } from "./pendingMerges";
import {
  catalogueLinks,
  catalogueNodes,
  referenceLinks,
  referenceNodes,
  type SharedLinks,
  type SharedNodes,
} from "./sharedNodes";

/** A shared node whose values the load replaces or removes (`after` null). */
export type SharedNodeChange = {
  label: string;
  key: string;
  overwritten: Array<{ property: string; before: unknown; after: unknown }>;
};

/** A shared node whose one link of a type the load moves (`before` its targets now) or gives back (`before` empty). */
export type SharedLinkChange = { label: string; key: string; type: string; before: string[]; after: string };

export type SharedChanges = {
  nodes: SharedNodeChange[];
  links: SharedLinkChange[];
  /** Element ids of the links the load deletes to move them: valid in the transaction that read them, and only there. */
  staleLinkIds: string[];
};

/** Where the catalogue was read from: it changes with the file's path, which loses nothing. */
const UNREPORTED = new Set(["Catalog.source"]);

function heldNodes({ label, key }: SharedNodes): string {
  // Labels and keys come from sharedNodes.ts (constants), never from input.
  return `
UNWIND $keys AS key
MATCH (n:${label} {${key}: key})
RETURN key, properties(n) AS properties`;
}

function heldLinks({ type, from, to }: SharedLinks): string {
  return `
UNWIND $keys AS key
MATCH (n:${from.label} {${from.key}: key})
RETURN key, [(n)-[r:${type}]->(m:${to.label}) | {elementId: elementId(r), to: m.${to.key}}] AS links`;
}

/**
 * `merges`: the merges of old nodes an import makes before it loads, which a dry run reads the graph as if made
 * (pendingMerges.ts); none for the load, which runs after them.
 */
export async function readSharedChanges(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  merges: readonly PendingMerge[] = [],
): Promise<SharedChanges> {
  const changes: SharedChanges = { nodes: [], links: [], staleLinkIds: [] };
  for (const shared of [...referenceNodes(), ...catalogueNodes(catalogue)]) {
    const written = new Map(shared.nodes.map((node) => [node.key, node.properties]));
    const held = await heldProperties(tx, shared, [...written.keys()], merges);
    for (const [key, before] of [...held].sort(([a], [b]) => byKey(a, b))) {
      const overwritten = Object.entries(written.get(key)!)
        .filter(
          ([property, after]) =>
            !UNREPORTED.has(`${shared.label}.${property}`) && before[property] != null && before[property] !== after,
        )
        .map(([property, after]) => ({ property, before: before[property], after }));
      if (overwritten.length > 0) changes.nodes.push({ label: shared.label, key, overwritten });
    }
  }
  for (const shared of [...referenceLinks(), ...catalogueLinks(catalogue)]) {
    const written = new Map(shared.links.map((link) => [link.from, link.to]));
    for (const [key, held] of [...(await heldLinksOf(tx, shared, [...written.keys()], merges))].sort(([a], [b]) =>
      byKey(a, b),
    )) {
      const after = written.get(key)!;
      if (held.length === 1 && held[0]!.to === after) continue;
      const stale = held.filter((link) => link.to !== after);
      changes.staleLinkIds.push(...stale.map((link) => link.elementId));
      changes.links.push({
        label: shared.from.label,
        key,
        type: shared.type,
        before: held.map((link) => link.to).sort(),
        after,
      });
    }
  }
  return changes;
}

/** The properties of the nodes of these keys the graph holds (once the merges are made), by key. */
async function heldProperties(
  tx: ManagedTransaction,
  shared: SharedNodes,
  keys: readonly string[],
  merges: readonly PendingMerge[],
): Promise<Map<string, Record<string, unknown>>> {
  const held = new Map<string, Record<string, unknown>>();
  const readAs = new Map<string, string[]>();
  for (const key of keys) {
    const node = sharedNodeAfter(shared.label, key, merges);
    if ("properties" in node) held.set(key, node.properties);
    else readAs.set(node.read, [...(readAs.get(node.read) ?? []), key]);
  }
  const result = await tx.run(heldNodes(shared), { keys: [...readAs.keys()] });
  for (const record of result.records) {
    const properties = record.get("properties") as Record<string, unknown>;
    for (const key of readAs.get(record.get("key") as string)!) held.set(key, { ...properties, [shared.key]: key });
  }
  return held;
}

/** The links of the type of the nodes of these keys the graph holds (once the merges are made), by key. */
async function heldLinksOf(
  tx: ManagedTransaction,
  shared: SharedLinks,
  keys: readonly string[],
  merges: readonly PendingMerge[],
): Promise<Map<string, Array<{ elementId: string; to: string }>>> {
  const read = [...new Set([...keys, ...oldNodesOf(shared.from.label, keys, merges)])];
  const result = await tx.run(heldLinks(shared), { keys: read });
  const held = new Map(
    result.records.map((record) => [
      record.get("key") as string,
      record.get("links") as Array<{ elementId: string; to: string }>,
    ]),
  );
  const made = (key: string) => merges.some((merge) => merge.label === shared.from.label && merge.into === key);
  return new Map(
    keys.filter((key) => held.has(key) || made(key)).map((key) => [key, sharedLinksAfter(shared, key, held, merges)]),
  );
}

function byKey(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
