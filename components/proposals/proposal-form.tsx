"use client";
import { ChoiceField, ErrorSummary, FormMessage, InputField, TextAreaField } from "@/components/forms/fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import type { ProposalKind } from "@/lib/db/generated/enums";

export interface ProposalFormLabels {
  errorSummary: string;
  submit: string;
  measureId: string;
  measurePlaceholder: string;
  axisId: string;
  axisPlaceholder: string;
  title: string;
  titleHint: string;
  proposedText: string;
  proposedTextHint: string;
  rationale: string;
  rationaleHint: string;
  decisionIntro: string;
  proposedTiming: string;
  proposedTimingHint: string;
  proposedBudget: string;
  proposedBudgetHint: string;
  proposedFundingSource: string;
  proposedDepartment: string;
}

type Option = { value: string; label: string };

/**
 * The new-proposal form for one kind (the page chooses the kind from the address, so the form works
 * without JavaScript). A plain POST to a server action; field errors come back in the form state.
 * `submissionId`: made by the server for this rendering; the same form sent twice is one proposal.
 */
export function ProposalForm({ action, kind, measures, axes, measureId, axisId, limits, labels, submissionId }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  kind: ProposalKind;
  measures: Option[];
  axes: Option[];
  measureId?: string;
  axisId?: string;
  limits: { title: number; text: number; field: number };
  labels: ProposalFormLabels;
  submissionId: string;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const value = (name: string, fallback?: string) => state.values[name] ?? fallback;
  const fieldLabels: Record<string, string> = {
    measureId: labels.measureId,
    axisId: labels.axisId,
    title: labels.title,
    proposedText: labels.proposedText,
    rationale: labels.rationale,
    proposedTiming: labels.proposedTiming,
    proposedBudget: labels.proposedBudget,
    proposedFundingSource: labels.proposedFundingSource,
    proposedDepartment: labels.proposedDepartment,
  };
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={fieldLabels} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="submissionId" value={submissionId} />
      {kind === "NEW_MEASURE" ? (
        <ChoiceField name="axisId" label={labels.axisId} options={axes} defaultValue={value("axisId", axisId)} placeholder={labels.axisPlaceholder} error={state.errors.axisId} required />
      ) : (
        <ChoiceField name="measureId" label={labels.measureId} options={measures} defaultValue={value("measureId", measureId)} placeholder={labels.measurePlaceholder} error={state.errors.measureId} required />
      )}
      <InputField name="title" label={labels.title} hint={labels.titleHint} defaultValue={value("title")} maxLength={limits.title} error={state.errors.title} required />
      {kind === "AMEND_MEASURE" || kind === "NEW_MEASURE" ? (
        <TextAreaField name="proposedText" label={labels.proposedText} hint={labels.proposedTextHint} defaultValue={value("proposedText")} maxLength={limits.text} rows={8} error={state.errors.proposedText} required />
      ) : null}
      {kind === "DECISION_FIELDS" ? (
        <fieldset className="mb-4">
          <legend className="h6">{labels.decisionIntro}</legend>
          <InputField name="proposedTiming" label={labels.proposedTiming} hint={labels.proposedTimingHint} defaultValue={value("proposedTiming")} maxLength={limits.field} error={state.errors.proposedTiming} />
          <InputField name="proposedBudget" label={labels.proposedBudget} hint={labels.proposedBudgetHint} defaultValue={value("proposedBudget")} maxLength={40} inputMode="decimal" error={state.errors.proposedBudget} />
          <InputField name="proposedFundingSource" label={labels.proposedFundingSource} defaultValue={value("proposedFundingSource")} maxLength={limits.field} error={state.errors.proposedFundingSource} />
          <InputField name="proposedDepartment" label={labels.proposedDepartment} defaultValue={value("proposedDepartment")} maxLength={limits.field} error={state.errors.proposedDepartment} />
        </fieldset>
      ) : null}
      <TextAreaField name="rationale" label={labels.rationale} hint={labels.rationaleHint} defaultValue={value("rationale")} maxLength={limits.text} rows={6} error={state.errors.rationale} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
