/** The import report: what was read, what is wrong and where, what a load changes and wrote. */
export { formatChanges } from "./changes";
export { formatLoadReport, formatReading } from "./format";
export { formatMerged, formatPendingMerges } from "./merges";
