/** Accessible Bootstrap Italia form fields of the rounds forms (no hooks: usable on server and client). */
import type { ReactNode } from "react";

type Common = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
};

const describedBy = (name: string, hint?: string, error?: string) => [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

function Feedback({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? <small id={`${name}-hint`} className="form-text d-block">{hint}</small> : null}
      {error ? <div id={`${name}-error`} className="invalid-feedback d-block">{error}</div> : null}
    </>
  );
}

export function InputField({ name, label, error, hint, defaultValue, required, type = "text", min, max, step, maxLength, inputMode }: Common & {
  type?: "text" | "number" | "datetime-local";
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  inputMode?: "numeric";
}) {
  return (
    <div className="form-group mb-4">
      <label htmlFor={name} className="active">{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        className={`form-control${error ? " is-invalid" : ""}`}
        autoComplete="off"
        defaultValue={defaultValue}
        required={required}
        min={min}
        max={max}
        step={step}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <Feedback name={name} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ name, label, error, hint, defaultValue, required, rows = 6, maxLength }: Common & { rows?: number; maxLength?: number }) {
  return (
    <div className="form-group mb-4">
      <label htmlFor={name} className="active">{label}</label>
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <Feedback name={name} hint={hint} error={error} />
    </div>
  );
}

export function ChoiceField({ name, label, error, hint, defaultValue, options, required }: Common & { options: { value: string; label: string }[] }) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <Feedback name={name} hint={hint} error={error} />
    </div>
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
