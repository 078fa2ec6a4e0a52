/** The lenses of `similarPractices` (SimilarityLens in the schema): what counts most when two practices are compared. */
export const LENSES = ["BALANCED", "SERVICES", "TARGETS", "ACTORS", "FUNDING"] as const;
export type Lens = (typeof LENSES)[number];

export function isLens(value: string): value is Lens {
  return (LENSES as readonly string[]).includes(value);
}
