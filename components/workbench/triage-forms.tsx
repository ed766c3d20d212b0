"use client";
import { useActionState } from "react";
import { ChoiceField, ErrorSummary, FieldError, FormMessage, InputField, TextAreaField, describedBy } from "@/components/forms/fields";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** A facilitator's tags on one proposal or observation: one comma-separated field (error shown beside it). */
export function TagForm({ action, id, tags, labels }: { action: Action; id: string; tags: string[]; labels: { tags: string; hint: string; submit: string } }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const fieldId = `tags-${id}`;
  return (
    <form action={formAction} noValidate className="mt-2">
      <FormMessage message={state.message} kind="danger" />
      <div className="d-flex flex-wrap align-items-start gap-2">
        <div className="flex-grow-1">
          <InputField name="tags" id={fieldId} label={labels.tags} hint={labels.hint} defaultValue={state.values.tags ?? tags.join(", ")} error={state.errors.tags} maxLength={500} />
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm mt-4" disabled={pending}>{labels.submit}</button>
      </div>
    </form>
  );
}

export interface MergeFormLabels {
  errorSummary: string;
  targetId: string;
  targetHint: string;
  targetPlaceholder: string;
  duplicateIds: string;
  duplicatesHint: string;
  answer: string;
  answerHint: string;
  submit: string;
}

/**
 * Merge duplicates: the target (a select of `options`), the duplicates (checkboxes of `duplicateOptions`,
 * by default the same list), the public answer they get.
 */
export function MergeForm({ action, options, duplicateOptions = options, limit, labels }: {
  action: Action;
  options: { value: string; label: string }[];
  duplicateOptions?: { value: string; label: string }[];
  limit: number;
  labels: MergeFormLabels;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const ticked = new Set((state.values.duplicateIds ?? "").split(",").filter(Boolean));
  const error = state.errors.duplicateIds;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ targetId: labels.targetId, duplicateIds: labels.duplicateIds, answer: labels.answer }} />
      <ChoiceField name="targetId" label={labels.targetId} hint={labels.targetHint} options={options} defaultValue={state.values.targetId} placeholder={labels.targetPlaceholder} placeholderDisabled error={state.errors.targetId} required />
      <fieldset className="mb-4" aria-describedby={describedBy("duplicateIds", labels.duplicatesHint, error)}>
        <legend className="h6">{labels.duplicateIds}</legend>
        <small id="duplicateIds-hint" className="form-text d-block mb-2">{labels.duplicatesHint}</small>
        {duplicateOptions.map((option, index) => {
          const checkboxId = index === 0 ? "duplicateIds" : `duplicateIds-${option.value}`;
          return (
            <div className="form-check" key={option.value}>
              <input className="form-check-input" type="checkbox" name="duplicateIds" id={checkboxId} value={option.value} defaultChecked={ticked.has(option.value)} />
              <label className="form-check-label" htmlFor={checkboxId}>{option.label}</label>
            </div>
          );
        })}
        <FieldError id="duplicateIds" error={error} />
      </fieldset>
      <TextAreaField name="answer" label={labels.answer} hint={labels.answerHint} defaultValue={state.values.answer} maxLength={limit} rows={4} error={state.errors.answer} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
