/** The command line's pieces (cli.ts): the dry run's comparison with a database; running an entry point and the database an import writes into, shared with the backup commands. */
export { compareWithDatabase } from "./compare";
export { importInto } from "./database";
export { runCommand } from "./run";
