"use client";
import { ErrorSummary, FormMessage } from "@/components/forms/fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ReasonField } from "./reason-field";

/** The report form of /segnala: one reason field; works without JavaScript (server action). */
export function ReportForm({ action, labels, maxLength }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: { reason: string; hint: string; submit: string; errorSummary: string };
  maxLength: number;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ reason: labels.reason }} />
      <ReasonField id="reason" label={labels.reason} hint={labels.hint} error={state.errors.reason} maxLength={maxLength} defaultValue={state.values.reason} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
