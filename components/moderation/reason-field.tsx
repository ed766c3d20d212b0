/** A labelled textarea with its hint and error tied to it (aria-describedby), Bootstrap Italia style. */
export function ReasonField({ id, name = "reason", label, hint, error, maxLength, defaultValue, rows = 4 }: {
  id: string;
  name?: string;
  label: string;
  hint: string;
  error?: string;
  maxLength: number;
  defaultValue?: string;
  rows?: number;
}) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="form-group mt-4 mb-3">
      <label htmlFor={id} className="active">{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`form-control${error ? " is-invalid" : ""}`}
        maxLength={maxLength}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <small id={`${id}-hint`} className="form-text">{hint}</small>
      {error ? <div id={`${id}-error`} className="invalid-feedback d-block">{error}</div> : null}
    </div>
  );
}
