"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage } from "./form-fields";
import { ProfileFields, type ProfileFormProps } from "./profile-fields";

export function ProfileForm({ action, labels, profileLabels, initial }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(action, initial);
  const saved = state !== initial && Object.keys(state.errors).length === 0 && !state.message;
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      {saved ? <FormMessage message={labels.saved} kind="success" /> : null}
      <ErrorSummary title={labels.errorSummary ?? ""} errors={state.errors} labels={labels} />
      <ProfileFields labels={profileLabels} state={state} />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.save}</button>
    </form>
  );
}
