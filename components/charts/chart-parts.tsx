import type { ReactNode } from "react";
import { ScrollableTable } from "@/components/layout/scrollable-table";
import type { Translate } from "@/lib/i18n/translate";
import styles from "./charts.module.css";

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

/** Shortens a label to fit the SVG's label column (the full label is in the data table). */
export function fitLabel(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1))}…`;
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
    <ScrollableTable label={tableTitle}>
      <table className={`table table-sm ${styles.table}`} id={`${id}-data`}>
        <caption>{tableTitle}</caption>
        {table}
      </table>
    </ScrollableTable>
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
