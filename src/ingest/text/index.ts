/** Markup of the PDF conversion (HTML, Markdown, tables) to the clean text of a card field, with where each part was read. */
export { lineAt, type LineMap } from "./location";
export { cleanTitle, markdownToText, oneLineText, sourceMarkdownToText } from "./markup";
export { SourceText } from "./sourceText";
export { HTML_TABLE, parseHtmlTable, renderRow, renderTable, sameTable, tableCells } from "./table";
