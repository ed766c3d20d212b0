import type { Locale } from "@/lib/i18n/locales";
import { formatMean, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure, ChartSvg, ChartTableContent, type ChartTone, RowLabel, barArea, chartLayout, patternFill } from "./chart-parts";

/**
 * BarChart — one horizontal bar per row, one value each (e.g. mean priority of each measure, or counts of
 * comments), rendered on the server as SVG: no client JavaScript, readable without it.
 *
 * Props:
 * - id: string — unique on the page (prefix of the SVG's ids).
 * - title: string — the figure's caption and the SVG's <title>.
 * - description?: string — the SVG's <desc>; default: "Label: value; …" for every row.
 * - rows: Array<{ key: string; label: string; value: number | null; text?: string }> — in display order; null = no value (shown as "no data");
 *   `text`, when given, is how the value is written (e.g. an exact euro amount) instead of `format`.
 * - valueHeader: string — header of the data table's value column (e.g. "Mean priority"); rowHeader: its first column.
 * - format?: "integer" | "decimal" | "percent" — how values are written (default "integer"; "decimal" = one decimal;
 *   "percent" = value is a share 0–1, written as a whole percent).
 * - max?: number — the value of a full-width bar (default: the largest value; e.g. 5 for a priority 1–5, 1 for shares).
 * - tone?: "support" | "oppose" | "abstain" | "neutral" — bar colour (default "neutral", blue).
 * - locale, t — number formatting and the fixed strings under `charts.*`.
 * - collapsibleTable?: boolean — data table inside <details> (default false).
 *
 * Accessibility: <figure>/<figcaption>; SVG role="img" with <title>/<desc>; each bar's value is written as text
 * next to it; the data table (caption, th scope) repeats every value.
 */
export interface BarRow {
  key: string;
  label: string;
  value: number | null;
  /** How the value is written, when `format` cannot say it (e.g. an exact euro amount); the bar still uses `value`. */
  text?: string;
}

export type BarFormat = "integer" | "decimal" | "percent";

export interface BarChartProps {
  id: string;
  title: string;
  description?: string;
  rows: BarRow[];
  rowHeader: string;
  valueHeader: string;
  format?: BarFormat;
  max?: number;
  tone?: ChartTone;
  locale: Locale;
  t: Translate;
  collapsibleTable?: boolean;
}

const { labelWidth, top } = chartLayout;
const rowHeight = 26;
const barHeight = 18;

export function formatChartValue(value: number | null, format: BarFormat, locale: Locale, t: Translate): string {
  if (value === null) return t("charts.noData");
  if (format === "decimal") return formatMean(value, locale, t("charts.noData"));
  if (format === "percent") return `${formatNumber(Math.round(value * 100), locale)}%`;
  return formatNumber(value, locale);
}

export function BarChart({ id, title, description, rows, rowHeader, valueHeader, format = "integer", max, tone = "neutral", locale, t, collapsibleTable = false }: BarChartProps) {
  const scale = max ?? Math.max(0, ...rows.map((row) => row.value ?? 0));
  const text = (row: BarRow) => row.text ?? formatChartValue(row.value, format, locale, t);
  const summary = description ?? rows.map((row) => `${row.label}: ${text(row)}`).join("; ");
  // Long value texts (exact euro amounts) get room after the longest bar: ~7 px per character at 12 px.
  const longestText = Math.max(0, ...rows.map((row) => text(row).length));
  const area = Math.min(barArea, chartLayout.width - labelWidth - longestText * 7 - 8);

  return (
    <ChartFigure
      id={id}
      title={title}
      tableTitle={t("charts.tableCaption", { title })}
      collapsibleTable={collapsibleTable}
      t={t}
      svg={
        <ChartSvg id={id} title={title} summary={summary} rowCount={rows.length} rowHeight={rowHeight} t={t}>
          {rows.map((row, index) => {
            const y = top + index * rowHeight;
            const w = row.value !== null && scale > 0 ? Math.max(0, Math.min(1, row.value / scale)) * area : 0;
            return (
              <g key={row.key}>
                <RowLabel y={y} barHeight={barHeight} label={row.label} />
                <line x1={labelWidth} x2={labelWidth} y1={y - 3} y2={y + barHeight + 3} stroke="#5c6f82" strokeWidth="1" />
                {w > 0 ? <rect x={labelWidth} y={y} width={w} height={barHeight} fill={patternFill(id, tone)} /> : null}
                <text x={labelWidth + w + 6} y={y + barHeight / 2 + 5} fontSize="12" fill="#1a1a1a">{text(row)}</text>
              </g>
            );
          })}
        </ChartSvg>
      }
      table={
        <ChartTableContent
          rowHeader={rowHeader}
          headers={[{ key: "value", label: valueHeader }]}
          rows={rows.map((row) => ({ key: row.key, label: row.label, cells: <td className="text-end">{text(row)}</td> }))}
        />
      }
    />
  );
}
