"use client";
import { useActionState } from "react";
import { ErrorSummary, FieldError, FormMessage, InputField, TextAreaField, describedBy } from "@/components/forms/fields";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

/**
 * The workbench's forms (edit a measure, add, retire, reorder, edit an axis, accept a proposal,
 * publish), described by data so that server pages can pass them: fields, the "why" (rationale and
 * link pickers: checkboxes, an "editorial change" mark) and the submit button. Ids are prefixed by
 * the form's id (several forms share a page); the error summary links to them. Works without JavaScript.
 */

export type DraftField =
  | { kind: "text" | "date"; name: string; label: string; hint?: string; defaultValue?: string; maxLength?: number; required?: boolean; inputMode?: "text" | "decimal" }
  | { kind: "textarea"; name: string; label: string; hint?: string; defaultValue?: string; maxLength?: number; rows?: number; required?: boolean }
  /** An order of items: one select per position, each defaulting to the item now there (sent as repeated `name`). */
  | { kind: "order"; name: string; legend: string; hint?: string; slotLabel: string; options: { value: string; label: string }[] }
  | { kind: "hidden"; name: string; value: string };

export interface LinkChoice {
  value: string;
  label: string;
}

export interface LinkPicker {
  legend: string;
  hint: string;
  groups: { name: "proposalIds" | "commentIds" | "swotEntryIds" | "voteResultsMeasureIds"; legend: string; empty: string; options: LinkChoice[]; checked?: string[] }[];
  /** The "editorial change" checkbox; absent where a link is implied (accepting a proposal). */
  editorial?: { label: string; hint: string };
}

export interface DraftFormLabels {
  errorSummary: string;
  submit: string;
  /** Shown above the button, with the button disabled (e.g. publishing while proposals are unanswered). */
  disabledReason?: string;
}

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function DraftForm({ id, action, fields, rationale, links, labels, danger }: {
  id: string;
  action: Action;
  fields: DraftField[];
  rationale?: { label: string; hint: string };
  links?: LinkPicker;
  labels: DraftFormLabels;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const fieldId = (name: string) => `${id}-${name}`;
  const value = (name: string, fallback?: string) => state.values[name] ?? fallback;
  const listValue = (name: string, fallback: string[] = []) => (state.values[name] !== undefined ? state.values[name].split(",").filter(Boolean) : fallback);
  const summaryLabels: Record<string, string> = {};
  for (const field of fields) if (field.kind !== "hidden") summaryLabels[fieldId(field.name)] = field.kind === "order" ? field.legend : field.label;
  if (rationale) summaryLabels[fieldId("rationale")] = rationale.label;
  if (links) {
    summaryLabels[fieldId("links")] = links.legend;
    for (const group of links.groups) summaryLabels[fieldId(group.name)] = group.legend;
  }
  const errors = Object.fromEntries(Object.entries(state.errors).map(([name, message]) => [name === "form" ? name : fieldId(name), message]));
  const disabled = labels.disabledReason !== undefined;

  return (
    <form action={formAction} noValidate id={id} aria-describedby={disabled ? `${id}-disabled` : undefined}>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={errors} labels={summaryLabels} />
      <fieldset disabled={disabled} className="border-0 p-0 m-0">
        {fields.map((field) => {
          switch (field.kind) {
            case "hidden":
              return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
            case "textarea":
              return <TextAreaField key={field.name} name={field.name} id={fieldId(field.name)} label={field.label} hint={field.hint} defaultValue={value(field.name, field.defaultValue)} maxLength={field.maxLength} rows={field.rows ?? 5} error={state.errors[field.name]} required={field.required} />;
            case "order":
              return <OrderField key={field.name} id={fieldId(field.name)} field={field} chosen={listValue(field.name)} error={state.errors[field.name]} />;
            default:
              return <InputField key={field.name} name={field.name} id={fieldId(field.name)} type={field.kind === "date" ? "date" : "text"} label={field.label} hint={field.hint} defaultValue={value(field.name, field.defaultValue)} maxLength={field.maxLength} inputMode={field.inputMode} error={state.errors[field.name]} required={field.required} />;
          }
        })}
        {rationale ? <TextAreaField name="rationale" id={fieldId("rationale")} label={rationale.label} hint={rationale.hint} defaultValue={value("rationale")} maxLength={2000} rows={3} error={state.errors.rationale} required /> : null}
        {links ? (
          <fieldset className="mb-4" id={fieldId("links")} tabIndex={-1} aria-describedby={describedBy(fieldId("links"), links.hint, state.errors.links)}>
            <legend className="h6">{links.legend}</legend>
            <small id={`${fieldId("links")}-hint`} className="form-text d-block mb-2">{links.hint}</small>
            {links.groups.map((group) => {
              const checked = new Set(listValue(group.name, group.checked));
              return (
                <fieldset key={group.name} className="mb-3" id={fieldId(group.name)} tabIndex={-1} aria-describedby={state.errors[group.name] ? `${fieldId(group.name)}-error` : undefined}>
                  <legend className="fw-semibold fs-6">{group.legend}</legend>
                  {group.options.length === 0 ? <p className="small mb-1">{group.empty}</p> : null}
                  {group.options.map((option) => {
                    const boxId = `${fieldId(group.name)}-${option.value}`;
                    return (
                      <div className="form-check" key={option.value}>
                        <input className="form-check-input" type="checkbox" name={group.name} id={boxId} value={option.value} defaultChecked={checked.has(option.value)} />
                        <label className="form-check-label" htmlFor={boxId}>{option.label}</label>
                      </div>
                    );
                  })}
                  <FieldError id={fieldId(group.name)} error={state.errors[group.name]} />
                </fieldset>
              );
            })}
            {links.editorial ? (
              <div className="form-check">
                <input className="form-check-input" type="checkbox" name="editorial" id={fieldId("editorial")} defaultChecked={state.values.editorial === "on"} aria-describedby={`${fieldId("editorial")}-hint`} />
                <label className="form-check-label" htmlFor={fieldId("editorial")}>{links.editorial.label}</label>
                <small id={`${fieldId("editorial")}-hint`} className="form-text d-block">{links.editorial.hint}</small>
              </div>
            ) : null}
            <FieldError id={fieldId("links")} error={state.errors.links} />
          </fieldset>
        ) : null}
      </fieldset>
      {disabled ? <p id={`${id}-disabled`} className="fw-semibold">{labels.disabledReason}</p> : null}
      <button type="submit" className={`btn ${danger ? "btn-outline-danger" : "btn-primary"}`} disabled={pending || disabled}>{labels.submit}</button>
    </form>
  );
}

function OrderField({ id, field, chosen, error }: { id: string; field: Extract<DraftField, { kind: "order" }>; chosen: string[]; error?: string }) {
  return (
    <fieldset className="mb-4" id={id} tabIndex={-1} aria-describedby={describedBy(id, field.hint, error)}>
      <legend className="h6">{field.legend}</legend>
      {field.hint ? <small id={`${id}-hint`} className="form-text d-block mb-2">{field.hint}</small> : null}
      {field.options.map((slot, index) => {
        const slotId = `${id}-${index + 1}`;
        return (
          <div className="select-wrapper mb-2" key={slot.value}>
            <label htmlFor={slotId}>{field.slotLabel.replace("{position}", String(index + 1))}</label>
            <select id={slotId} name={field.name} defaultValue={chosen[index] ?? slot.value}>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>{option.label}</option>
              ))}
            </select>
          </div>
        );
      })}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
