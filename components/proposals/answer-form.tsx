"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage } from "@/components/auth/form-fields";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ChoiceField, FieldError, TextAreaField, describedBy } from "./fields";

export interface AnswerFormLabels {
  errorSummary: string;
  status: string;
  statuses: { value: string; label: string }[];
  answer: string;
  answerHint: string;
  mergedIntoId: string;
  mergedIntoHint: string;
  mergedIntoPlaceholder: string;
  submit: string;
  saved?: string;
}

/** The facilitators' public answer to a proposal (also to change an earlier answer). */
export function AnswerForm({ action, initial, candidates, limit, labels }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial: { status?: string; answer?: string; mergedIntoId?: string };
  candidates: { value: string; label: string }[];
  limit: number;
  labels: AnswerFormLabels;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const value = (name: "status" | "answer" | "mergedIntoId") => state.values[name] ?? initial[name];
  const statusError = state.errors.status;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ status: labels.status, answer: labels.answer, mergedIntoId: labels.mergedIntoId }} />
      <fieldset className="mb-4" aria-describedby={describedBy("status", undefined, statusError)}>
        <legend className="h6">{labels.status}</legend>
        {labels.statuses.map((option, index) => (
          <div className="form-check" key={option.value}>
            <input className="form-check-input" type="radio" name="status" id={index === 0 ? "status" : `status-${option.value}`} value={option.value} defaultChecked={value("status") === option.value} />
            <label className="form-check-label" htmlFor={index === 0 ? "status" : `status-${option.value}`}>{option.label}</label>
          </div>
        ))}
        <FieldError id="status" error={statusError} />
      </fieldset>
      <ChoiceField name="mergedIntoId" label={labels.mergedIntoId} hint={labels.mergedIntoHint} options={candidates} defaultValue={value("mergedIntoId")} placeholder={labels.mergedIntoPlaceholder} error={state.errors.mergedIntoId} />
      <TextAreaField name="answer" label={labels.answer} hint={labels.answerHint} defaultValue={value("answer")} maxLength={limit} rows={6} error={state.errors.answer} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
