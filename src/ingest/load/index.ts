/** Load: a normalized catalogue into Neo4j in one transaction, with what it changes in what the database holds (diff), read first. */
export { loadCatalogue, type LoadReport } from "./catalogue";
export { CatalogueLoadError, unallowedChanges, type LoadAllowances } from "./checks";
export { readChangesAfterMerges, type CatalogueChanges, type LostLink, type PracticeChange } from "./diff";
export type { EntryNode, PendingMerge } from "./pendingMerges";
export type { SharedLinkChange, SharedNodeChange } from "./diffShared";
export { catalogueLinks, type SharedLinks } from "./sharedNodes";
export { GraphWriter, mergeSharedLinks, writeCatalogueGraph, writeEditorLinks } from "./writes";
