"use client";
import { type ReactNode, useActionState } from "react";
import { type FormState, emptyFormState } from "@/components/auth/form-state";

/**
 * The participation forms (vote, comment, reply, edit). Server actions with useActionState: they
 * work without JavaScript (the server answers the page with the form's state), errors appear next
 * to the form in the visitor's language, linked from a summary, and the text typed stays in the form.
 */
type Action = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * `blocked`: what to show instead of the form when the visitor cannot write now (round closed…).
 * The form still exists, so that a submission refused because the round closed meanwhile comes back,
 * even without JavaScript (the server renders the page again), with its message and the typed text.
 */
const submitted = (state: FormState) => Boolean(state.message) || Object.keys(state.errors).length > 0 || Object.keys(state.values).length > 0;

function Problems({ state, title, anchors, labels }: { state: FormState; title: string; anchors: Record<string, string>; labels: Record<string, string> }) {
  const fields = Object.entries(state.errors);
  if (!state.message && fields.length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert">
      <p className="fw-bold mb-2">{title}</p>
      {state.message ? <p className="mb-0">{state.message}</p> : null}
      {fields.length > 0 ? (
        <ul className="mb-0">
          {fields.map(([field, message]) => (
            <li key={field}>{anchors[field] ? <a href={`#${anchors[field]}`}>{labels[field] ?? field}: {message}</a> : `${labels[field] ?? field}: ${message}`}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface VoteFormLabels {
  legend: string;
  choices: { value: string; label: string }[];
  priority: string;
  priorityHint: string;
  priorities: { value: string; label: string }[];
  submit: string;
  errorSummary: string;
}

export function VoteForm({ action, labels, initial, blocked }: { action: Action; labels: VoteFormLabels; initial: { choice?: string; priority?: string }; blocked?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  if (blocked !== undefined && !submitted(state)) return <>{blocked}</>;
  const choice = state.values.choice ?? initial.choice ?? "";
  const priority = state.values.priority ?? initial.priority ?? "";
  const firstChoiceId = `vote-choice-${labels.choices[0]?.value ?? ""}`;
  return (
    <form action={formAction} noValidate className="mt-3" aria-describedby={state.message || Object.keys(state.errors).length ? "vote-problems" : undefined}>
      <div id="vote-problems">
        <Problems state={state} title={labels.errorSummary} anchors={{ choice: firstChoiceId, priority: "vote-priority" }} labels={{ choice: labels.legend, priority: labels.priority }} />
      </div>
      <fieldset className="mb-3" aria-describedby={state.errors.choice ? "vote-choice-error" : undefined}>
        <legend className="h6">{labels.legend}</legend>
        {labels.choices.map((option) => (
          <div className="form-check form-check-inline" key={`${option.value}-${choice}`}>
            <input className="form-check-input" type="radio" name="choice" id={`vote-choice-${option.value}`} value={option.value} defaultChecked={choice === option.value} />
            <label className="form-check-label" htmlFor={`vote-choice-${option.value}`}>{option.label}</label>
          </div>
        ))}
        {state.errors.choice ? <div id="vote-choice-error" className="invalid-feedback d-block">{state.errors.choice}</div> : null}
      </fieldset>
      <div className="select-wrapper mb-3">
        <label htmlFor="vote-priority">{labels.priority}</label>
        <select id="vote-priority" name="priority" key={priority} defaultValue={priority} aria-describedby={`vote-priority-hint${state.errors.priority ? " vote-priority-error" : ""}`} aria-invalid={state.errors.priority ? true : undefined}>
          {labels.priorities.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
        <small id="vote-priority-hint" className="form-text">{labels.priorityHint}</small>
        {state.errors.priority ? <div id="vote-priority-error" className="invalid-feedback d-block">{state.errors.priority}</div> : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>{labels.submit}</button>
    </form>
  );
}

export interface CommentFormLabels {
  body: string;
  hint: string;
  submit: string;
  errorSummary: string;
}

/**
 * `summary`: the form is folded in a <details> with that summary (reply, edit), unfolded when it has something to say.
 * `submissionId` (new comments and replies): the id this rendering of the form posts with, made by
 * the server for each rendering (a new one after each success, which redirects and renders again);
 * the same form sent twice — a double submission, a re-post after a timeout — is stored once.
 */
export function CommentForm({ action, idPrefix, labels, defaultBody = "", maxLength, summary, blocked, submissionId }: { action: Action; idPrefix: string; labels: CommentFormLabels; defaultBody?: string; maxLength: number; summary?: string; blocked?: ReactNode; submissionId?: string }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  if (blocked !== undefined && !submitted(state)) return <>{blocked}</>;
  const id = `${idPrefix}-body`;
  const body = state.values.body ?? defaultBody;
  const error = state.errors.body;
  const other = { ...state, errors: Object.fromEntries(Object.entries(state.errors).filter(([field]) => field !== "body")) };
  const form = (
    <form action={formAction} noValidate className="mt-2 mb-3">
      <Problems state={other} title={labels.errorSummary} anchors={{}} labels={{}} />
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <div className="form-group mb-3">
        <label htmlFor={id} className="active">{labels.body}</label>
        <textarea
          id={id}
          name="body"
          key={body}
          className={`form-control${error ? " is-invalid" : ""}`}
          rows={4}
          maxLength={maxLength}
          required
          defaultValue={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <small id={`${id}-hint`} className="form-text">{labels.hint}</small>
        {error ? <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">{error}</div> : null}
      </div>
      <button type="submit" className="btn btn-primary btn-sm" disabled={pending}>{labels.submit}</button>
    </form>
  );
  if (!summary) return form;
  const problem = Boolean(state.message) || Object.keys(state.errors).length > 0;
  return (
    <details className="consulta-comment-form mb-2" open={problem ? true : undefined}>
      <summary className="btn btn-link btn-sm p-0">{summary}</summary>
      {form}
    </details>
  );
}
