// Schema of the Prassi knowledge graph, applied at every start (idempotent: IF NOT EXISTS).
// One uniqueness constraint per node type's key (the @node types of schema/graph.graphql): imports MERGE on these keys,
// and the constraint both guards identity and backs the MERGE with an index.

CREATE CONSTRAINT catalog_id IF NOT EXISTS FOR (n:Catalog) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT practice_id IF NOT EXISTS FOR (n:Practice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_nuts IF NOT EXISTS FOR (n:Region) REQUIRE n.nuts IS UNIQUE;
CREATE CONSTRAINT cpi_id IF NOT EXISTS FOR (n:Cpi) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lep_code IF NOT EXISTS FOR (n:Lep) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT target_group_id IF NOT EXISTS FOR (n:TargetGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT stakeholder_id IF NOT EXISTS FOR (n:Stakeholder) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT funding_source_id IF NOT EXISTS FOR (n:FundingSource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT law_id IF NOT EXISTS FOR (n:Law) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tool_id IF NOT EXISTS FOR (n:Tool) REQUIRE n.id IS UNIQUE;

// Region lookups by name (regionProfile accepts a NUTS code or a name).
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);

// Italian full-text search over the card texts (searchPractices): the properties themselves, so that an
// edit through the API is searchable at once. It replaces `practice_text`, which indexed a derived copy.
DROP INDEX practice_text IF EXISTS;
CREATE FULLTEXT INDEX practice_card_text IF NOT EXISTS
FOR (n:Practice) ON EACH [n.title, n.summary, n.scope, n.anpalAssistance, n.period, n.driver, n.objectives,
  n.activities, n.humanResources, n.results, n.outcomes, n.lessons, n.conclusions]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'italian' } };

// Provisional actors (docs/actors.md): a review lists them (`curated: false`); places are asked by ISTAT code.
CREATE INDEX stakeholder_curated IF NOT EXISTS FOR (n:Stakeholder) ON (n.curated);
CREATE INDEX cpi_curated IF NOT EXISTS FOR (n:Cpi) ON (n.curated);
CREATE INDEX stakeholder_municipality IF NOT EXISTS FOR (n:Stakeholder) ON (n.municipalityIstat);
CREATE INDEX cpi_municipality IF NOT EXISTS FOR (n:Cpi) ON (n.municipalityIstat);

// Actors a graph held before `curated` existed were all the vocabulary's (GraphQL reads it as non-null): a no-op once set.
MATCH (n) WHERE (n:Stakeholder OR n:Cpi OR n:FundingSource) AND n.curated IS NULL SET n.curated = true;

// Node aliases (src/vocabulary/graphAliases.ts): a merge an editor made through the API (mergeNodes), one per type
// and old id, which later imports apply and the export carries.
CREATE CONSTRAINT node_alias_from IF NOT EXISTS FOR (n:NodeAlias) REQUIRE (n.type, n.from) IS UNIQUE;
