/**
 * CSV (RFC 4180): comma-separated fields, CRLF line ends, UTF-8. A field is quoted when it holds a
 * comma, a double quote, CR or LF, with its quotes doubled.
 *
 * Formula neutralisation (CSV injection): spreadsheets run a cell that starts with =, +, -, @, tab
 * or CR as a formula. A TEXT cell starting with one of those is prefixed with a single quote ('),
 * which spreadsheets show as text. Numbers are written as numbers (a negative number stays one).
 */
export type CsvValue = string | number | bigint | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One field, neutralised and quoted as needed. null/undefined → empty field. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending with CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
