/**
 * "Previous / next" links under a paged list (plain links, so they work without JavaScript).
 * Shows nothing when everything fits on one page.
 */
export function Pager({ label, paged, href, previous, next }: {
  /** The navigation landmark's name (a page may have more than one pager). */
  label: string;
  paged: { page: number; pageCount: number };
  href: (page: number) => string;
  previous: string;
  next: string;
}) {
  if (paged.pageCount <= 1) return null;
  return (
    <nav aria-label={label}>
      <ul className="pagination">
        {paged.page > 1 ? <li className="page-item"><a className="page-link" href={href(paged.page - 1)}>{previous}</a></li> : null}
        {paged.page < paged.pageCount ? <li className="page-item"><a className="page-link" href={href(paged.page + 1)}>{next}</a></li> : null}
      </ul>
    </nav>
  );
}
