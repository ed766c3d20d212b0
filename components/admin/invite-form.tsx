"use client";
import { ErrorSummary, FormMessage } from "@/components/forms/fields";
import { SelectField, TextField } from "@/components/auth/form-fields";
import { useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

/** The admin's "invite a staff member" form: email and role. */
export function InviteForm({ action, labels, roles }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  labels: { errorSummary: string; email: string; emailHint: string; role: string; rolePlaceholder: string; submit: string };
  roles: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary} errors={state.errors} labels={{ email: labels.email, role: labels.role }} />
      <TextField name="email" type="email" label={labels.email} hint={labels.emailHint} autoComplete="off" defaultValue={state.values.email} error={state.errors.email} required />
      <SelectField name="role" label={labels.role} placeholder={labels.rolePlaceholder} options={roles} defaultValue={state.values.role} error={state.errors.role} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
