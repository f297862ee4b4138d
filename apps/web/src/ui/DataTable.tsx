import type { ReactNode } from 'react';
import type { CursorPages } from '../lib/paging';
import { Button } from './Button';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: string;
}) {
  if (rows.length === 0) return <p className="empty table-wrap">{empty}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} data-label={column.header} className={column.numeric ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A page of a GraphQL connection, as the pager needs it. */
interface PagedConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Previous / next through a connection, with the cursor pages of `useCursorPages`. */
export function Pager({
  pages,
  pageSize,
  connection,
}: {
  pages: CursorPages;
  pageSize: number;
  connection: PagedConnection;
}) {
  const { totalCount, pageInfo } = connection;
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <nav className="pager" aria-label="Pages">
      <span className="muted small">
        Page {pages.page} of {pageCount} · {totalCount} in all
      </span>
      <span className="row">
        <Button variant="secondary" small onClick={pages.previous} disabled={pages.page <= 1}>
          Previous
        </Button>
        <Button
          variant="secondary"
          small
          onClick={() => pages.next(pageInfo.endCursor)}
          disabled={!pageInfo.hasNextPage}
        >
          Next
        </Button>
      </span>
    </nav>
  );
}
