"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage, TextField } from "./form-fields";
import { NewAccountFields, type ProfileFormProps } from "./profile-fields";

export function SignUpForm({ action, labels, profileLabels, initial }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary ?? ""} errors={state.errors} labels={labels} />
      <TextField name="email" type="email" label={labels.email ?? ""} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <NewAccountFields labels={labels} profileLabels={profileLabels} state={state} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
