"use client";
import { ChoiceField, ErrorSummary, FormMessage, RadioGroupField, TextAreaField } from "@/components/forms/fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

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
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ status: labels.status, answer: labels.answer, mergedIntoId: labels.mergedIntoId }} />
      <RadioGroupField name="status" legend={labels.status} options={labels.statuses} checked={value("status")} error={state.errors.status} />
      <ChoiceField name="mergedIntoId" label={labels.mergedIntoId} hint={labels.mergedIntoHint} options={candidates} defaultValue={value("mergedIntoId")} placeholder={labels.mergedIntoPlaceholder} error={state.errors.mergedIntoId} />
      <TextAreaField name="answer" label={labels.answer} hint={labels.answerHint} defaultValue={value("answer")} maxLength={limit} rows={6} error={state.errors.answer} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
