"use client";
import { ActionForm } from "@/components/forms/action-form";
import { ChoiceField, DateTimeField, InputField } from "@/components/forms/fields";
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
  return (
    <ActionForm action={action} initial={initial} errorSummary={labels.errorSummary} labels={{ ...labels }} submit={labels.submit}>
      {(state) => {
        const { values, errors } = state;
        return (
          <>
            <InputField name="title" label={labels.title} defaultValue={values.title} error={errors.title} maxLength={200} required />
            <InputField name="venue" label={labels.venue} hint={labels.venueHint} defaultValue={values.venue} error={errors.venue} maxLength={200} required />
            <ChoiceField name="venueKind" label={labels.venueKind} defaultValue={values.venueKind} error={errors.venueKind} options={venueKinds} required />
            <InputField name="address" label={labels.address} hint={labels.addressHint} defaultValue={values.address} error={errors.address} maxLength={300} />
            <DateTimeField name="startsAt" label={labels.startsAt} hint={labels.timeHint} state={state} required />
            <DateTimeField name="endsAt" label={labels.endsAt} hint={labels.timeHint} state={state} required />
            <InputField name="capacity" type="number" inputMode="numeric" min={1} step={1} label={labels.capacity} hint={labels.capacityHint} defaultValue={values.capacity} error={errors.capacity} />
            <ChoiceField name="registration" label={labels.registration} hint={labels.registrationHint} defaultValue={values.registration} error={errors.registration} options={registrationModes} required />
          </>
        );
      }}
    </ActionForm>
  );
}
