import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure, ChartPatterns, type ChartTone, Swatch, chartStyles, fitLabel, patternFill } from "./chart-parts";

/**
 * StackedBarChart — a horizontal stacked bar per row (e.g. support / oppose / abstain of a measure),
 * rendered on the server as SVG: no client JavaScript, readable without it.
 *
 * Props:
 * - id: string — unique on the page (prefix of the SVG's ids: title, desc, patterns, table).
 * - title: string — the figure's caption and the SVG's <title>.
 * - description?: string — the SVG's <desc>; default: a generated sentence per row ("Label: Support 12 (60%), …").
 * - series: Array<{ key: string; label: string; tone: "support" | "oppose" | "abstain" | "neutral" }> — the segments, in order.
 * - rows: Array<{ key: string; label: string; values: number[]; note?: string }> — one bar per row, `values` in series order
 *   (counts, not shares: each bar shows the shares of its own total; a row whose total is 0, or with `note`, shows the note/"no data").
 * - rowHeader: string — header of the data table's first column (e.g. "Measure").
 * - locale, t — number formatting and the few fixed strings under `charts.*`.
 * - collapsibleTable?: boolean — put the data table in a <details> ("Show the data") instead of always visible (default false).
 *
 * Accessibility: <figure>/<figcaption>; the SVG has role="img", aria-labelledby its <title> and aria-describedby its
 * <desc> (every row's numbers in words); each segment carries its share as text when wide enough; the legend and the bar
 * fills use colour and pattern; the data table (caption, th scope) gives every number, with the row total.
 */
export interface StackedSeries {
  key: string;
  label: string;
  tone: ChartTone;
}

export interface StackedRow {
  key: string;
  label: string;
  values: number[];
  note?: string;
}

export interface StackedBarChartProps {
  id: string;
  title: string;
  description?: string;
  series: StackedSeries[];
  rows: StackedRow[];
  rowHeader: string;
  locale: Locale;
  t: Translate;
  collapsibleTable?: boolean;
}

const width = 640;
const labelWidth = 150;
const totalWidth = 70;
const barWidth = width - labelWidth - totalWidth;
const rowHeight = 30;
const barHeight = 20;
const top = 6;

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function percent(value: number, total: number): number {
  return total > 0 ? Math.round((value / total) * 100) : 0;
}

export function StackedBarChart({ id, title, description, series, rows, rowHeader, locale, t, collapsibleTable = false }: StackedBarChartProps) {
  const height = top * 2 + Math.max(1, rows.length) * rowHeight;
  const summary =
    description ??
    rows
      .map((row) => {
        const total = sum(row.values);
        if (row.note || total === 0) return `${row.label}: ${row.note ?? t("charts.noData")}`;
        const parts = series.map((item, index) => `${item.label} ${formatNumber(row.values[index] ?? 0, locale)} (${percent(row.values[index] ?? 0, total)}%)`);
        return `${row.label}: ${parts.join(", ")}`;
      })
      .join("; ");

  return (
    <ChartFigure
      id={id}
      title={title}
      tableTitle={t("charts.tableCaption", { title })}
      collapsibleTable={collapsibleTable}
      t={t}
      legend={
        <ul className={chartStyles.legend} aria-hidden="true">
          {series.map((item) => (
            <li key={item.key}>
              <Swatch chartId={id} tone={item.tone} />
              {item.label}
            </li>
          ))}
        </ul>
      }
      svg={
        <svg className={chartStyles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          <ChartPatterns id={id} />
          {rows.length === 0 ? (
            <text x={width / 2} y={top + rowHeight / 2 + 5} textAnchor="middle" fontSize="14" fill="#1a1a1a">{t("charts.noData")}</text>
          ) : null}
          {rows.map((row, rowIndex) => {
            const y = top + rowIndex * rowHeight;
            const total = sum(row.values);
            let x = labelWidth;
            return (
              <g key={row.key}>
                <text x={labelWidth - 8} y={y + barHeight / 2 + 5} textAnchor="end" fontSize="13" fill="#1a1a1a">{fitLabel(row.label, 22)}</text>
                <rect x={labelWidth} y={y} width={barWidth} height={barHeight} fill="#f2f4f6" stroke="#5c6f82" strokeWidth="0.5" />
                {row.note || total === 0 ? (
                  <text x={labelWidth + 6} y={y + barHeight / 2 + 5} fontSize="12" fill="#1a1a1a">{row.note ?? t("charts.noData")}</text>
                ) : (
                  series.map((item, index) => {
                    const value = row.values[index] ?? 0;
                    const w = (value / total) * barWidth;
                    const segment = (
                      <g key={item.key}>
                        {w > 0 ? <rect x={x} y={y} width={w} height={barHeight} fill={patternFill(id, item.tone)} stroke="#ffffff" strokeWidth="1" /> : null}
                        {w >= 34 ? (
                          <text x={x + w / 2} y={y + barHeight / 2 + 4} textAnchor="middle" fontSize="12" fontWeight="700" fill="#ffffff" stroke={`#000000`} strokeOpacity="0.35" strokeWidth="0.6" paintOrder="stroke">
                            {`${percent(value, total)}%`}
                          </text>
                        ) : null}
                      </g>
                    );
                    x += w;
                    return segment;
                  })
                )}
                <text x={width - 4} y={y + barHeight / 2 + 5} textAnchor="end" fontSize="12" fill="#1a1a1a">{`n = ${formatNumber(total, locale)}`}</text>
              </g>
            );
          })}
        </svg>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((item) => (
                <th key={item.key} scope="col" className="text-end">{item.label}</th>
              ))}
              <th scope="col" className="text-end">{t("charts.total")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const total = sum(row.values);
              return (
                <tr key={row.key}>
                  <th scope="row" className="fw-normal">{row.label}</th>
                  {row.note ? (
                    <td colSpan={series.length + 1}>{row.note}</td>
                  ) : (
                    <>
                      {series.map((item, index) => (
                        <td key={item.key} className="text-end">
                          {formatNumber(row.values[index] ?? 0, locale)}
                          {total > 0 ? ` (${percent(row.values[index] ?? 0, total)}%)` : null}
                        </td>
                      ))}
                      <td className="text-end">{formatNumber(total, locale)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </>
      }
    />
  );
}
