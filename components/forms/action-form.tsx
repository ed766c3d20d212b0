"use client";
import type { ReactNode } from "react";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";
import { ErrorSummary, FormMessage } from "./fields";

/**
 * A form posting to a server action that answers a FormState: the action's message, the error
 * summary linking to the fields, the fields (given the state: values sent back, errors) and the
 * submit button, disabled while sending. Works without JavaScript.
 */
export function ActionForm({ action, initial, errorSummary, labels, submit, children }: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial: FormState;
  /** The error summary's title. */
  errorSummary: string;
  /** Field name → label, for the error summary's links. */
  labels: Record<string, string>;
  submit: string;
  children: (state: FormState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} noValidate>
      <FormMessage message={state.message} kind="danger" />
      <ErrorSummary title={errorSummary} errors={state.errors} labels={labels} />
      {children(state)}
      <button type="submit" className="btn btn-primary" disabled={pending}>{submit}</button>
    </form>
  );
}
