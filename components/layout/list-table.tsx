import type { ReactNode } from "react";
import { ScrollableTable } from "@/components/layout/scrollable-table";

/**
 * A list page's table (users, invitations): the caller's rows under one header per column, named
 * by a caption that only screen readers see; the `none` sentence instead when there are no rows.
 */
export function ListTable({ caption, columns, none, rows }: { caption: string; columns: readonly string[]; none: string; rows: ReactNode[] }) {
  if (rows.length === 0) return <p>{none}</p>;
  return (
    <ScrollableTable label={caption}>
      <table className="table table-striped align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => <th key={column} scope="col">{column}</th>)}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </ScrollableTable>
  );
}
