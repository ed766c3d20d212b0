import { TextAreaField } from "@/components/forms/fields";

/** The moderators' and reporters' reason: a required textarea with its hint and error tied to it. */
export function ReasonField({ id, name = "reason", label, hint, error, maxLength, defaultValue, rows = 4 }: {
  id: string;
  name?: string;
  label: string;
  hint: string;
  error?: string;
  maxLength: number;
  defaultValue?: string;
  rows?: number;
}) {
  return <TextAreaField id={id} name={name} label={label} hint={hint} error={error} maxLength={maxLength} defaultValue={defaultValue} rows={rows} className="form-group mt-4 mb-3" required />;
}
