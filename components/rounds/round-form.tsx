"use client";
import { ActionForm } from "@/components/forms/action-form";
import { ChoiceField, DateTimeField, FixedValue, InputField, TextAreaField } from "@/components/forms/fields";
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
  return (
    <ActionForm action={action} initial={initial} errorSummary={labels.errorSummary} labels={{ ...labels, revisionId: labels.revision }} submit={labels.submit}>
      {(state) => (
        <>
          {fixed ? (
            <>
              <FixedValue label={labels.title}>{fixed.title}</FixedValue>
              <FixedValue label={labels.revision}>{fixed.revision}</FixedValue>
              <FixedValue label={labels.opensAt}>{fixed.opensAt}</FixedValue>
            </>
          ) : (
            <>
              <InputField name="title" label={labels.title} defaultValue={state.values.title} error={state.errors.title} maxLength={200} required />
              <ChoiceField name="revisionId" label={labels.revision} hint={labels.revisionHint} defaultValue={state.values.revisionId} error={state.errors.revisionId} options={revisions} required />
            </>
          )}
          <TextAreaField name="description" label={labels.description} hint={labels.descriptionHint} defaultValue={state.values.description} error={state.errors.description} rows={8} required />
          {fixed ? null : <DateTimeField name="opensAt" label={labels.opensAt} hint={labels.timeHint} state={state} required />}
          <DateTimeField name="closesAt" label={labels.closesAt} hint={labels.timeHint} state={state} required />
        </>
      )}
    </ActionForm>
  );
}
