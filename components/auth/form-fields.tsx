/** The account forms' fields: the shared form pieces with the account forms' defaults (autocomplete always given). */
import { ChoiceField, InputField } from "@/components/forms/fields";

export { ErrorSummary, type FieldErrors, FormMessage } from "@/components/forms/fields";

export function TextField(props: {
  name: string;
  /** Defaults to name; differs when two forms on a page share a field name. */
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  defaultValue?: string;
  required?: boolean;
}) {
  return <InputField {...props} />;
}

export function SelectField({ placeholder, ...props }: {
  name: string;
  label: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
  autoComplete?: string;
}) {
  return <ChoiceField {...props} placeholder={placeholder || undefined} placeholderDisabled required />;
}
