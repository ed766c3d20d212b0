/**
 * How a stored funding source or department shows in a form's select: the list's active entries, the
 * stored value when it is an archived entry (kept selectable), "other" with the text otherwise.
 */
export interface ChoiceOption {
  value: string;
  label: string;
}

export const OTHER_VALUE = "other";

export function choiceFor(value: string | null, entries: { label: string; archived: boolean }[], archivedLabel: (label: string) => string): { options: ChoiceOption[]; selected: string; other: string } {
  const options = entries.filter((entry) => !entry.archived).map((entry) => ({ value: entry.label, label: entry.label }));
  if (value === null) return { options, selected: "", other: "" };
  if (options.some((option) => option.value === value)) return { options, selected: value, other: "" };
  if (entries.some((entry) => entry.archived && entry.label === value)) return { options: [...options, { value, label: archivedLabel(value) }], selected: value, other: "" };
  return { options, selected: OTHER_VALUE, other: value };
}
