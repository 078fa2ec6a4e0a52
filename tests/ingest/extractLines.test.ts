import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { NormalizedCatalogue } from "../../src/ingest/catalogue";
import { parseCatalogue, splitLines } from "../../src/ingest/parse";
import { readCatalogue } from "../../src/ingest/pipeline";
import { lineAt, SourceText, sourceMarkdownToText } from "../../src/ingest/text";
import { canonicalizeCpiDesignators } from "../../src/reference/cpiNames";
import { inlineText } from "../../src/text/inline";
import { tokenize } from "../../src/text/tokens";
import { actorCatalogue } from "../../scripts/support/actorCatalogue";
import { catalogueText } from "../../scripts/support/catalogueText";

/** Reads a catalogue written for the test, and its lines. */
function read(text: string): { catalogue: NormalizedCatalogue; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-lines-"));
  const file = path.join(dir, "lines.md");
  fs.writeFileSync(file, text);
  try {
    const reading = readCatalogue(file, { sourceName: "lines.md" });
    expect(reading.errors).toEqual([]);
    return { catalogue: reading.catalogue!, lines: text.split("\n") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The 1-based line of the file that holds `phrase` (the nth time, from 0). */
function lineOf(lines: readonly string[], phrase: string, nth = 0): number {
  const found = lines.flatMap((line, i) => (line.includes(phrase) ? [i + 1] : []));
  if (found[nth] === undefined) throw new Error(`'${phrase}' is not in the catalogue ${nth + 1} time(s)`);
  return found[nth];
}

describe("a field's text keeps the source line of each of its parts", () => {
  it("through markup removal: links, bold, list items, entities, a line break in a tag", () => {
    const source = SourceText.ofLines([
      { text: "Con il [portale](https://www.anpal.gov.it/anpal) e **ANPAL**", line: 10 },
      { text: "<ul><li>• Regione &amp; Comune</li>", line: 11 },
      { text: "<li>CPI di Eboli</li></ul>", line: 12 },
    ]);
    const text = sourceMarkdownToText(source);
    expect(text.text).toBe("Con il portale e ANPAL\n\n- Regione & Comune\n- CPI di Eboli");
    const at = (word: string) => lineAt(text.map, text.text.indexOf(word));
    expect([at("portale"), at("ANPAL"), at("Regione"), at("Comune"), at("CPI"), at("Eboli")]).toEqual([
      10, 10, 11, 11, 12, 12,
    ]);
  });

  it("through joins and slices", () => {
    const joined = SourceText.join([SourceText.of("uno due", 3), SourceText.of("tre", 7)], "\n\n");
    expect(joined.text).toBe("uno due\n\ntre");
    expect(joined.map).toEqual({ offsets: [0, 9], lines: [3, 7] });
    expect(joined.slice(4).map).toEqual({ offsets: [0, 5], lines: [3, 7] });
    expect(joined.replace(/(due)\s+(tre)/, "$2 $1").text).toBe("uno tre due");
    const swapped = joined.replace(/(due)\s+(tre)/, "$2 $1");
    expect([lineAt(swapped.map, 4), lineAt(swapped.map, 8)]).toEqual([7, 3]);
  });

  it("on every word of the 2023 seed and of a generated catalogue", () => {
    for (const file of [
      path.join(__dirname, "../../seed/anpal-buone-prassi-catalogo-2023.md"),
      path.join(__dirname, "../fixtures/catalogues/layouts.md"),
    ]) {
      expectEveryWordOnItsLine(fs.readFileSync(file, "utf8"));
    }
    expectEveryWordOnItsLine(wrapped(actorCatalogue(2031, 50).text));
  });
});

describe("the source line of a match", () => {
  const card = [
    "## 1 Regione Campania – Sportello di prova",
    "",
    "SCHEDA\t001",
    "REGIONE\tCampania",
    "TITOLO DELLA PRATICA\tSportello di prova",
    "DESCRIZIONE DELLA PRATICA\tNasce dal [portale nazionale](https://www.anpal-servizi.it/anpal/servizi) del lavoro.",
    "Lo gestiscono **Anpal Servizi** e il CPI di Eboli-Oliveto",
    "Citra (SA), con la Camera di Commercio di Salerno.",
    "AMBITO DELLA PRATICA\tProgetto pilota",
    "TIPOLOGIA/LEP\tLEP C; LEP F",
    "AMBITO TERRITORIALE DELLA PRATICA\tProvinciale",
    "LA PRATICA È ANCORA APERTA?\tSì",
    "PRATICA SUPPORTATA DA ANPAL SERVIZI?\tNo",
    "DESCRIZIONE ASSISTENZA DI ANPAL SERVIZI\tNessuna.",
    "NOME DEL SERVIZIO PER L'IMPIEGO\tCPI di Salerno",
    "QUANDO È STATA IMPLEMENTATA LA PRATICA? E/O PER QUANTO TEMPO?\tDal 2022.",
    "QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? E' STATO INTERNO O ESTERNO ALLO SPI?\tInterno.",
    "QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?\tCamera di Commercio di Salerno,",
    "Regione Campania, e la Camera di Commercio.",
    "QUALI TARGET SONO STATI RAGGIUNTI DALLA PRATICA?\tDisoccupati.",
    "QUALI ERANO GLI OBIETTIVI PRINCIPALI DELLA PRATICA?\tAvvicinare i servizi.",
    "QUALI SONO STATE LE ATTIVITÀ REALIZZATE?\tColloqui.",
    "QUALI RISORSE UMANE SONO STATE IMPIEGATE E QUALI SONO STATI GLI ASPETTI ORGANIZZATIVI RILEVANTI?\tDue operatori.",
    "QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?\tRisorse regionali.",
    "QUALI SONO STATI I RISULTATI DELLA PRATICA?\tIscritti per sede, ad Avellino dal 2023:",
    "",
    "CPI\tIscritti",
    "Benevento\t120",
    "Avellino\t80",
    "",
    "QUALI SONO STATI GLI OUTCOME REALIZZATI?\tPiù iscritti.",
    "QUALI SONO LE LEZIONI APPRESE, I FATTORI DI SUCCESSO E LE CRITICITÀ INCONTRATE?\tServe tempo.",
    "QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE DALLA REALIZZAZIONE DELLA PRATICA?\tSi può replicare.",
  ];
  const { catalogue, lines } = read(catalogueText(2031, ["001\t«Sportello di prova» - <u>Campania</u>"], card));
  const practice = catalogue.practices[0]!;
  const linked = (items: Array<{ id: string; source: { field: string; line: number } }>, id: string) =>
    items.find((item) => item.id === id)?.source;

  it("is the line after the markup that precedes it, not the line of a link whose address holds its words", () => {
    expect(linked(practice.stakeholders, "anpal-servizi")).toEqual({
      field: "description",
      line: lineOf(lines, "**Anpal Servizi**"),
    });
  });

  it("is the line where a name split across two source lines starts", () => {
    expect(linked(practice.cpis, "cpi-eboli-oliveto-citra")).toEqual({
      field: "description",
      line: lineOf(lines, "CPI di Eboli-Oliveto"),
    });
  });

  it("is the line of the occurrence matched, where an earlier occurrence of its words is part of another match", () => {
    expect(linked(practice.stakeholders, "cciaa-salerno")?.line).toBe(lineOf(lines, "Camera di Commercio di Salerno,"));
    expect(linked(practice.stakeholders, "camera-di-commercio")).toEqual({
      field: "stakeholders",
      line: lineOf(lines, "e la Camera di Commercio."),
    });
  });

  it("is the row's line for a name in a table, not a line above that names it too", () => {
    expect(linked(practice.cpis, "cpi-benevento")).toEqual({ field: "results", line: lineOf(lines, "Benevento\t120") });
    expect(linked(practice.cpis, "cpi-avellino")).toEqual({ field: "results", line: lineOf(lines, "Avellino\t80") });
  });

  it("holds the words of every actor read on a generated catalogue whose values the conversion wrapped", () => {
    const text = wrapped(actorCatalogue(2031, 200).text);
    const { catalogue: generated, lines: generatedLines } = read(text);
    let checked = 0;
    for (const practice of generated.practices) {
      for (const item of [...practice.stakeholders, ...practice.cpis, ...practice.funding]) {
        if (!("curated" in item) || item.curated !== false) continue;
        expect({ name: item.name, line: item.source.line }).toEqual({
          name: item.name,
          line: startLineOfWords(generatedLines, item.source.line, item.name),
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});

/** The catalogue with its descriptions and stakeholders wrapped every few words, as a PDF conversion wraps them. */
function wrapped(text: string): string {
  return text
    .split("\n")
    .flatMap((line) => {
      const [label, value] = line.split("\t");
      if (value === undefined || !/^(DESCRIZIONE DELLA PRATICA|QUALI SONO STATI I SOGGETTI)/.test(label!))
        return [line];
      const words = value.split(" ");
      const rows: string[] = [];
      for (let i = 0; i < words.length; i += 5) rows.push(words.slice(i, i + 5).join(" "));
      return [`${label}\t${rows[0]}`, ...rows.slice(1)];
    })
    .join("\n");
}

/**
 * Where a name's words start, read from `line` on: the line itself if they start on it (possibly going on over the
 * next lines), otherwise -1. A job centre's designator is read in any of its spellings ("Centro per l'impiego di").
 */
function startLineOfWords(lines: readonly string[], line: number, name: string): number {
  const words = canonicalizeCpiDesignators(tokenize(name)).map((token) => token.text);
  const stream = lines
    .slice(line - 1, line + 3)
    .flatMap((text, i) =>
      canonicalizeCpiDesignators(tokenize(inlineText(text))).map((token) => ({ text: token.text, line: line + i })),
    );
  const starts = stream.filter((_, start) => words.every((word, k) => stream[start + k]?.text === word));
  return starts.some((start) => start.line === line) ? line : -1;
}

/** Every word of every field's text is on the line its map gives it (as the source line, without markup, reads it). */
function expectEveryWordOnItsLine(text: string): void {
  const lines = splitLines(text);
  const wordsOn = new Map<number, Set<string>>();
  const wordsOfLine = (line: number) => {
    const words = wordsOn.get(line) ?? new Set(tokenize(inlineText(lines[line - 1] ?? "")).map((word) => word.text));
    wordsOn.set(line, words);
    return words;
  };
  const misplaced: string[] = [];
  for (const card of parseCatalogue(lines, "catalogue.md").cards) {
    for (const field of Object.values(card.fields)) {
      for (const token of tokenize(field.text)) {
        const line = lineAt(field.lineMap, token.start);
        if (!wordsOfLine(line).has(token.text))
          misplaced.push(`card ${card.catalogNumber} ${field.key}: '${token.text}' on ${line}`);
      }
    }
  }
  expect(misplaced).toEqual([]);
}
