/** The frame of a generated catalogue in the 2023 format: cover, status page, index, then the cards as given. */
export function catalogueText(year: number, index: readonly string[], cards: readonly string[]): string {
  return [
    "**Buone prassi generate per una prova**",
    "",
    `# Catalogo ${year}`,
    "",
    "**ANPAL**  ",
    "Servizi",
    "",
    `## Situazione Catalogo all' 01/02/${year}`,
    "",
    ...index,
    "",
    "## Schede di Buone Prassi",
    "",
    ...cards,
  ].join("\n");
}
