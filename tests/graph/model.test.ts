import fs from "node:fs";
import path from "node:path";
import {
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from "graphql";
import neo4j from "neo4j-driver";
import {
  BOOKKEEPING_LABELS,
  DERIVED_LINKS,
  NODE_LINKS,
  NODE_TYPE_NAMES,
  NODE_TYPES,
  PATH_LINKS,
  PRACTICE_LINKS,
  REL,
  SIMILARITY_KINDS,
} from "../../src/graph";
import { buildSchema, readTypeDefs } from "../../src/graphql/schema";
import { LENS_WEIGHTS } from "../../src/similarity/model";

const ROOT = path.resolve(__dirname, "../..");
const document = parse(readTypeDefs());

type ObjectType = ObjectTypeDefinitionNode;

function directive(node: { directives?: readonly ConstDirectiveNode[] }, name: string) {
  return node.directives?.find((candidate) => candidate.name.value === name);
}

/** A directive's literal arguments, by name (strings, enums and integers as the schema writes them). */
function argumentsOf(node: ConstDirectiveNode | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const argument of node?.arguments ?? []) {
    const { value } = argument;
    if (value.kind === Kind.STRING || value.kind === Kind.ENUM || value.kind === Kind.INT) {
      values[argument.name.value] = value.value;
    }
  }
  return values;
}

const nodeTypes = document.definitions.filter(
  (definition): definition is ObjectType =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && directive(definition, "node") !== undefined,
);

function namedTypeOf(type: ObjectType["fields"] extends readonly (infer F)[] | undefined ? F : never): string {
  let inner = type.type;
  while (inner.kind !== Kind.NAMED_TYPE) inner = inner.type;
  return inner.name.value;
}

/** Every `@relationship` field of the schema's node types, as `Type.field -[TYPE]-> (DIRECTION) Target`. */
function schemaRelationships(): string[] {
  return nodeTypes.flatMap((type) =>
    (type.fields ?? []).flatMap((field) => {
      const relationship = directive(field, "relationship");
      if (!relationship) return [];
      const { type: relType, direction } = argumentsOf(relationship);
      return [`${type.name.value}.${field.name.value} ${relType} ${direction} ${namedTypeOf(field)}`];
    }),
  );
}

/** The same, as the graph model states it: each link once from its source (OUT) and once from its target (IN). */
function modelRelationships(): string[] {
  const links = [
    ...PRACTICE_LINKS.map((link) => ({ ...link, from: "Practice" as const, to: link.target })),
    ...NODE_LINKS,
  ];
  return links.flatMap((link) => [
    `${link.from}.${link.field} ${link.type} OUT ${link.to}`,
    `${link.to}.${link.inverse} ${link.type} IN ${link.from}`,
  ]);
}

function enumValues(name: string): string[] {
  const definition = document.definitions.find(
    (node): node is Extract<DefinitionNode, { kind: Kind.ENUM_TYPE_DEFINITION }> =>
      node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === name,
  );
  return definition?.values?.map((value) => value.name.value) ?? [];
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe("the graph model (src/graph) and the type definitions in schema/", () => {
  it("name the same node types, each keyed by an ID! and named by a non-null string", () => {
    expect(sorted(nodeTypes.map((type) => type.name.value))).toEqual(sorted(NODE_TYPE_NAMES));
    for (const name of NODE_TYPE_NAMES) {
      const spec = NODE_TYPES[name];
      expect(spec.label).toBe(name);
      const type = nodeTypes.find((candidate) => candidate.name.value === name)!;
      const field = (fieldName: string) => type.fields?.find((candidate) => candidate.name.value === fieldName);
      const printed = (fieldName: string) => {
        const found = field(fieldName);
        return found
          ? `${name}.${fieldName}: ${namedTypeOf(found)}${found.type.kind === Kind.NON_NULL_TYPE ? "!" : ""}`
          : `${name}.${fieldName} missing`;
      };
      expect(printed(spec.key)).toBe(`${name}.${spec.key}: ID!`);
      expect(printed(spec.name)).toBe(`${name}.${spec.name}: String!`);
    }
  });

  it("give each node type the page limits of its @limit", () => {
    for (const type of nodeTypes) {
      const limit = argumentsOf(directive(type, "limit"));
      const spec = NODE_TYPES[type.name.value as keyof typeof NODE_TYPES];
      expect({ type: type.name.value, default: Number(limit.default), max: Number(limit.max) }).toEqual({
        type: type.name.value,
        ...spec.limit,
      });
    }
  });

  it("state the same relationships, with their types, directions and node types", () => {
    expect(sorted(schemaRelationships())).toEqual(sorted(modelRelationships()));
  });

  it("list the similarity kinds (each weighed by every lens), the links a path follows and the kinds of its steps as the enums do", () => {
    expect(enumValues("LinkKind")).toEqual([...SIMILARITY_KINDS]);
    expect(sorted(PRACTICE_LINKS.flatMap((link) => (link.feeds ? [link.feeds] : [])))).toEqual(
      sorted(SIMILARITY_KINDS),
    );
    for (const weights of Object.values(LENS_WEIGHTS)) expect(weights).toHaveLength(SIMILARITY_KINDS.length);
    expect(sorted(enumValues("PathLink"))).toEqual(sorted(PATH_LINKS));
    const reached = new Set([
      ...PRACTICE_LINKS.filter((link) => PATH_LINKS.includes(link.type)).map((link) => link.target),
      "Practice",
    ]);
    expect(sorted(enumValues("PathNodeKind"))).toEqual(
      sorted([...reached].map((type) => NODE_TYPES[type as keyof typeof NODE_TYPES].kind)),
    );
  });
});

describe("the graph model and the schema @neo4j/graphql serves", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    const driver = neo4j.driver("bolt://127.0.0.1:1"); // building the schema opens no connection
    try {
      schema = (await buildSchema(driver)).schema;
    } finally {
      await driver.close();
    }
  });

  it("list each node type under the generated query the model names", () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of NODE_TYPE_NAMES) {
      const field = query[NODE_TYPES[name].list];
      const type = field?.type;
      const list = type && isNonNullType(type) && isListType(type.ofType);
      expect({ name, list: list ? getNamedType(type).name : undefined }).toEqual({ name, list: name });
    }
  });
});

describe("the graph model and cypher/schema.cypher", () => {
  const cypher = fs.readFileSync(path.join(ROOT, "cypher/schema.cypher"), "utf8");

  it("constrain each node type's key to be unique, and no other label than the bookkeeping ones", () => {
    const constraints = [...cypher.matchAll(/FOR \(n:(\w+)\) REQUIRE (.+?) IS UNIQUE/g)].map(([, label, keys]) => ({
      label: label!,
      keys: keys!,
    }));
    const ofNodeTypes = constraints.filter(({ label }) => label in NODE_TYPES);
    expect(sorted(ofNodeTypes.map(({ label, keys }) => `${label}: ${keys}`))).toEqual(
      sorted(NODE_TYPE_NAMES.map((name) => `${name}: n.${NODE_TYPES[name].key}`)),
    );
    const bookkeeping = new Set<string>(Object.values(BOOKKEEPING_LABELS));
    expect(constraints.filter(({ label }) => !(label in NODE_TYPES) && !bookkeeping.has(label))).toEqual([]);
  });
});

describe("the Cypher written out in src/", () => {
  /** Every .ts file of src/ but the generated ones. */
  function sources(directory: string): string[] {
    return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
  }

  it("names only the model's labels and relationship types", () => {
    const labels = new Set<string>([
      ...NODE_TYPE_NAMES.map((name) => NODE_TYPES[name].label),
      ...Object.values(BOOKKEEPING_LABELS),
    ]);
    const types = new Set<string>(Object.values(REL));
    const unknown: string[] = [];
    for (const file of sources(path.join(ROOT, "src"))) {
      const text = fs.readFileSync(file, "utf8");
      const where = path.relative(ROOT, file);
      // `(p:Practice`, `(:Lep)`: a label right after a variable's colon (TypeScript puts a space there).
      for (const [, label] of text.matchAll(/\(\w*:([A-Z][A-Za-z]+)\b/g)) {
        if (!labels.has(label!)) unknown.push(`${where}: label ${label}`);
      }
      // `[:IN_REGION]`, `[r:SIMILAR_TO]`, `-[:PART_OF*0..]->`, `[:A|B]`.
      for (const [, expression] of text.matchAll(/\[\w*:([A-Z][A-Z_]*(?:\|[A-Z][A-Z_]*)*)[\]*\s{]/g)) {
        for (const type of expression!.split("|")) if (!types.has(type)) unknown.push(`${where}: type ${type}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(DERIVED_LINKS.map((link) => link.type)).toEqual([REL.SIMILAR_TO]);
  });
});
