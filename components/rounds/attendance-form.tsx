"use client";
import { ActionForm } from "@/components/forms/action-form";
import { FieldError, InputField, describedBy } from "@/components/forms/fields";
import type { FormState } from "@/components/auth/form-state";

/**
 * The facilitators' attendance tick-off: a checkbox for each registered person (and each person
 * recorded before), and a field for the e-mail address of a stakeholder who came without
 * registering. Those who joined the live session are shown ticked and cannot be unticked here.
 * Works without JavaScript.
 */
export interface AttendanceFormLabels {
  errorSummary: string;
  legend: string;
  attended: string;
  none: string;
  notRegistered: string;
  live: string;
  email: string;
  emailHint: string;
  submit: string;
}

export interface AttendanceRow {
  userId: string;
  /** Display name and category, as shown. */
  label: string;
  registered: boolean;
  attended: boolean;
  live: boolean;
}

export function AttendanceForm({ action, labels, initial, people }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: AttendanceFormLabels;
  initial: FormState;
  people: AttendanceRow[];
}) {
  return (
    <ActionForm action={action} initial={initial} errorSummary={labels.errorSummary} labels={{ attended: labels.attended, email: labels.email }} submit={labels.submit}>
      {({ values, errors }) => {
        // After a refused save, the boxes keep what was ticked (sent back space-separated).
        const ticked = values.attended === undefined ? null : new Set(values.attended.split(" ").filter(Boolean));
        return (
          <>
            <fieldset className="mb-4" aria-describedby={describedBy("attended", undefined, errors.attended)}>
              <legend className="h6">{labels.legend}</legend>
              {people.length === 0 ? <p>{labels.none}</p> : null}
              {people.map((person, index) => {
                const id = index === 0 ? "attended" : `attended-${index}`;
                const note = person.live ? labels.live : person.registered ? null : labels.notRegistered;
                return (
                  <div className="form-check" key={person.userId}>
                    <input
                      className="form-check-input"
                      type="checkbox"
                      name="attended"
                      id={id}
                      value={person.userId}
                      defaultChecked={person.live || (ticked ? ticked.has(person.userId) : person.attended)}
                      disabled={person.live}
                      aria-describedby={note ? `${id}-note` : undefined}
                    />
                    <label className="form-check-label" htmlFor={id}>{person.label}</label>
                    {note ? <small id={`${id}-note`} className="form-text d-block">{note}</small> : null}
                  </div>
                );
              })}
              <FieldError id="attended" error={errors.attended} />
            </fieldset>
            <InputField name="email" type="email" autoComplete="off" label={labels.email} hint={labels.emailHint} defaultValue={values.email} error={errors.email} maxLength={254} />
          </>
        );
      }}
    </ActionForm>
  );
}
