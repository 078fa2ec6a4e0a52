/** The LEP vocabulary (seed/leps.json) and the reading of LEP codes from a card's TIPOLOGIA/LEP field. */
import { z } from "zod";
import lepsFile from "../../seed/leps.json";

const LepSchema = z.object({
  code: z.string().regex(/^[A-Z]\d?$/),
  group: z.enum(["PERSONS", "COMPANIES"]),
  parent: z.string().optional(),
  name: z.string().min(1),
  nameEn: z.string().min(1),
});

export type Lep = z.infer<typeof LepSchema>;

export const LEPS: readonly Lep[] = z.object({ leps: z.array(LepSchema) }).parse(lepsFile).leps;

const KNOWN_CODES = new Set(LEPS.map((lep) => lep.code));

/** "LEP F", "Lep C", "LEP RDC": the token after the word LEP is meant as a code. */
const AFTER_LEP_WORD = /\bLEP\s*[:.-]?\s*([A-Z]{1,4}\d?)\b/gi;
/** "(M1, M2, M3)", "F1": a letter with a digit is a sub-code even without the word LEP. */
const SUB_CODE = /\b([A-S][1-9])\b/g;

/**
 * The codes named by a TIPOLOGIA/LEP text, in order of appearance and without repeats ("LEP E LEP F"
 * is E and F: E is a code there, not the conjunction). Sub-codes stay as given (F1 is not turned into F).
 * Tokens that are not LEP codes ("LEP RDC") are returned apart, never guessed into a code.
 */
export function readLepCodes(text: string): { codes: string[]; unknown: string[] } {
  const found = [...text.matchAll(AFTER_LEP_WORD), ...text.matchAll(SUB_CODE)]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((match) => (match[1] ?? "").toUpperCase());
  const unique = [...new Set(found)];
  return {
    codes: unique.filter((code) => KNOWN_CODES.has(code)),
    unknown: unique.filter((code) => !KNOWN_CODES.has(code)),
  };
}
