import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure, ChartSvg, ChartTableContent, type ChartTone, RowLabel, Swatch, barArea, chartLayout, chartStyles, patternFill } from "./chart-parts";

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

const { width, labelWidth, top } = chartLayout;
const barWidth = barArea;
const rowHeight = 30;
const barHeight = 20;

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function percent(value: number, total: number): number {
  return total > 0 ? Math.round((value / total) * 100) : 0;
}

export function StackedBarChart({ id, title, description, series, rows, rowHeader, locale, t, collapsibleTable = false }: StackedBarChartProps) {
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
        <ChartSvg id={id} title={title} summary={summary} rowCount={rows.length} rowHeight={rowHeight} t={t}>
          {rows.map((row, rowIndex) => {
            const y = top + rowIndex * rowHeight;
            const total = sum(row.values);
            let x = labelWidth;
            return (
              <g key={row.key}>
                <RowLabel y={y} barHeight={barHeight} label={row.label} />
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
        </ChartSvg>
      }
      table={
        <ChartTableContent
          rowHeader={rowHeader}
          headers={[...series.map((item) => ({ key: item.key, label: item.label })), { key: "total", label: t("charts.total") }]}
          rows={rows.map((row) => {
            const total = sum(row.values);
            return {
              key: row.key,
              label: row.label,
              cells: row.note ? (
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
              ),
            };
          })}
        />
      }
    />
  );
}
