"use client";
import { ChoiceField, ErrorSummary, FormMessage, RadioGroupField, TextAreaField } from "@/components/forms/fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

export interface SwotFormLabels {
  errorSummary: string;
  kind: string;
  kinds: { value: string; label: string; hint: string }[];
  axisId: string;
  axisHint: string;
  axisNone: string;
  body: string;
  bodyHint: string;
  submit: string;
}

/**
 * A SWOT observation: its kind (radio buttons), optionally an axis, the text. A plain POST form.
 * `submissionId`: made by the server for this rendering (a new one after each success, which
 * redirects and renders the page again); the same form sent twice is one observation.
 */
export function SwotForm({ action, axes, axisId, limit, labels, submissionId }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  axes: { value: string; label: string }[];
  axisId?: string;
  limit: number;
  labels: SwotFormLabels;
  submissionId: string;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <input type="hidden" name="submissionId" value={submissionId} />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ kind: labels.kind, axisId: labels.axisId, body: labels.body }} />
      <RadioGroupField name="kind" legend={labels.kind} options={labels.kinds} checked={state.values.kind} error={state.errors.kind} />
      <ChoiceField name="axisId" label={labels.axisId} hint={labels.axisHint} options={axes} defaultValue={state.values.axisId ?? axisId} placeholder={labels.axisNone} error={state.errors.axisId} />
      <TextAreaField name="body" label={labels.body} hint={labels.bodyHint} defaultValue={state.values.body} maxLength={limit} rows={5} error={state.errors.body} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
