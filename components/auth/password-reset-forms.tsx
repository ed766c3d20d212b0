"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "./form-fields";
import { type FormState, emptyFormState } from "./form-state";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** "Forgot password": one field, so its error shows on the field and in the message. */
export function ForgotPasswordForm({ action, labels }: { action: Action; labels: { email: string; submit: string } }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message ?? state.errors.email} kind="danger" />
      <TextField name="email" type="email" label={labels.email} autoComplete="email" defaultValue={state.values.email} error={state.errors.email} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}

/** The new password, with the token of the mailed link. */
export function NewPasswordForm({ action, token, labels }: { action: Action; token: string; labels: { password: string; passwordHint: string; submit: string } }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message ?? state.errors.password} kind="danger" />
      <TextField name="password" type="password" label={labels.password} hint={labels.passwordHint} autoComplete="new-password" error={state.errors.password} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
