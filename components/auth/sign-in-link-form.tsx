"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "./form-fields";
import { type FormState, emptyFormState } from "./form-state";

/** The "email me a sign-in link" form (one field, so its error shows on the field and in the message). */
export function SignInLinkForm({ action, labels }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message ?? state.errors.email} kind="danger" />
      <TextField name="email" id="link-email" type="email" label={labels.emailLabel ?? ""} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <button type="submit" className="btn btn-outline-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
