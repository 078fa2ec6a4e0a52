/** Markup of the PDF conversion (HTML, Markdown, tables) to the clean text of a card field. */
export { cleanTitle, markdownToText, oneLineText } from "./markup";
export { HTML_TABLE, parseHtmlTable, renderTable, sameTable, tableCells } from "./table";
