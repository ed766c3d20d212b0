"use client";
import { ErrorSummary, FormMessage, InputField, TextAreaField } from "@/components/forms/fields";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";

/** Headcount and minutes of a meeting, for facilitators once it has started. Works without JavaScript. */
export interface MeetingOutcomeLabels {
  errorSummary: string;
  headcount: string;
  headcountHint: string;
  minutes: string;
  minutesHint: string;
  submit: string;
}

export function MeetingOutcomeForm({ action, labels, initial }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: MeetingOutcomeLabels;
  initial: FormState;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values, errors } = state;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={errors} labels={labels as unknown as Record<string, string>} />
      <InputField name="headcount" type="number" inputMode="numeric" min={0} step={1} label={labels.headcount} hint={labels.headcountHint} defaultValue={values.headcount} error={errors.headcount} />
      <TextAreaField name="minutes" label={labels.minutes} hint={labels.minutesHint} defaultValue={values.minutes} error={errors.minutes} rows={10} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
