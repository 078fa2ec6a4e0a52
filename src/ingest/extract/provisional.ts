/**
 * Adds to what the vocabulary found on a card the actors it names with a designator (designated.ts) that the
 * vocabulary lacks, as provisional entries (`curated: false`). The vocabulary wins: an actor whose words a specific
 * entry matched, or whose id is a curated entry's (an expert accepted it), is the curated one. A generic class the
 * designated name contains ("Camera di Commercio" in "Camera di Commercio di Bari") gives way to it, unless the card
 * names the class elsewhere. A branch, curated ("Confindustria Benevento") or not ("Confindustria Bari"), brings its
 * national organisation along, with the same provenance, so a practice shares the branch with some practices and
 * the organisation with more. A job centre, municipality, chamber or other placed actor in another region than the
 * card's is not linked but warned about, unless the card is national.
 */
import { VOCABULARY_FILES } from "../../reference/vocabulary";
import { tokenize } from "../../text/tokens";
import type { CardFieldKey, ParsedCard } from "../card";
import { lineAt } from "../text";
import { regionName, type Place } from "./actorPlaces";
import { findDesignatedActors, type DesignatedActor } from "./designated";
import type { ActorLabel } from "./designators";
import type { Span } from "./matcher";
import type { Collected, Found } from "./scan";

type Entry = { id: string; listedOnly?: boolean; partOf?: string };
type Collections = Record<ActorLabel, Collected<Entry>>;
export type ActorWarning = { line: number; message: string };
/** The warnings, and the spans of each field that name a designated actor (no unknown mentions, then). */
export type DesignatedResult = { warnings: ActorWarning[]; named: Map<CardFieldKey, Span[]> };

export type DesignatedContext = {
  /** The fields each kind of actor is read from. */
  fields: Record<ActorLabel, readonly CardFieldKey[]>;
  /** The curated entries by label and id. */
  curated: Record<ActorLabel, ReadonlyMap<string, Entry>>;
  /** NUTS-2 of the card's region. */
  region?: string;
  /** Whether the card's territorial level is national: its actors may be anywhere. */
  national?: boolean;
};

const LABELS: readonly ActorLabel[] = ["Stakeholder", "Cpi", "FundingSource"];

export function addDesignatedActors(
  card: ParsedCard,
  collections: Collections,
  context: DesignatedContext,
): DesignatedResult {
  const warnings: ActorWarning[] = [];
  const nationals = new Set<string>();
  const covering = new Map<CardFieldKey, DesignatedActor[]>();
  for (const label of LABELS) {
    const collected = collections[label];
    for (const key of context.fields[label]) {
      const field = card.fields[key];
      if (field === undefined) continue;
      const known = knownHits(collections, key);
      for (const actor of findDesignatedActors(field.text, context.region).filter((found) => found.label === label)) {
        if (known.some((hit) => !hit.entry.listedOnly && overlaps(hit, actor) && !supersedes(actor, hit))) continue;
        // The span of a town listed after another starts at the end of the one before: its line is its first word's.
        const first = tokenize(field.text.slice(actor.start, actor.end))[0];
        const source = { field: key, line: lineAt(field.lineMap, actor.start + (first?.start ?? 0)) };
        const curated = context.curated[label].get(actor.id);
        if (curated === undefined && isOutside(actor, context)) {
          warnings.push({ line: source.line, message: misplaced(actor, context.region!) });
          continue;
        }
        add(collected, curated ?? provisional(actor), source);
        covering.set(key, [...(covering.get(key) ?? []), actor]);
      }
    }
  }
  for (const { entry, source } of [...collections.Stakeholder.items]) {
    const national = entry.partOf === undefined ? undefined : context.curated.Stakeholder.get(entry.partOf);
    if (national === undefined) continue;
    add(collections.Stakeholder, national, source);
    nationals.add(national.id);
  }
  for (const label of LABELS) dropCovered(collections[label], label, covering, nationals);
  return { warnings, named: covering };
}

/** The entries a field's scans matched, each with its span. */
function knownHits(collections: Collections, key: CardFieldKey): Array<Span & { entry: Entry }> {
  return LABELS.flatMap((label) => {
    const scan = collections[label].scans.get(key);
    return scan ? scan.hits.map((hit, index) => ({ ...hit, entry: scan.found[index]!.entry })) : [];
  });
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A designated name that goes on past another entry's alias inside it names another town's actor: "CPI Torino di
 * Sangro" (Abruzzo) is not the "CPI Torino" of the vocabulary. Only a name read as a town does: the words a fund's or
 * a school's name goes on with say nothing against the alias ("Fondo Sociale Europeo Plus" is the FSE).
 */
function supersedes(actor: DesignatedActor, hit: Span & { entry: Entry }): boolean {
  const town = actor.place?.municipality !== undefined && actor.kind !== "SCHOOL";
  return town && hit.entry.id !== actor.id && actor.start <= hit.start && hit.end < actor.end;
}

/**
 * A provisional actor placed in another region than the card's is not the card's partner, but for a card of national
 * scope, which may name actors anywhere. A job centre is always placed; a fund never is.
 */
function isOutside(actor: DesignatedActor, context: DesignatedContext): boolean {
  if (context.region === undefined || context.national) return false;
  if (actor.label !== "Cpi" && actor.place === undefined) return false;
  return actor.place?.region !== context.region;
}

function add(collected: Collected<Entry>, entry: Entry, source: Found<Entry>["source"]): void {
  if (!collected.items.some((item) => item.entry.id === entry.id)) collected.items.push({ entry, source });
}

/** The entry of a provisional actor, in the normalized catalogue's terms. */
function provisional(actor: DesignatedActor): Entry & { name: string; kind?: string; curated: false } & Partial<Place> {
  const { id, name, kind, place, partOf } = actor;
  const common = { id, name, curated: false as const, ...place };
  return actor.label === "Cpi" ? common : { ...common, kind, ...(partOf ? { partOf } : {}) };
}

function misplaced(actor: DesignatedActor, region: string): string {
  const { municipality, province } = actor.place ?? {};
  const where = municipality ? `${municipality} (${province ?? "?"}), ` : "";
  const vocabularyFile = actor.label === "Cpi" ? VOCABULARY_FILES.cpis : VOCABULARY_FILES.stakeholders;
  return (
    `"${actor.name}" is in ${where}${regionName(actor.place?.region ?? "")}, not in the card's region ` +
    `${regionName(region)}: not linked (add it to seed/vocabulary/${vocabularyFile} if the card means it)`
  );
}

/**
 * An entry the card names only inside designated names of other actors of its label goes: a generic class (a
 * `listedOnly` entry such as "Camera di Commercio" in "Camera di Commercio di Bari"), which the designated actor says
 * more precisely, or an alias inside a longer name ("CPI Torino" in "CPI Torino di Sangro"). A branch's national
 * organisation stays; so does the stakeholder class "Centri per l'impiego" beside a job centre (another label).
 */
function dropCovered(
  collected: Collected<Entry>,
  label: ActorLabel,
  covering: ReadonlyMap<CardFieldKey, DesignatedActor[]>,
  nationals: ReadonlySet<string>,
): void {
  const hitsOf = new Map<string, Array<{ key: CardFieldKey; span: Span }>>();
  for (const [key, scan] of collected.scans) {
    scan.hits.forEach((span, index) => {
      const { id } = scan.found[index]!.entry;
      hitsOf.set(id, [...(hitsOf.get(id) ?? []), { key, span }]);
    });
  }
  collected.items = collected.items.filter(({ entry }) => {
    const hits = hitsOf.get(entry.id);
    if (hits === undefined || nationals.has(entry.id)) return true;
    const inside = (hit: { key: CardFieldKey; span: Span }) =>
      (covering.get(hit.key) ?? []).some(
        (actor) =>
          actor.label === label && actor.id !== entry.id && actor.start <= hit.span.start && hit.span.end <= actor.end,
      );
    return !hits.every(inside);
  });
}
