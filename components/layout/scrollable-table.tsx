import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on narrow screens. The scrolling box is focusable and named
 * after the table, so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
