/**
 * Direct reads of the nodes a discovery answer refers to (a match's practice, a profile's region...): one Cypher
 * statement per node type and tick for the selections it covers, instead of a second GraphQL execution of the
 * generated query (nodes.ts delegates the others).
 */
import type { GraphQLResolveInfo } from "graphql";
import { readTypeDefs } from "../schema";
import { readNodeModel, type NodeModel } from "./model";
import { planNestedReads, planNodeRead, type NodeRead } from "./plan";

export { createNodeReads, nodeProjection, type NodeReads } from "./read";
export { describeRead, mergeReads, type NodeRead } from "./plan";

let model: NodeModel | undefined;
const nodeModel = () => (model ??= readNodeModel(readTypeDefs()));

/** The read covering the selection of the field being resolved, of nodes of this type; undefined when it needs delegation. */
export function planDirectRead(typeName: string, info: GraphQLResolveInfo): NodeRead | undefined {
  return planNodeRead(nodeModel(), typeName, info);
}

/** The reads that the `fieldName` fields of the answer being resolved (of type `parentType`) will make, for reading ahead. */
export function planReadsAhead(
  parentType: string,
  fieldName: string,
  nodeType: string,
  info: GraphQLResolveInfo,
): NodeRead[] {
  return planNestedReads(nodeModel(), parentType, fieldName, nodeType, info);
}
