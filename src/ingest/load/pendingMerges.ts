/**
 * The merges of old nodes into the nodes they became that an import makes before it loads
 * (src/vocabulary/graphAliases.ts), as a dry run, which writes nothing, must see the graph they leave: the links the
 * graph holds on an old node are its new node's, less those the new node has already. The rules are those of
 * src/vocabulary/mergeNodes.ts, stated here for the links the load compares (a practice's, a shared node's).
 */
import { LINKS } from "../practiceGraph";
import type { SharedLinks } from "./sharedNodes";

/**
 * A vocabulary entry as a merge makes its node: the properties the loader writes on it, and its links to its region
 * and organisation (sharedNodes.ts catalogueLinks, for that one node), those to nodes the graph holds by then.
 */
export type EntryNode = { properties: Record<string, unknown>; links: SharedLinks[] };

/**
 * One old node the graph holds that the import merges into `into`, in the order the import merges them.
 * `intoHeld`: the node merged into is in the graph by then (held, or made by an earlier merge); else the merge makes
 * it, from `intoEntry` (its vocabulary entry) when given, else from the old node.
 */
export type PendingMerge = {
  label: string;
  from: string;
  into: string;
  intoHeld: boolean;
  intoEntry?: EntryNode;
};

type HeldLink = { type: string; to: string; field: string | null; line: number | null };

/**
 * A practice's links once the merges are made: a link to an old node leads to its new one, unless the practice has a
 * link of the type to the new node that makes it a double (mergeNodes.ts drops it then).
 */
export function practiceLinksAfter<L extends HeldLink>(links: readonly L[], merges: readonly PendingMerge[]): L[] {
  const mergeOf = new Map<string, number>(
    merges.flatMap((merge, index) =>
      LINKS.filter((spec) => spec.label === merge.label).map((spec) => [`${spec.type}|${merge.from}`, index] as const),
    ),
  );
  const kept = links.filter((link) => !mergeOf.has(`${link.type}|${link.to}`));
  merges.forEach((merge, index) => {
    // One old node's links are compared with what the new node had before that node's merge, as mergeNodes.ts does.
    const before = [...kept];
    for (const link of links.filter((candidate) => mergeOf.get(`${candidate.type}|${candidate.to}`) === index)) {
      const onInto = before.filter((other) => other.type === link.type && other.to === merge.into);
      if (!doubled(link, onInto)) kept.push({ ...link, to: merge.into });
    }
  });
  return kept;
}

/**
 * mergeNodes.ts's doubles: a card's link beside a card's, a link without provenance beside any link, an editor's
 * beside one with a field.
 */
function doubled(link: HeldLink, onInto: readonly HeldLink[]): boolean {
  return (
    (link.line !== null && onInto.some((other) => other.line !== null)) ||
    (link.field === null && onInto.length > 0) ||
    (link.field !== null && link.line === null && onInto.some((other) => other.field !== null))
  );
}

/**
 * Where to read a shared node of `label` keyed `key` once the merges are made: the node itself, the old node the
 * merge makes it from, or the properties the merge writes on it (its vocabulary entry's).
 */
export function sharedNodeAfter(
  label: string,
  key: string,
  merges: readonly PendingMerge[],
): { read: string } | { properties: Record<string, unknown> } {
  const made = merges.find((merge) => merge.label === label && merge.into === key && !merge.intoHeld);
  if (made === undefined) return { read: key };
  return made.intoEntry ? { properties: { ...made.intoEntry.properties, id: key } } : { read: made.from };
}

/** A shared node's link as the load compares it: to one other node, without provenance. */
type SharedLink = { elementId: string; to: string };

/**
 * A shared node's links of one type once the merges are made, from the links the graph holds (`held`, by node key):
 * a node the merge makes from a vocabulary entry starts with the entry's, from an old node with that node's; each old
 * node merged into it then gives its links when it has none of the type. A link to an old node of the target label
 * leads to its new node, once.
 */
export function sharedLinksAfter(
  { type, from: { label }, to: { label: toLabel } }: Omit<SharedLinks, "links">,
  key: string,
  held: ReadonlyMap<string, readonly SharedLink[]>,
  merges: readonly PendingMerge[],
): SharedLink[] {
  const into = merges.filter((merge) => merge.label === label && merge.into === key);
  let links = [...(held.get(key) ?? [])];
  for (const merge of into) {
    const old = (held.get(merge.from) ?? []).filter((link) => link.to !== key);
    if (!merge.intoHeld) links = merge.intoEntry ? entryLinks(merge.intoEntry, type) : old;
    else if (links.length === 0) links = old;
    // A link from the node merged into to the old one (an organisation merged into its branch) goes with the merge,
    // after it kept the old node's own link of the type from moving, as in mergeNodes.ts's one statement.
    if (toLabel === label) links = links.filter((link) => link.to !== merge.from);
  }
  const renamed = new Map(merges.filter((merge) => merge.label === toLabel).map((merge) => [merge.from, merge.into]));
  const moved = (link: SharedLink) => renamed.has(link.to);
  const after = links.map((link) => ({ ...link, to: renamed.get(link.to) ?? link.to }));
  // A link to an old node goes where the node has one to the new node already (its own, or one moved before).
  return after.filter(
    (link, index) =>
      !moved(links[index]!) || !after.some((other, at) => other.to === link.to && (at < index || !moved(links[at]!))),
  );
}

/** The entry's links of a type the merge writes: none in the graph yet, so no element id (a dry run deletes none). */
function entryLinks(entry: EntryNode, type: string): SharedLink[] {
  return entry.links
    .filter((links) => links.type === type)
    .flatMap((links) => links.links.map(({ to }) => ({ elementId: "", to })));
}

/** The old nodes merged into these keys' nodes, whose links `sharedLinksAfter` reads. */
export function oldNodesOf(label: string, keys: readonly string[], merges: readonly PendingMerge[]): string[] {
  const wanted = new Set(keys);
  return merges.filter((merge) => merge.label === label && wanted.has(merge.into)).map((merge) => merge.from);
}
