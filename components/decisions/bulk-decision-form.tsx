"use client";
import { useActionState, useEffect } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ScrollableTable } from "@/components/layout/scrollable-table";
import { ChoiceField, ErrorSummary, FormMessage, InputField, TextAreaField } from "@/components/forms/fields";
import type { ChoiceOption } from "./choice";

export interface ReviewRow {
  id: string;
  code: string;
  excerpt: string;
  /** The current decision, one line per field ("Budget: 125.000,00 €"). */
  fields: string[];
  /** "Version 2, 3 March 2027, Anna Rossi", or the "not decided" line. */
  decided: string;
  badges: string[];
  feedback: string;
  proposals: number;
  href: string;
}

export interface ReviewAxis {
  id: string;
  heading: string;
  tableLabel: string;
  rows: ReviewRow[];
}

export interface BulkLabels {
  title: string;
  intro: string;
  columns: { select: string; code: string; text: string; fields: string; feedback: string; proposals: string };
  selectMeasure: string;
  openMeasure: string;
  keep: string;
  other: string;
  fundingSource: string;
  fundingSourceOther: string;
  department: string;
  departmentOther: string;
  otherHint: string;
  note: string;
  noteHint: string;
  submit: string;
  errorSummary: string;
  measures: string;
}

const fill = (template: string, code: string) => template.replace("{code}", code);

/**
 * The review's tables by axis; when the revision is editable, each measure has a checkbox ("Select
 * measure 3.12") and below the tables the bulk answer: a department, a funding source (from the
 * lists or "other") and/or a note applied to every selected measure. Errors take the focus.
 * Works without JavaScript.
 */
export function BulkDecisionForm({ action, axes, labels, fundingSources, departments }: {
  action: ((state: FormState, data: FormData) => Promise<FormState>) | null;
  axes: ReviewAxis[];
  labels: BulkLabels;
  fundingSources: ChoiceOption[];
  departments: ChoiceOption[];
}) {
  const [state, formAction, pending] = useActionState(action ?? (async (current: FormState) => current), emptyFormState);
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) document.getElementById("error-summary")?.focus();
    else if (state.message) document.getElementById("bulk-message")?.focus();
  }, [state]);
  const selected = new Set((state.values.measureIds ?? "").split(",").filter(Boolean));
  const choices = (options: ChoiceOption[]) => [...options, { value: "other", label: labels.other }];
  const editable = action !== null;

  const tables = axes.map((axis) => (
    <section key={axis.id} className="my-4" aria-labelledby={`asse-${axis.id}`}>
      <h2 id={`asse-${axis.id}`} className="h4">{axis.heading}</h2>
      <ScrollableTable label={axis.tableLabel}>
        <table className="table table-sm align-top">
          <caption className="visually-hidden">{axis.tableLabel}</caption>
          <thead>
            <tr>
              {editable ? <th scope="col">{labels.columns.select}</th> : null}
              <th scope="col">{labels.columns.code}</th>
              <th scope="col">{labels.columns.text}</th>
              <th scope="col">{labels.columns.fields}</th>
              <th scope="col">{labels.columns.feedback}</th>
              <th scope="col">{labels.columns.proposals}</th>
            </tr>
          </thead>
          <tbody>
            {axis.rows.map((row) => (
              <tr key={row.id}>
                {editable ? (
                  <td>
                    <input className="form-check-input position-static ms-0" type="checkbox" name="measureIds" value={row.id} id={`seleziona-${row.code}`} defaultChecked={selected.has(row.id)} aria-label={fill(labels.selectMeasure, row.code)} />
                  </td>
                ) : null}
                <th scope="row">
                  <a href={row.href} aria-label={fill(labels.openMeasure, row.code)}>{row.code}</a>
                </th>
                <td lang="it">{row.excerpt}</td>
                <td>
                  <ul className="list-unstyled mb-1 small">
                    {row.fields.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  <p className="small mb-0">{row.decided}</p>
                  {row.badges.map((badge) => (
                    <span key={badge} className="badge bg-secondary me-1">{badge}</span>
                  ))}
                </td>
                <td className="small">{row.feedback}</td>
                <td>{row.proposals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  ));

  if (!editable) return <>{tables}</>;
  return (
    <form action={formAction} noValidate id="bulk-form">
      <div id="bulk-message" tabIndex={-1}>
        <FormMessage message={state.message} kind="danger" />
      </div>
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ measureIds: labels.measures, fundingSource: labels.fundingSource, fundingSourceOther: labels.fundingSourceOther, department: labels.department, departmentOther: labels.departmentOther, note: labels.note }} />
      {/* Keyed by the answer: after a refusal the fields mount again with what was sent (React resets a form after its action). */}
      <div id="measureIds" tabIndex={-1} key={JSON.stringify(state.values)}>
        {tables}
      </div>
      <fieldset className="my-4 p-3 border" key={`fields-${JSON.stringify(state.values)}`}>
        <legend className="h3 px-2 w-auto float-none">{labels.title}</legend>
        <p>{labels.intro}</p>
        <ChoiceField name="department" label={labels.department} placeholder={labels.keep} options={choices(departments)} defaultValue={state.values.department} error={state.errors.department} />
        <InputField name="departmentOther" label={labels.departmentOther} hint={labels.otherHint} defaultValue={state.values.departmentOther} error={state.errors.departmentOther} maxLength={120} />
        <ChoiceField name="fundingSource" label={labels.fundingSource} placeholder={labels.keep} options={choices(fundingSources)} defaultValue={state.values.fundingSource} error={state.errors.fundingSource} />
        <InputField name="fundingSourceOther" label={labels.fundingSourceOther} hint={labels.otherHint} defaultValue={state.values.fundingSourceOther} error={state.errors.fundingSourceOther} maxLength={120} />
        <TextAreaField name="note" label={labels.note} hint={labels.noteHint} defaultValue={state.values.note} error={state.errors.note} maxLength={2000} rows={3} />
        <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
      </fieldset>
    </form>
  );
}
