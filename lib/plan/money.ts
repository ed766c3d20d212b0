/**
 * Euro amounts as written by people in Italian documents, to integer cents.
 *
 * Accepted (currency marker € / EUR / euro optional, before or after):
 *   Italian   125.000,50   1.200   1.200.000   0,50   1200,5   1 200,00
 *   decimal point with 1–2 decimals and no grouping: 0.00 (the seed template), 12.5
 *   English grouping only together with decimals: 1,200.50
 * Rejected as ambiguous or malformed: 1,200 (Italian 1.2 or English 1200?),
 *   1,200,000, 1.200.50, 1.2.3, 12,345 6, -5, 1e3, anything with other text.
 * The last separator is the decimal one when 1–2 digits follow it; every other
 * separator must group exactly three digits, and groups use a single character.
 */

export const MAX_EURO_CENTS = 10n ** 13n; // 100 billion euro: far above any local plan, far below bigint limits

export class InvalidEuroAmountError extends Error {
  constructor(readonly input: string) {
    super(`Invalid euro amount: ${JSON.stringify(input)}`);
    this.name = "InvalidEuroAmountError";
  }
}

const currencyMarker = /^(?:€|euro|eur)\s*|\s*(?:€|euro|eur)$/gi;
const spaces = /[\s\u00a0\u202f]/g;

/** Parses a euro amount to cents; throws InvalidEuroAmountError when it is not one. */
export function parseEuroAmountToCents(input: string): bigint {
  const number = stripCurrency(input);
  const { integer, fraction } = splitDecimal(number, input);
  const digits = ungroup(integer, number, input);
  const cents = BigInt(digits) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (cents > MAX_EURO_CENTS) throw new InvalidEuroAmountError(input);
  return cents;
}

function stripCurrency(input: string): string {
  const trimmed = input.trim();
  const markers = trimmed.match(currencyMarker) ?? [];
  const bare = trimmed.replace(currencyMarker, "").trim();
  if (markers.length > 1 || !/^\d[\d.,\s\u00a0\u202f]*$/.test(bare) || !/\d$/.test(bare)) {
    throw new InvalidEuroAmountError(input);
  }
  return bare;
}

/** Finds the decimal separator: the last '.' or ',' when one or two digits follow it. */
function splitDecimal(number: string, input: string): { integer: string; fraction: string } {
  const last = Math.max(number.lastIndexOf("."), number.lastIndexOf(","));
  const fraction = last >= 0 ? number.slice(last + 1) : "";
  if (last < 0 || !/^\d{1,2}$/.test(fraction)) return { integer: number, fraction: "" };
  const integer = number.slice(0, last);
  const separator = number[last];
  // Grouping must use a different character from the decimal separator ("1.200.50" is malformed).
  if (separator !== undefined && integer.includes(separator)) throw new InvalidEuroAmountError(input);
  return { integer, fraction };
}

/** Removes thousands grouping, checking it is consistent; returns the plain digits. */
function ungroup(integer: string, number: string, input: string): string {
  const separators = new Set(integer.replace(/\d/g, "").replace(spaces, " "));
  if (separators.size === 0) return integer;
  const [separator] = [...separators];
  if (separators.size > 1 || separator === undefined) throw new InvalidEuroAmountError(input);
  // A comma groups thousands only in the English form with decimals ("1,200.50"):
  // without decimals "1,200" could be 1.2 € in Italian.
  if (separator === "," && !number.includes(".")) throw new InvalidEuroAmountError(input);
  const groups = integer.replace(spaces, " ").split(separator);
  const [first, ...rest] = groups;
  const wellGrouped = /^\d{1,3}$/.test(first ?? "") && rest.every((group) => /^\d{3}$/.test(group));
  if (!wellGrouped) throw new InvalidEuroAmountError(input);
  return groups.join("");
}
