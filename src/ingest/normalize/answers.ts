/** Reads the Sì/No answers of a card ("Sì", "SI", "No.", "Si, in parte."). */
import { foldForMatch } from "../../text/inline";

export type Answer = "YES" | "NO" | "PARTIAL";

export function readAnswer(text: string): Answer | undefined {
  const folded = foldForMatch(text);
  if (/^(si|yes)\b.*\b(in parte|parzial)/.test(folded) || /^(in parte|parzialmente)\b/.test(folded)) return "PARTIAL";
  if (/^(si|yes)\b/.test(folded)) return "YES";
  if (/^no\b/.test(folded)) return "NO";
  return undefined;
}

/** "Nessuna.", "-", "N/A", or nothing: the assistance field says ANPAL Servizi gave none. */
export function describesNoAssistance(text: string): boolean {
  const folded = foldForMatch(text);
  return folded === "" || /^(nessun[ao]?|no|non (prevista|presente|applicabile)|n a)\b/.test(folded);
}
