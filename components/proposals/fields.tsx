/** Accessible Bootstrap Italia fields for the contribution forms (no hooks: usable on server and client). */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <div id={`${id}-error`} className="invalid-feedback d-block">{error}</div> : null;
}

export function TextAreaField({ name, label, hint, error, defaultValue, rows = 6, maxLength, required }: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <div className="form-group mb-4">
      <label htmlFor={name} className="active">{label}</label>
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      {hint ? <small id={`${name}-hint`} className="form-text">{hint}</small> : null}
      <FieldError id={name} error={error} />
    </div>
  );
}

export function InputField({ name, label, hint, error, defaultValue, maxLength, required, inputMode }: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: "text" | "decimal";
}) {
  return (
    <div className="form-group mb-4">
      <label htmlFor={name} className="active">{label}</label>
      <input
        id={name}
        name={name}
        type="text"
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required={required}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      {hint ? <small id={`${name}-hint`} className="form-text">{hint}</small> : null}
      <FieldError id={name} error={error} />
    </div>
  );
}

export function ChoiceField({ name, label, hint, error, options, defaultValue, placeholder, required }: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {hint ? <small id={`${name}-hint`} className="form-text">{hint}</small> : null}
      <FieldError id={name} error={error} />
    </div>
  );
}
