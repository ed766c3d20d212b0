"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage, TextField } from "./form-fields";
import { type FormState, emptyFormState } from "./form-state";

export function SignInForm({ action, labels }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary ?? ""} errors={state.errors} labels={labels} />
      <TextField name="email" type="email" label={labels.email ?? ""} autoComplete="username" defaultValue={state.values.email} error={state.errors.email} required />
      <TextField name="password" type="password" label={labels.password ?? ""} autoComplete="current-password" error={state.errors.password} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
