import { SelectField, TextField } from "./form-fields";
import type { FormState } from "./form-state";

/** What a form with the profile fields gets from its page: its server action, its own labels, the profile fields' labels, the first state. */
export interface ProfileFormProps {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: Record<string, string>;
  profileLabels: ProfileLabels;
  initial: FormState;
}

export interface ProfileLabels {
  displayName: string;
  displayNameHint: string;
  category: string;
  categoryPlaceholder: string;
  organisation: string;
  municipality: string;
  locale: string;
  categories: { value: string; label: string }[];
  locales: { value: string; label: string }[];
}

/** Display name, category, organisation, municipality, language: shared by sign-up and the account page. */
export function ProfileFields({ labels, state }: { labels: ProfileLabels; state: FormState }) {
  return (
    <>
      <TextField name="displayName" label={labels.displayName} hint={labels.displayNameHint} autoComplete="nickname" defaultValue={state.values.displayName} error={state.errors.displayName} required />
      <SelectField name="category" label={labels.category} placeholder={labels.categoryPlaceholder} options={labels.categories} defaultValue={state.values.category} error={state.errors.category} />
      <TextField name="organisation" label={labels.organisation} autoComplete="organization" defaultValue={state.values.organisation} error={state.errors.organisation} />
      <TextField name="municipality" label={labels.municipality} autoComplete="address-level2" defaultValue={state.values.municipality} error={state.errors.municipality} />
      <SelectField name="locale" label={labels.locale} options={labels.locales} defaultValue={state.values.locale} error={state.errors.locale} autoComplete="language" />
    </>
  );
}

/** A new account's password and profile: shared by sign-up and accepting an invitation without an account. */
export function NewAccountFields({ labels, profileLabels, state }: { labels: Record<string, string>; profileLabels: ProfileLabels; state: FormState }) {
  return (
    <>
      <TextField name="password" type="password" label={labels.password ?? ""} hint={labels.passwordHint} autoComplete="new-password" error={state.errors.password} required />
      <ProfileFields labels={profileLabels} state={state} />
    </>
  );
}
