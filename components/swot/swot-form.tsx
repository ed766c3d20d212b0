"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage } from "@/components/auth/form-fields";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ChoiceField, FieldError, TextAreaField, describedBy } from "@/components/proposals/fields";

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

/** A SWOT observation: its kind (radio buttons), optionally an axis, the text. A plain POST form. */
export function SwotForm({ action, axes, axisId, limit, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  axes: { value: string; label: string }[];
  axisId?: string;
  limit: number;
  labels: SwotFormLabels;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const kindError = state.errors.kind;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ kind: labels.kind, axisId: labels.axisId, body: labels.body }} />
      <fieldset className="mb-4" aria-describedby={describedBy("kind", undefined, kindError)}>
        <legend className="h6">{labels.kind}</legend>
        {labels.kinds.map((option, index) => {
          const id = index === 0 ? "kind" : `kind-${option.value}`;
          return (
            <div className="form-check" key={option.value}>
              <input className="form-check-input" type="radio" name="kind" id={id} value={option.value} defaultChecked={state.values.kind === option.value} aria-describedby={`${id}-hint`} />
              <label className="form-check-label" htmlFor={id}>{option.label}</label>
              <small id={`${id}-hint`} className="form-text d-block">{option.hint}</small>
            </div>
          );
        })}
        <FieldError id="kind" error={kindError} />
      </fieldset>
      <ChoiceField name="axisId" label={labels.axisId} hint={labels.axisHint} options={axes} defaultValue={state.values.axisId ?? axisId} placeholder={labels.axisNone} error={state.errors.axisId} />
      <TextAreaField name="body" label={labels.body} hint={labels.bodyHint} defaultValue={state.values.body} maxLength={limit} rows={5} error={state.errors.body} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
