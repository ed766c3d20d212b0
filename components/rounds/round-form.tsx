"use client";
import { ChoiceField, ErrorSummary, FixedValue, FormMessage, InputField, TextAreaField } from "@/components/forms/fields";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";

/**
 * Schedules or edits a round. A scheduled round can change everything; an open one only its
 * description and closing time (the other values are shown, not editable). Works without
 * JavaScript: a plain form posting to a server action.
 */
export interface RoundFormLabels {
  errorSummary: string;
  title: string;
  description: string;
  descriptionHint: string;
  revision: string;
  revisionHint: string;
  opensAt: string;
  closesAt: string;
  timeHint: string;
  submit: string;
}

export function RoundForm({ action, labels, initial, revisions, fixed }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: RoundFormLabels;
  initial: FormState;
  revisions: { value: string; label: string }[];
  /** Set while the round is open: what can no longer change, as shown. */
  fixed?: { title: string; revision: string; opensAt: string };
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values, errors } = state;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={errors} labels={labels as unknown as Record<string, string>} />
      {fixed ? (
        <>
          <FixedValue label={labels.title}>{fixed.title}</FixedValue>
          <FixedValue label={labels.revision}>{fixed.revision}</FixedValue>
          <FixedValue label={labels.opensAt}>{fixed.opensAt}</FixedValue>
        </>
      ) : (
        <>
          <InputField name="title" label={labels.title} defaultValue={values.title} error={errors.title} maxLength={200} required />
          <ChoiceField name="revisionId" label={labels.revision} hint={labels.revisionHint} defaultValue={values.revisionId} error={errors.revisionId} options={revisions} required />
        </>
      )}
      <TextAreaField name="description" label={labels.description} hint={labels.descriptionHint} defaultValue={values.description} error={errors.description} rows={8} required />
      {fixed ? null : <InputField name="opensAt" type="datetime-local" label={labels.opensAt} hint={labels.timeHint} defaultValue={values.opensAt} error={errors.opensAt} required />}
      <InputField name="closesAt" type="datetime-local" label={labels.closesAt} hint={labels.timeHint} defaultValue={values.closesAt} error={errors.closesAt} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
