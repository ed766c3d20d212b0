"use client";
import { useActionState } from "react";
import type { FormState } from "@/components/auth/form-state";
import { FormMessage } from "@/components/forms/fields";

/** "Start the live session": one button, a plain form (works without JavaScript); a refusal is shown above it. */
export function StartLiveForm({ action, submit }: { action: (state: FormState, data: FormData) => Promise<FormState>; submit: string }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });
  return (
    <form action={formAction}>
      <FormMessage message={state.message} kind="danger" />
      <button type="submit" className="btn btn-primary btn-lg" id="live-start" disabled={pending}>{submit}</button>
    </form>
  );
}
