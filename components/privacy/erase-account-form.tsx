"use client";
import { ErrorSummary, FormMessage } from "@/components/forms/fields";
import { TextField } from "@/components/auth/form-fields";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";

export interface EraseAccountLabels {
  errorSummary: string;
  confirmation: string;
  confirmationHint: string;
  submit: string;
}

/** Type-to-confirm erasure form; a plain POST form, so it works without JavaScript too. */
export function EraseAccountForm({ action, labels }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: EraseAccountLabels }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ confirmation: labels.confirmation }} />
      <TextField name="confirmation" label={labels.confirmation} hint={labels.confirmationHint} error={state.errors.confirmation} autoComplete="off" defaultValue={state.values.confirmation} required />
      <button type="submit" className="btn btn-danger" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
