/**
 * Catalogues written for a test: the 2023 catalogue cut short or leaving cards out, and a large one generated in the
 * 2023 card format.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCatalogue, splitLines } from "../../src/ingest/parse";
import { REGIONS } from "../../src/reference/regions";
import { catalogueText } from "../../scripts/support/catalogueText";

const SEED_2023 = path.resolve(__dirname, "../../seed/anpal-buone-prassi-catalogo-2023.md");
/** Right after card 16's activities: the card loses its human resources, funding, results, outcomes, lessons and conclusions. */
const CUT_AFTER_LINE = 1101;

function scratchFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prassi-catalogue-")), name);
  fs.writeFileSync(file, text);
  return file;
}

/** The 2023 catalogue cut inside its last card, in a temporary directory; `lastLine` is the last line of text. */
export function truncatedCatalogue2023(): { file: string; lastLine: number } {
  return cutCatalogue2023(CUT_AFTER_LINE);
}

/**
 * The first `lineCount` lines of the 2023 catalogue, in a temporary directory, the last one cut right after
 * `lastLineEnd` when it is given; `lastLine` is the last line of text.
 */
export function cutCatalogue2023(lineCount: number, lastLineEnd?: string): { file: string; lastLine: number } {
  const lines = fs.readFileSync(SEED_2023, "utf8").split("\n").slice(0, lineCount);
  if (lastLineEnd !== undefined) {
    const last = lines[lineCount - 1]!;
    lines[lineCount - 1] = last.slice(0, last.indexOf(lastLineEnd) + lastLineEnd.length);
  }
  let lastLine = lines.length;
  while (lines[lastLine - 1]?.trim() === "") lastLine--;
  return { file: scratchFile("anpal-2023-cut.md", `${lines.join("\n")}\n`), lastLine };
}

/** The 2023 catalogue as an edition that leaves some cards out, with their index rows, in a temporary directory. */
export function catalogue2023Without(...cardNumbers: number[]): string {
  const text = fs.readFileSync(SEED_2023, "utf8");
  const { index, cards } = parseCatalogue(splitLines(text), SEED_2023);
  const left = new Set<number>();
  for (const number of cardNumbers) {
    const card = cards[number - 1]!;
    left.add(index[number - 1]!.line);
    for (let line = card.startLine; line <= card.endLine; line++) left.add(line);
  }
  const lines = text.split("\n").filter((_, i) => !left.has(i + 1));
  return scratchFile("anpal-2023-edition.md", lines.join("\n"));
}

/**
 * A catalogue of `count` cards in the 2023 card format (index rows, numbered headings, SCHEDA rows, one labelled row
 * per field), whose stakeholders, targets and funding carry names no vocabulary has: they stay unknown mentions.
 */
export function generatedCatalogue(year: number, count: number): string {
  const padded = (n: number) => String(n).padStart(3, "0");
  const region = (n: number) => REGIONS[n % REGIONS.length]!.name;
  const title = (n: number) => `Sportello Quarzoluce numero ${n}`;
  const index = Array.from(
    { length: count },
    (_, k) => `${padded(k + 1)}\t«${title(k + 1)}» - <u>${region(k + 1)}</u>\t<i>Una pratica generata.</i>`,
  );
  const card = (n: number) => `## ${n} Regione ${region(n)} – ${title(n)}

SCHEDA\t${padded(n)}
REGIONE\t${region(n)}
TITOLO DELLA PRATICA\t${title(n)}
DESCRIZIONE DELLA PRATICA\tUno sportello sperimentale del consorzio Vetrofiore ${n}.
AMBITO DELLA PRATICA\tProgetto pilota
TIPOLOGIA/LEP\tLEP C; LEP F
AMBITO TERRITORIALE DELLA PRATICA\tRegionale
LA PRATICA È ANCORA APERTA?\tSì
PRATICA SUPPORTATA DA ANPAL SERVIZI?\tNo
DESCRIZIONE ASSISTENZA DI ANPAL SERVIZI\tNessuna.
NOME DEL SERVIZIO PER L'IMPIEGO\tSportello Quarzoluce ${n}
QUANDO È STATA IMPLEMENTATA LA PRATICA? E/O PER QUANTO TEMPO?\tDal ${year - 1}.
QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? E' STATO INTERNO O ESTERNO ALLO SPI?\tInterno.
QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?\tConsorzio Vetrofiore ${n}.
QUALI TARGET SONO STATI RAGGIUNTI DALLA PRATICA?\tCittadini di Borgo Quarzoluce.
QUALI ERANO GLI OBIETTIVI PRINCIPALI DELLA PRATICA?\tProvare lo sportello.
QUALI SONO STATE LE ATTIVITÀ REALIZZATE?\tColloqui.
QUALI RISORSE UMANE SONO STATE IMPIEGATE E QUALI SONO STATI GLI ASPETTI ORGANIZZATIVI RILEVANTI?\tDue operatori.
QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?\tFondo Vetrofiore.
QUALI SONO STATI I RISULTATI DELLA PRATICA?\tCento colloqui.
QUALI SONO STATI GLI OUTCOME REALIZZATI?\tPiù iscritti.
QUALI SONO LE LEZIONI APPRESE, I FATTORI DI SUCCESSO E LE CRITICITÀ INCONTRATE?\tServe tempo.
QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE DALLA REALIZZAZIONE DELLA PRATICA?\tSi può replicare.
`;
  return catalogueText(
    year,
    index,
    Array.from({ length: count }, (_, k) => card(k + 1)),
  );
}

/** Writes a generated catalogue into a temporary directory and returns its path. */
export function generatedCatalogueFile(year: number, count: number): string {
  return scratchFile(`generated-${year}.md`, generatedCatalogue(year, count));
}
