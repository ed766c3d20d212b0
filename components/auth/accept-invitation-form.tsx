"use client";
import { useActionState } from "react";
import { ErrorSummary, FormMessage } from "./form-fields";
import { NewAccountFields, type ProfileFormProps } from "./profile-fields";

/**
 * Accepting a staff invitation. Without an account: profile and password (the address is the invited
 * one, shown, not editable). With an account already signed in: just the confirming button.
 */
export function AcceptInvitationForm({ action, token, email, newAccount, labels, profileLabels, initial }: ProfileFormProps & {
  token: string;
  email: string;
  newAccount: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={labels.errorSummary ?? ""} errors={state.errors} labels={labels} />
      {newAccount && (
        <>
          {/* The username for password managers; not submitted as a field of its own. */}
          <div className="form-group mb-4">
            <label htmlFor="invited-email" className="active">{labels.email}</label>
            <input id="invited-email" type="email" className="form-control" value={email} autoComplete="username" readOnly />
          </div>
          <NewAccountFields labels={labels} profileLabels={profileLabels} state={state} />
        </>
      )}
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}
