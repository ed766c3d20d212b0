"use client";
import { useActionState, useEffect } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ChoiceField, ErrorSummary, FormMessage, InputField, TextAreaField } from "@/components/forms/fields";
import type { ChoiceOption } from "./choice";

export interface DecisionFormLabels {
  errorSummary: string;
  submit: string;
  startsOn: string;
  endsOn: string;
  datesHint: string;
  timing: string;
  timingHint: string;
  budget: string;
  budgetHint: string;
  fundingSource: string;
  fundingSourceOther: string;
  department: string;
  departmentOther: string;
  otherHint: string;
  none: string;
  other: string;
  note: string;
  noteHint: string;
}

export interface DecisionFormValues {
  measureId: string;
  expectedVersion: string;
  startsOn: string;
  endsOn: string;
  timing: string;
  budget: string;
  fundingSource: string;
  fundingSourceOther: string;
  department: string;
  departmentOther: string;
  note: string;
}

/**
 * One measure's decision: dates, duration, budget in euro, funding source and department (from the
 * lists, or "other" with its text), the public note; the version the form was loaded with travels
 * hidden (a newer save meanwhile is refused with a message). A refusal shows the error summary,
 * linked to the fields, and takes the focus. Works without JavaScript.
 */
export function DecisionForm({ action, labels, initial, fundingSources, departments }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: DecisionFormLabels;
  initial: DecisionFormValues;
  fundingSources: ChoiceOption[];
  departments: ChoiceOption[];
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) document.getElementById("error-summary")?.focus();
    else if (state.message) document.getElementById("decision-form-message")?.focus();
  }, [state]);
  const value = (name: keyof DecisionFormValues) => state.values[name] ?? initial[name];
  const choices = (options: ChoiceOption[]) => [...options, { value: "other", label: labels.other }];
  const summaryLabels = {
    startsOn: labels.startsOn,
    endsOn: labels.endsOn,
    timing: labels.timing,
    budget: labels.budget,
    fundingSource: labels.fundingSource,
    fundingSourceOther: labels.fundingSourceOther,
    department: labels.department,
    departmentOther: labels.departmentOther,
    note: labels.note,
  };
  return (
    <form action={formAction} noValidate id="decision-form">
      <div id="decision-form-message" tabIndex={-1}>
        <FormMessage message={state.message} kind="danger" />
      </div>
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={summaryLabels} />
      {/* Keyed by the answer: after a refusal the fields mount again with what was sent (React resets a form after its action, selects included). */}
      <div key={JSON.stringify(state.values)}>
        <input type="hidden" name="measureId" value={initial.measureId} />
        <input type="hidden" name="expectedVersion" value={initial.expectedVersion} />
        <div className="row">
          <div className="col-md-6">
            <InputField name="startsOn" type="date" label={labels.startsOn} hint={labels.datesHint} defaultValue={value("startsOn")} error={state.errors.startsOn} />
          </div>
          <div className="col-md-6">
            <InputField name="endsOn" type="date" label={labels.endsOn} defaultValue={value("endsOn")} error={state.errors.endsOn} />
          </div>
        </div>
        <InputField name="timing" label={labels.timing} hint={labels.timingHint} defaultValue={value("timing")} error={state.errors.timing} maxLength={200} />
        <InputField name="budget" label={labels.budget} hint={labels.budgetHint} defaultValue={value("budget")} error={state.errors.budget} inputMode="decimal" maxLength={40} />
        <ChoiceField name="fundingSource" label={labels.fundingSource} placeholder={labels.none} options={choices(fundingSources)} defaultValue={value("fundingSource")} error={state.errors.fundingSource} />
        <InputField name="fundingSourceOther" label={labels.fundingSourceOther} hint={labels.otherHint} defaultValue={value("fundingSourceOther")} error={state.errors.fundingSourceOther} maxLength={120} />
        <ChoiceField name="department" label={labels.department} placeholder={labels.none} options={choices(departments)} defaultValue={value("department")} error={state.errors.department} />
        <InputField name="departmentOther" label={labels.departmentOther} hint={labels.otherHint} defaultValue={value("departmentOther")} error={state.errors.departmentOther} maxLength={120} />
        <TextAreaField name="note" label={labels.note} hint={labels.noteHint} defaultValue={value("note")} error={state.errors.note} maxLength={2000} rows={4} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
