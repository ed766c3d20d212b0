/** How long an excerpt of a contribution or a measure's text is by default (characters, "…" included). */
export const EXCERPT_LENGTH = 160;

/**
 * The start of a text, cut at `max` characters with "…" (trailing spaces before it dropped); the
 * text itself when it fits. `flatten` first turns every run of whitespace (line breaks too) into
 * one space and trims the ends — for excerpts shown inline.
 */
export function excerpt(text: string, max: number = EXCERPT_LENGTH, { flatten = false }: { flatten?: boolean } = {}): string {
  const value = flatten ? text.replace(/\s+/g, " ").trim() : text;
  return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}
