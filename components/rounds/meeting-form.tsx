"use client";
import { ChoiceField, ErrorSummary, FormMessage, InputField } from "@/components/forms/fields";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";

/** Schedules or edits a meeting (public assembly) of a round. Works without JavaScript. */
export interface MeetingFormLabels {
  errorSummary: string;
  title: string;
  venue: string;
  venueHint: string;
  venueKind: string;
  address: string;
  addressHint: string;
  startsAt: string;
  endsAt: string;
  timeHint: string;
  capacity: string;
  capacityHint: string;
  registration: string;
  registrationHint: string;
  submit: string;
}

export function MeetingForm({ action, labels, initial, venueKinds, registrationModes }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: MeetingFormLabels;
  initial: FormState;
  venueKinds: { value: string; label: string }[];
  registrationModes: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values, errors } = state;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={errors} labels={labels as unknown as Record<string, string>} />
      <InputField name="title" label={labels.title} defaultValue={values.title} error={errors.title} maxLength={200} required />
      <InputField name="venue" label={labels.venue} hint={labels.venueHint} defaultValue={values.venue} error={errors.venue} maxLength={200} required />
      <ChoiceField name="venueKind" label={labels.venueKind} defaultValue={values.venueKind} error={errors.venueKind} options={venueKinds} required />
      <InputField name="address" label={labels.address} hint={labels.addressHint} defaultValue={values.address} error={errors.address} maxLength={300} />
      <InputField name="startsAt" type="datetime-local" label={labels.startsAt} hint={labels.timeHint} defaultValue={values.startsAt} error={errors.startsAt} required />
      <InputField name="endsAt" type="datetime-local" label={labels.endsAt} hint={labels.timeHint} defaultValue={values.endsAt} error={errors.endsAt} required />
      <InputField name="capacity" type="number" inputMode="numeric" min={1} step={1} label={labels.capacity} hint={labels.capacityHint} defaultValue={values.capacity} error={errors.capacity} />
      <ChoiceField name="registration" label={labels.registration} hint={labels.registrationHint} defaultValue={values.registration} error={errors.registration} options={registrationModes} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
