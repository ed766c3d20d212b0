"use client";
import { ActionForm } from "@/components/forms/action-form";
import { InputField, TextAreaField } from "@/components/forms/fields";
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
  return (
    <ActionForm action={action} initial={initial} errorSummary={labels.errorSummary} labels={{ ...labels }} submit={labels.submit}>
      {({ values, errors }) => (
        <>
          <InputField name="headcount" type="number" inputMode="numeric" min={0} step={1} label={labels.headcount} hint={labels.headcountHint} defaultValue={values.headcount} error={errors.headcount} />
          <TextAreaField name="minutes" label={labels.minutes} hint={labels.minutesHint} defaultValue={values.minutes} error={errors.minutes} rows={10} />
        </>
      )}
    </ActionForm>
  );
}
