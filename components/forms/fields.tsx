/**
 * Accessible Bootstrap Italia form pieces shared by every form (no hooks: usable on server and client).
 * Each field ties its hint and error to the control (aria-describedby, aria-invalid); the error
 * summary links to the fields by id.
 */
import type { ReactNode } from "react";

export type FieldErrors = Record<string, string>;

export function ErrorSummary({ title, errors, labels }: { title: string; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).filter(([field]) => field !== "form");
  if (entries.length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1} id="error-summary">
      <p className="fw-bold mb-2">{title}</p>
      <ul className="mb-0">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{labels[field] ?? field}: {message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FormMessage({ message, kind }: { message?: string; kind: "danger" | "success" | "info" }) {
  if (!message) return null;
  return (
    <div className={`alert alert-${kind}`} role={kind === "danger" ? "alert" : "status"}>
      {message}
    </div>
  );
}

/** The ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <div id={`${id}-error`} className="invalid-feedback d-block">{error}</div> : null;
}

function FieldFeedback({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? <small id={`${id}-hint`} className="form-text d-block">{hint}</small> : null}
      <FieldError id={id} error={error} />
    </>
  );
}

type Common = {
  name: string;
  /** Defaults to name; differs when two forms on a page share a field name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  required?: boolean;
};

export function InputField({ name, id = name, label, hint, error, defaultValue, required, type = "text", autoComplete = "off", min, max, step, maxLength, inputMode }: Common & {
  type?: string;
  autoComplete?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  inputMode?: "text" | "decimal" | "numeric";
}) {
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        className={`form-control${error ? " is-invalid" : ""}`}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        min={min}
        max={max}
        step={step}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldFeedback id={id} hint={hint} error={error} />
    </div>
  );
}

/** A date and time field ("2027-03-15T18:00"), its value and error taken from the form's state. */
export function DateTimeField({ name, label, hint, state, required }: { name: string; label: string; hint?: string; state: { values: Record<string, string>; errors: FieldErrors }; required?: boolean }) {
  return <InputField name={name} type="datetime-local" label={label} hint={hint} defaultValue={state.values[name]} error={state.errors[name]} required={required} />;
}

export function TextAreaField({ name, id = name, label, hint, error, defaultValue, required, rows = 6, maxLength, className = "form-group mb-4" }: Common & {
  rows?: number;
  maxLength?: number;
  /** The wrapper's classes. */
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="active">{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldFeedback id={id} hint={hint} error={error} />
    </div>
  );
}

export function ChoiceField({ name, label, hint, error, options, defaultValue, placeholder, placeholderDisabled, required, autoComplete }: Common & {
  options: { value: string; label: string }[];
  /** A first option with an empty value (e.g. "none"); disabled when it only prompts a choice. */
  placeholder?: string;
  placeholderDisabled?: boolean;
  autoComplete?: string;
}) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} required={required} autoComplete={autoComplete} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        {placeholder !== undefined ? <option value="" disabled={placeholderDisabled}>{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <FieldFeedback id={name} hint={hint} error={error} />
    </div>
  );
}

/**
 * Radio buttons in a fieldset with a legend. The first button has the field's id (the error
 * summary links to it); an option's hint is tied to its own button.
 */
export function RadioGroupField({ name, legend, options, checked, error }: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  checked?: string;
  error?: string;
}) {
  return (
    <fieldset className="mb-4" aria-describedby={describedBy(name, undefined, error)}>
      <legend className="h6">{legend}</legend>
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div className="form-check" key={option.value}>
            <input className="form-check-input" type="radio" name={name} id={id} value={option.value} defaultChecked={checked === option.value} aria-describedby={option.hint ? `${id}-hint` : undefined} />
            <label className="form-check-label" htmlFor={id}>{option.label}</label>
            {option.hint ? <small id={`${id}-hint`} className="form-text d-block">{option.hint}</small> : null}
          </div>
        );
      })}
      <FieldError id={name} error={error} />
    </fieldset>
  );
}

/** A read-only value shown in a form, next to the fields that can change. */
export function FixedValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      <p className="fw-semibold mb-1">{label}</p>
      <p className="mb-0">{children}</p>
    </div>
  );
}
