/**
 * practicePath: how two practices are connected through the nodes they share (a stakeholder, a LEP, a target
 * group, a job centre...), as the steps of the shortest path; among equally short paths, the one through the
 * rarest nodes, which says the most. Catalogue membership and computed similarity are left out: they connect
 * everything and explain nothing.
 */
import type { GraphReader } from "../neo4j/reader";
import { InvalidArgumentError, NotFoundError } from "../errors";
import {
  NODE_TYPE_NAMES,
  NODE_TYPES,
  PATH_LINKS,
  type NodeTypeSpec,
  type PathLinkType,
  type PathNodeKind as ModelPathNodeKind,
  type Same,
} from "../graph";
import type { PathLink as SchemaPathLink, PathNodeKind as SchemaPathNodeKind } from "../graphql/generated/schema";

/** How a step names the type of its node: the graph model's kinds of the node types a path can reach. */
export type PathNodeKind = ModelPathNodeKind;
export type PathStep = {
  /** 0 for the first practice, then one per relationship. */
  position: number;
  kind: PathNodeKind;
  /** Practice id, LEP code, region NUTS code, or the node's id. */
  id: string;
  name: string;
  /** Type of the relationship from the previous step (absent on the first), e.g. "INVOLVES". */
  link?: PathLink;
};
/** The relationships a path may follow (the GraphQL enum PathLink; the graph model's PATH_LINKS). */
export type PathLink = PathLinkType;

/** The model's path links and step kinds are the schema's enums: a value added or dropped on one side fails here. */
const PATH_FOLLOWS_SCHEMA: [Same<PathLink, SchemaPathLink>, Same<PathNodeKind, SchemaPathNodeKind>] = [true, true];
void PATH_FOLLOWS_SCHEMA;

type PracticePathInput = { from: string; to: string; maxHops: number };

const MAX_HOPS = 8;
const isValidMaxHops = (maxHops: number) => Number.isInteger(maxHops) && maxHops >= 1 && maxHops <= MAX_HOPS;

const isStepType = (spec: NodeTypeSpec): spec is NodeTypeSpec & { kind: PathNodeKind } =>
  spec.kind !== NODE_TYPES.Catalog.kind;
/** The node types a path can step on (a catalogue is reached by no path link). */
const STEP_TYPES = NODE_TYPE_NAMES.map((type): NodeTypeSpec => NODE_TYPES[type]).filter(isStepType);
const KIND_BY_LABEL: ReadonlyMap<string, PathNodeKind> = new Map(STEP_TYPES.map((spec) => [spec.label, spec.kind]));
/**
 * A step's id and name are read by its label, with the key and name properties of its type: which property a node
 * has never depends on the order the model lists the types in.
 */
const STEP_PROPERTIES = Object.fromEntries(STEP_TYPES.map(({ label, key, name }) => [label, { key, name }]));

const PRACTICES = `
MATCH (p:Practice) WHERE p.id IN $ids
RETURN p.id AS id, p.title AS title`;

/** The relationships a path may follow, as a Cypher relationship type expression (the model's constants). */
const LINKS = PATH_LINKS.join("|");

/**
 * Every shortest path of at most `maxHops` links over the meaningful relationships (undirected); the cost of a
 * path is the sum of log(degree) of its inner nodes (the inverse of the chance of a random walk taking it), so the
 * cheapest goes through the rarest nodes. Ties fall to the smallest sequence of keys.
 * Cypher takes no parameter for the bound of a variable-length pattern, and only a bound there limits the search,
 * so the statement is built with it: `maxHops` is an integer 1..MAX_HOPS, validated by practicePath before this is
 * called, and nothing else (no user text) enters the statement.
 */
function shortestPathQuery(maxHops: number): string {
  if (!isValidMaxHops(maxHops)) throw new Error(`maxHops ${maxHops} was not validated`);
  return `
MATCH (a:Practice {id: $from}), (b:Practice {id: $to})
MATCH path = allShortestPaths((a)-[:${LINKS}*..${maxHops}]-(b))
WITH path, [n IN nodes(path) | {node: n, label: head([label IN labels(n) WHERE label IN keys($stepTypes)])}] AS labelled,
     [n IN nodes(path)[1..-1] | size([(n)-[:${LINKS}]-() | 1])] AS degrees
WITH path, degrees, [step IN labelled | {
       label: step.label,
       id: step.node[$stepTypes[step.label].key],
       name: coalesce(step.node[$stepTypes[step.label].name], step.node[$stepTypes[step.label].key])
     }] AS steps
WITH steps, [r IN relationships(path) | type(r)] AS links,
     reduce(cost = 0.0, degree IN degrees | cost + log(toFloat(degree))) AS cost
RETURN steps, links
ORDER BY cost, reduce(keys = '', step IN steps | keys + step.id + '|')
LIMIT 1`;
}

type RawStep = { label: string; id: string; name: string };

/**
 * Steps from `from` to `to`: [] when no path is within maxHops (1..8), the single step when from = to.
 * Throws NotFoundError("PRACTICE") for an unknown id, InvalidArgumentError("maxHops") outside 1..8.
 */
export async function practicePath(reader: GraphReader, input: PracticePathInput): Promise<PathStep[]> {
  const { from, to, maxHops } = input;
  if (!isValidMaxHops(maxHops)) {
    throw new InvalidArgumentError("maxHops", `must be between 1 and ${MAX_HOPS}`);
  }
  const found = await reader.run(PRACTICES, { ids: [from, to] });
  const titles = new Map(found.records.map((record) => [record.get("id") as string, record.get("title") as string]));
  for (const id of [from, to]) if (!titles.has(id)) throw new NotFoundError("PRACTICE", id);
  if (from === to) return [{ position: 0, kind: "PRACTICE", id: from, name: titles.get(from)! }];

  const { records } = await reader.run(shortestPathQuery(maxHops), { from, to, stepTypes: STEP_PROPERTIES });
  const [record] = records;
  if (!record) return [];
  const steps = record.get("steps") as RawStep[];
  const links = record.get("links") as PathLink[];
  return steps.map((step, position) => ({
    position,
    kind: KIND_BY_LABEL.get(step.label) ?? "PRACTICE",
    id: step.id,
    name: step.name,
    ...(position > 0 ? { link: links[position - 1] } : {}),
  }));
}
