/** The command line's pieces (cli.ts): its options and help, progress on a terminal, the dry run's comparison with a
 * database; running an entry point and the database an import writes into, shared with the backup commands. */
export { compareWithDatabase, readWhatTheImportWouldDo } from "./compare";
export { importInto } from "./database";
export { helpText, parseOptions, type IngestOptions } from "./options";
export { createProgress, type Progress } from "./progress";
export { runCommand } from "./run";
