"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage, TextField } from "./form-fields";
import type { FormState } from "./form-state";
import { type ProfileLabels, ProfileFields } from "./profile-fields";

export function SignUpForm({ action, labels, profileLabels, initial }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: Record<string, string>;
  profileLabels: ProfileLabels;
  initial: FormState;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary ?? ""} errors={state.errors} labels={labels} />
      <TextField name="email" type="email" label={labels.email ?? ""} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <TextField name="password" type="password" label={labels.password ?? ""} hint={labels.passwordHint} autoComplete="new-password" error={state.errors.password} required />
      <ProfileFields labels={profileLabels} state={state} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
