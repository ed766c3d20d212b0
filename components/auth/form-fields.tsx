/** Accessible Bootstrap Italia form pieces shared by the account forms (no hooks: usable anywhere). */
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

type InputProps = {
  name: string;
  /** Defaults to name; differs when two forms on a page share a field name. */
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  defaultValue?: string;
  required?: boolean;
};

export function TextField({ name, id = name, label, error, hint, type = "text", autoComplete, defaultValue, required }: InputProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? <small id={`${id}-hint`} className="form-text">{hint}</small> : null}
      {error ? <div id={`${id}-error`} className="invalid-feedback d-block">{error}</div> : null}
    </div>
  );
}

export function SelectField({ name, label, error, options, defaultValue, placeholder, autoComplete }: {
  name: string;
  label: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
  autoComplete?: string;
}) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} required autoComplete={autoComplete} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {placeholder ? <option value="" disabled>{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {error ? <div id={`${name}-error`} className="invalid-feedback d-block">{error}</div> : null}
    </div>
  );
}
