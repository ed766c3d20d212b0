"use client";
import type { FormState } from "@/components/auth/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { ChoiceField, InputField, TextAreaField } from "@/components/forms/fields";

/** An official's progress update on a measure: status, percentage, text. Works without JavaScript. */
export interface ProgressUpdateLabels {
  errorSummary: string;
  status: string;
  choose: string;
  percent: string;
  percentHint: string;
  text: string;
  textHint: string;
  submit: string;
}

export function ProgressUpdateForm({ action, labels, statuses, initial }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: ProgressUpdateLabels;
  /** The statuses in order, with their names. */
  statuses: { value: string; label: string }[];
  initial: FormState;
}) {
  return (
    <ActionForm action={action} initial={initial} errorSummary={labels.errorSummary} labels={{ status: labels.status, progressPercent: labels.percent, text: labels.text }} submit={labels.submit}>
      {({ values, errors }) => (
        <>
          <ChoiceField name="status" label={labels.status} options={statuses} placeholder={labels.choose} placeholderDisabled defaultValue={values.status} error={errors.status} required />
          <InputField name="progressPercent" type="number" inputMode="numeric" min={0} max={100} step={1} label={labels.percent} hint={labels.percentHint} defaultValue={values.progressPercent} error={errors.progressPercent} required />
          <TextAreaField name="text" label={labels.text} hint={labels.textHint} defaultValue={values.text} error={errors.text} rows={6} maxLength={2000} required />
        </>
      )}
    </ActionForm>
  );
}
