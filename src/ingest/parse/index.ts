/** Parse: a catalogue file's lines to its index, front matter and cards (card.ts), with the issues found, by file and line. */
export { parseCatalogue, splitLines } from "./catalogue";
export { incompleteCardIssues } from "./completeness";
export { cutShortIssues } from "./cutShort";
export { readFrontMatter } from "./frontMatter";
export { issue, type ParseIssue } from "./issue";
