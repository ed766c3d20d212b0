"use client";
import { FormMessage } from "@/components/forms/fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";
import { ReasonField } from "./reason-field";

/**
 * Hide one contribution of the moderation queue with a public reason. Each entry has its own form
 * and field id; an error shows beside the field and is announced (works without JavaScript too).
 */
export function HideForm({ action, fieldId, labels, maxLength }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fieldId: string;
  labels: { reason: string; hint: string; submit: string; context: string };
  maxLength: number;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const error = state.errors.reason;
  return (
    <form action={formAction} noValidate className="mb-3">
      <FormMessage message={state.message} kind="danger" />
      {error ? <p className="visually-hidden" role="alert">{error}</p> : null}
      <ReasonField id={fieldId} label={labels.reason} hint={labels.hint} error={error} maxLength={maxLength} defaultValue={state.values.reason} rows={2} />
      <button type="submit" className="btn btn-danger btn-sm" disabled={pending}>
        {labels.submit}<span className="visually-hidden"> ({labels.context})</span>
      </button>
    </form>
  );
}
