"use client";
import { useActionState, useEffect } from "react";
import type { FormState } from "@/components/auth/form-state";
import { ChoiceField, ErrorSummary, FormMessage, InputField } from "@/components/forms/fields";
import type { GuestLabels } from "./live-labels";

/**
 * "Take part as a guest in the room": the name the facilitators see and the stakeholder category
 * the votes count under. A plain form posting to a server action (works without JavaScript); a
 * refusal shows the error summary, linked to the fields, and takes the focus.
 */
export function LiveGuestRequestForm({ action, labels }: { action: (state: FormState, data: FormData) => Promise<FormState>; labels: GuestLabels }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });

  useEffect(() => {
    if (Object.keys(state.errors).length > 0) document.getElementById("error-summary")?.focus();
  }, [state]);

  return (
    <form action={formAction} noValidate id="guest-request-form">
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ displayName: labels.displayName, category: labels.category }} />
      <InputField name="displayName" label={labels.displayName} hint={labels.displayNameHint} defaultValue={state.values.displayName} error={state.errors.displayName} autoComplete="name" maxLength={60} required />
      <ChoiceField
        name="category"
        label={labels.category}
        hint={labels.categoryHint}
        placeholder={labels.categoryPlaceholder}
        placeholderDisabled
        options={labels.categories}
        defaultValue={state.values.category}
        error={state.errors.category}
        required
      />
      <button type="submit" className="btn btn-primary btn-lg" id="guest-request-submit" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
