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
  STATED_LINKS,
  mergesTarget,
  type NodeTypeName,
  type RelationshipType,
} from "../../src/graph";
import { readPageLimits } from "../../src/graphql/queryCost";
import { buildSchema, readTypeDefs } from "../../src/graphql/schema";
import { LINKS } from "../../src/ingest/practiceGraph";
import { cypherNames, INTERPOLATED, looksLikeCypher, stringLiterals } from "./cypherNames";
import { LENSES, LENS_WEIGHTS, LINK_KINDS } from "../../src/similarity/model";
import { SCORING_VERSION } from "../../src/similarity/score";

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

  it("give each node type the page limits of its @limit, as the query cost and the direct reads read them", () => {
    const read = readPageLimits(readTypeDefs());
    expect(NODE_TYPE_NAMES.map((name) => ({ name, ...read.get(name) }))).toEqual(
      NODE_TYPE_NAMES.map((name) => ({ name, ...NODE_TYPES[name].limit })),
    );
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

  it("merge on load the targets of the links to the vocabulary, and only those", () => {
    const merged = (target: NodeTypeName) => NODE_TYPES[target].origin === "vocabulary";
    expect(PRACTICE_LINKS.filter(mergesTarget).map((link) => link.type)).toEqual(
      PRACTICE_LINKS.filter((link) => merged(link.target)).map((link) => link.type),
    );
    expect(LINKS.filter((link) => link.mergesTarget).map((link) => link.type)).toEqual(
      STATED_LINKS.filter((link) => merged(link.target)).map((link) => link.type),
    );
    expect(LINKS.filter((link) => link.mergesTarget).map((link) => link.type)).toEqual([
      "INVOLVES",
      "TARGETS",
      "FUNDED_BY",
      "DELIVERED_AT",
      "REFERENCES",
      "USES",
    ]);
  });

  it("leave the derived links out of every GraphQL type and every path", () => {
    const derived = DERIVED_LINKS.map((link) => link.type);
    expect(derived).toEqual([REL.SIMILAR_TO]);
    const served = schemaRelationships().map((relationship) => relationship.split(" ")[1]);
    expect(derived.filter((type) => served.includes(type) || new Set<string>(PATH_LINKS).has(type))).toEqual([]);
  });

  it("list the similarity kinds, the links a path follows and the kinds of its steps as the enums do", () => {
    expect(enumValues("LinkKind")).toEqual([...SIMILARITY_KINDS]);
    expect(sorted(PRACTICE_LINKS.flatMap((link) => (link.feeds ? [link.feeds] : [])))).toEqual(
      sorted(SIMILARITY_KINDS),
    );
    expect(sorted(enumValues("PathLink"))).toEqual(sorted(PATH_LINKS));
    const reached = new Set([
      ...PRACTICE_LINKS.filter((link) => new Set<string>(PATH_LINKS).has(link.type)).map((link) => link.target),
      "Practice",
    ]);
    expect(sorted(enumValues("PathNodeKind"))).toEqual(
      sorted([...reached].map((type) => NODE_TYPES[type as keyof typeof NODE_TYPES].kind)),
    );
  });
});

/**
 * The order of the kinds in the per-kind numbers stored SIMILAR_TO edges hold (src/similarity/model.ts,
 * packEdgeNumbers), by the SCORING_VERSION that wrote them. The stored order is not in a practice's signature (its
 * item ids are sorted): a new order under the same version would read every stored edge's numbers as other kinds'.
 * Reordering SIMILARITY_KINDS needs SCORING_VERSION bumped (src/similarity/score.ts), so that a refresh rewrites
 * every edge, and the new order stated here under the new version.
 */
const STORED_KIND_ORDER: Readonly<Record<number, readonly string[]>> = {
  4: ["LEP", "TARGET", "STAKEHOLDER", "FUNDING", "REGION", "CPI", "LAW", "TOOL", "LINEAGE"],
};

describe("the similarity kinds", () => {
  it("keep the order stored edges were written in by this SCORING_VERSION (a new order needs a new version)", () => {
    expect({ SCORING_VERSION, storedKindOrder: [...LINK_KINDS] }).toEqual({
      SCORING_VERSION,
      storedKindOrder: STORED_KIND_ORDER[SCORING_VERSION],
    });
  });

  it("are weighed by each lens as docs/similarity.md's table says, kind by kind", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/similarity.md"), "utf8");
    const rows = doc
      .split("\n")
      .filter((line) => line.startsWith("| "))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const header = rows.find((cells) => cells[0] === "Lens")!;
    const documented = Object.fromEntries(
      rows
        .filter((cells) => (LENSES as readonly string[]).includes(cells[0]!))
        .map(([lens, ...weights]) => [
          lens,
          Object.fromEntries(header.slice(1).map((kind, i) => [kind, Number(weights[i])])),
        ]),
    );
    expect(documented).toEqual(LENS_WEIGHTS);
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

/** The properties of each node type: its fields in schema/*.graphql (@neo4j/graphql stores a field as a property). */
function fieldsOf(name: string): Set<string> {
  const type = document.definitions.find(
    (definition): definition is ObjectType =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === name,
  );
  return new Set((type?.fields ?? []).map((field) => field.name.value));
}

/** The relationship properties the schema declares for a type (`@relationship(properties: "Provenance")`). */
function relationshipPropertiesOf(type: string): Set<string> {
  const names = nodeTypes.flatMap((node) =>
    (node.fields ?? []).flatMap((field) => {
      const { type: relType, properties } = argumentsOf(directive(field, "relationship"));
      return relType === type && properties ? [properties] : [];
    }),
  );
  return new Set(names.flatMap((name) => [...fieldsOf(name)]));
}

/**
 * The properties of the bookkeeping nodes (their writers: src/neo4j/graphVersion.ts, src/vocabulary/graphAliases.ts)
 * and of the derived SIMILAR_TO edges (src/similarity/store.ts), which no GraphQL type describes.
 */
const BOOKKEEPING_PROPERTIES: Record<string, readonly string[]> = {
  GraphVersion: ["id", "epoch", "stamp"],
  NodeAlias: ["type", "from", "into", "mergedBy", "mergedAt"],
};
const SIMILAR_TO_PROPERTIES = ["score", "numbers", "shared", "generation", "neighbourhoodSize"];

/** A statement of cypher/schema.cypher that creates a constraint or an index, as what it is for. */
type SchemaRule = {
  statement: string;
  on: "node" | "relationship";
  name: string;
  properties: string[];
  unique: boolean;
};

/** Every `FOR (n:Label)` and `FOR ()-[r:TYPE]-()` of the constraints and indexes, with the properties they name. */
export function schemaRules(cypher: string): SchemaRule[] {
  const statements = cypher
    .replace(/\/\/.*$/gm, "")
    .split(";")
    .map((statement) => statement.replace(/\s+/g, " ").trim());
  return statements.flatMap((statement) => {
    if (!/^CREATE\b.*\b(CONSTRAINT|INDEX)\b/.test(statement)) return [];
    const node = /\bFOR \(\s*(\w+)\s*:\s*(\w+)\s*\)/.exec(statement);
    const relationship = /\bFOR \(\s*\)\s*<?-\s*\[\s*(\w+)\s*:\s*(\w+)\s*\]\s*->?\s*\(\s*\)/.exec(statement);
    const [, variable, name] = node ?? relationship ?? [];
    if (!variable || !name) return [{ statement, on: "node", name: "(not understood)", properties: [], unique: false }];
    const after = statement.slice(statement.indexOf(" FOR "));
    const properties = [...after.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, "g"))].map(([, property]) => property!);
    return [
      {
        statement,
        on: node ? "node" : "relationship",
        name,
        properties,
        unique: /\bIS (NODE |RELATIONSHIP )?UNIQUE\b/.test(statement),
      },
    ];
  });
}

describe("the graph model and cypher/schema.cypher", () => {
  const cypher = fs.readFileSync(path.join(ROOT, "cypher/schema.cypher"), "utf8");
  const rules = schemaRules(cypher);
  const bookkeeping = new Set<string>(Object.values(BOOKKEEPING_LABELS));

  it("reads every constraint and index of the file", () => {
    const created = cypher.replace(/\/\/.*$/gm, "").match(/\bCREATE\b[^;]*\b(CONSTRAINT|INDEX)\b/g) ?? [];
    expect(rules.filter((rule) => rule.name === "(not understood)")).toEqual([]);
    expect(rules).toHaveLength(created.length);
  });

  it("constrain each node type's key to be unique", () => {
    const keyed = NODE_TYPE_NAMES.map((name) => ({
      name,
      unique: rules.some(
        (rule) =>
          rule.on === "node" && rule.name === name && rule.unique && rule.properties.join() === NODE_TYPES[name].key,
      ),
    }));
    expect(keyed).toEqual(NODE_TYPE_NAMES.map((name) => ({ name, unique: true })));
  });

  it("constrain and index only the model's labels and relationship types, on properties they have", () => {
    const unknown = rules.flatMap(({ statement, on, name, properties }) => {
      const known =
        on === "relationship"
          ? Object.values(REL).includes(name as RelationshipType)
            ? new Set([...relationshipPropertiesOf(name), ...(name === REL.SIMILAR_TO ? SIMILAR_TO_PROPERTIES : [])])
            : undefined
          : name in NODE_TYPES
            ? fieldsOf(name)
            : bookkeeping.has(name)
              ? new Set(BOOKKEEPING_PROPERTIES[name])
              : undefined;
      if (!known) return [`${statement}: unknown ${on === "node" ? "label" : "relationship type"} ${name}`];
      return properties
        .filter((property) => !known.has(property))
        .map((property) => `${statement}: ${name}.${property}`);
    });
    expect(unknown).toEqual([]);
  });

  it("write only the model's labels and relationship types in its other statements", () => {
    const { labels, types } = cypherNames(cypher);
    const knownLabels = new Set<string>([...NODE_TYPE_NAMES, ...bookkeeping]);
    expect(labels.filter((label) => !knownLabels.has(label))).toEqual([]);
    expect(types.filter((type) => !Object.values(REL).includes(type as RelationshipType))).toEqual([]);
  });

  it("is read whole: a second unique property, a relationship index and a label expression are seen", () => {
    const sample = `
      CREATE CONSTRAINT a IF NOT EXISTS FOR (n:Practice) REQUIRE n.id IS UNIQUE;
      CREATE CONSTRAINT b IF NOT EXISTS FOR (n:Practice) REQUIRE n.title IS UNIQUE;
      CREATE INDEX c IF NOT EXISTS FOR ()-[r:SIMILAR_TO]-() ON (r.generation);
      CREATE FULLTEXT INDEX d IF NOT EXISTS FOR (x:Lep) ON EACH [x.name, x.code];
      CREATE CONSTRAINT e IF NOT EXISTS FOR (n:NodeAlias) REQUIRE (n.type, n.from) IS UNIQUE;`;
    expect(schemaRules(sample).map(({ on, name, properties, unique }) => ({ on, name, properties, unique }))).toEqual([
      { on: "node", name: "Practice", properties: ["id"], unique: true },
      { on: "node", name: "Practice", properties: ["title"], unique: true },
      { on: "relationship", name: "SIMILAR_TO", properties: ["generation"], unique: false },
      { on: "node", name: "Lep", properties: ["name", "code"], unique: false },
      { on: "node", name: "NodeAlias", properties: ["type", "from"], unique: true },
    ]);
  });
});

/** Every .ts file of src/ but the generated ones. */
function sources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("the Cypher written out in src/", () => {
  it("names only the model's labels and relationship types, and builds none from data", () => {
    const labels = new Set<string>([
      ...NODE_TYPE_NAMES.map((name) => NODE_TYPES[name].label),
      ...Object.values(BOOKKEEPING_LABELS),
    ]);
    const types = new Set<string>(Object.values(REL));
    const unknown: string[] = [];
    let seen = 0;
    for (const file of sources(path.join(ROOT, "src"))) {
      const where = path.relative(ROOT, file);
      for (const literal of stringLiterals(file, fs.readFileSync(file, "utf8"))) {
        if (!looksLikeCypher(literal.text)) continue;
        const names = cypherNames(literal.text);
        seen += names.labels.length + names.types.length;
        for (const label of names.labels)
          if (!labels.has(label)) unknown.push(`${where}:${literal.line}: label ${label}`);
        for (const type of names.types) if (!types.has(type)) unknown.push(`${where}:${literal.line}: type ${type}`);
        for (const dynamic of names.dynamic)
          unknown.push(`${where}:${literal.line}: a name built from data, ${dynamic}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(seen).toBeGreaterThan(100); // the scan sees the statements at all
  });

  it("are seen in every form Cypher writes them", () => {
    const names = (cypher: string) => {
      const { labels, types, dynamic } = cypherNames(cypher);
      return { labels: sorted(labels), types: sorted(types), dynamic };
    };
    expect(names("MATCH (p:Practice)-[r:IN_REGION|DELIVERED_AT*0..2]->(n) RETURN p")).toEqual({
      labels: ["Practice"],
      types: ["DELIVERED_AT", "IN_REGION"],
      dynamic: [],
    });
    expect(names("MATCH (n) WHERE n:Stakeholder OR n:Cpi:Extra AND NOT n:!Law&Tool RETURN n")).toEqual({
      labels: ["Cpi", "Extra", "Law", "Stakeholder", "Tool"],
      types: [],
      dynamic: [],
    });
    expect(names("MATCH (a)<-[:A|:B {field: 'x'}]-(:Lep {code: $code}) WHERE type(r) = 'SIMILAR_TO' RETURN a")).toEqual(
      {
        labels: ["Lep"],
        types: ["A", "B", "SIMILAR_TO"],
        dynamic: [],
      },
    );
    expect(names("RETURN [label IN labels(n) WHERE label IN ['Stakeholder', \"Cpi\"]][0] AS label")).toEqual({
      labels: ["Cpi", "Stakeholder"],
      types: [],
      dynamic: [],
    });
    expect(names("MATCH (n:$($label)) RETURN n")).toEqual({ labels: [], types: [], dynamic: [":$("] });
    // Map keys, quoted text where no name is compared, comments and interpolated constants are not names.
    expect(names(`MATCH (n:${INTERPOLATED} {id: 'Practice'}) // (x:Nothing)\nRETURN {kind: n.kind}`)).toEqual({
      labels: [],
      types: [],
      dynamic: [],
    });
  });

  it("are found in the string literals of a source, templates included", () => {
    const source = "const A = `MATCH (p:Practice)-[:${REL.USES}]->(t:Tool)`;\nconst B = 'RETURN 1';";
    expect(stringLiterals("a.ts", source)).toEqual([
      { line: 1, text: `MATCH (p:Practice)-[:${INTERPOLATED}]->(t:Tool)` },
      { line: 2, text: "RETURN 1" },
    ]);
  });
});
