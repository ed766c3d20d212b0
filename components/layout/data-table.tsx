import type { ReactNode } from "react";
import { ScrollableTable } from "@/components/layout/scrollable-table";

/**
 * A data table with a visible caption, in a box that scrolls sideways on narrow screens (named after
 * the caption, see ScrollableTable). The caller gives the <thead>/<tbody> content.
 */
export function DataTable({ caption, className = "table table-sm", id, children }: { caption: string; className?: string; id?: string; children: ReactNode }) {
  return (
    <ScrollableTable label={caption}>
      <table className={className} id={id}>
        <caption>{caption}</caption>
        {children}
      </table>
    </ScrollableTable>
  );
}
