import type { ReactNode } from "react";
import { DataTable } from "@/components/layout/data-table";
import type { Translate } from "@/lib/i18n/translate";
import styles from "./charts.module.css";
import { excerpt } from "@/lib/text/excerpt";

/**
 * Pieces shared by the charts of this folder: the <figure> wrapper with its data table, the fill
 * patterns (so series differ by texture as well as by colour) and the series palette.
 *
 * Colours have at least 3:1 contrast against white (WCAG 1.4.11): #00704a (green), #c02a41 (red),
 * #5c6f82 (grey), #0059b3 (blue). Series are also told apart by pattern (solid, stripes, dots) and named in
 * the legend, the SVG's text alternative and the data table.
 */
export type ChartTone = "support" | "oppose" | "abstain" | "neutral";

export const toneColour: Record<ChartTone, string> = { support: "#00704a", oppose: "#c02a41", abstain: "#5c6f82", neutral: "#0059b3" };

/** One <pattern> per tone, ids prefixed by the chart id (ids stay unique when a page shows several charts). */
export function ChartPatterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-p-support`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={toneColour.support} />
      </pattern>
      <pattern id={`${id}-p-oppose`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={toneColour.oppose} />
        <rect width="3" height="8" fill="#ffffff" fillOpacity="0.35" />
      </pattern>
      <pattern id={`${id}-p-abstain`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={toneColour.abstain} />
        <circle cx="3" cy="3" r="1.2" fill="#ffffff" fillOpacity="0.45" />
      </pattern>
      <pattern id={`${id}-p-neutral`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={toneColour.neutral} />
      </pattern>
    </defs>
  );
}

export function patternFill(id: string, tone: ChartTone): string {
  return `url(#${id}-p-${tone})`;
}

/** A legend swatch drawn with the same pattern as the bars (a small SVG, hidden from assistive technology: the label is text). */
export function Swatch({ chartId, tone }: { chartId: string; tone: ChartTone }) {
  const id = `${chartId}-sw-${tone}`;
  return (
    <svg className={styles.swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <ChartPatterns id={id} />
      <rect width="24" height="16" fill={patternFill(id, tone)} />
    </svg>
  );
}

/** The geometry both charts share: a 640-unit wide drawing, a label column, the bars, a value column. */
export const chartLayout = { width: 640, labelWidth: 150, valueWidth: 70, top: 6 } as const;
export const barArea = chartLayout.width - chartLayout.labelWidth - chartLayout.valueWidth;

/**
 * The chart's SVG: role="img" named by its <title> and described by its <desc>, the fill patterns,
 * "no data" when there are no rows, then the caller's rows (`rowHeight` units each).
 */
export function ChartSvg({ id, title, summary, rowCount, rowHeight, t, children }: { id: string; title: string; summary: string; rowCount: number; rowHeight: number; t: Translate; children: ReactNode }) {
  const { width, top } = chartLayout;
  const height = top * 2 + Math.max(1, rowCount) * rowHeight;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <ChartPatterns id={id} />
      {rowCount === 0 ? (
        <text x={width / 2} y={top + rowHeight / 2 + 5} textAnchor="middle" fontSize="14" fill="#1a1a1a">{t("charts.noData")}</text>
      ) : null}
      {children}
    </svg>
  );
}

/** A row's label, right-aligned in the label column level with a bar of height `barHeight` at `y` (cut to fit: the full label is in the data table). */
export function RowLabel({ y, barHeight, label }: { y: number; barHeight: number; label: string }) {
  return <text x={chartLayout.labelWidth - 8} y={y + barHeight / 2 + 5} textAnchor="end" fontSize="13" fill="#1a1a1a">{excerpt(label, 22)}</text>;
}

/**
 * The data table's head and body (inside ChartFigure's <table>): a column of row headers, then the
 * numeric columns; each row gives its numeric cells (<td>s).
 */
export function ChartTableContent({ rowHeader, headers, rows }: { rowHeader: string; headers: { key: string; label: string }[]; rows: { key: string; label: string; cells: ReactNode }[] }) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {headers.map((header) => (
            <th key={header.key} scope="col" className="text-end">{header.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="fw-normal">{row.label}</th>
            {row.cells}
          </tr>
        ))}
      </tbody>
    </>
  );
}

export function ChartFigure({
  id,
  title,
  tableTitle,
  legend,
  svg,
  table,
  collapsibleTable,
  t,
}: {
  id: string;
  title: string;
  tableTitle: string;
  legend?: ReactNode;
  svg: ReactNode;
  table: ReactNode;
  collapsibleTable: boolean;
  t: Translate;
}) {
  const data = (
    <DataTable caption={tableTitle} className={`table table-sm ${styles.table}`} id={`${id}-data`}>
      {table}
    </DataTable>
  );
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {legend}
      {svg}
      {collapsibleTable ? (
        <details className={styles.details}>
          <summary>{t("charts.showData")}</summary>
          {data}
        </details>
      ) : (
        data
      )}
    </figure>
  );
}

export { styles as chartStyles };
