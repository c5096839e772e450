import type { ClientResponse } from 'hono/client';
import { Link } from 'react-router';
import { call } from '../api.js';

/**
 * Sends a list request and reads how many rows match the filter in all from the answer's
 * X-Total-Count header (the list itself is one page).
 */
export async function callPage<T extends ClientResponse<unknown>>(request: Promise<T>) {
  const items = await call(request);
  const total = Number((await request).headers.get('X-Total-Count'));
  return { items, total: Number.isFinite(total) ? total : 0 };
}

/** The page number in the address (`?page=3`), 1 when missing or not a number. */
export function readPage(params: URLSearchParams): number {
  return Math.max(1, Math.floor(Number(params.get('page')) || 1));
}

/** The address of page `n`, keeping the other filters. */
export function pageHref(params: URLSearchParams, n: number): string {
  const next = new URLSearchParams(params);
  if (n > 1) next.set('page', String(n));
  else next.delete('page');
  return `?${next.toString()}`;
}

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** Names the pages for screen readers, e.g. "Pages of tasks". */
  label: string;
  params: URLSearchParams;
}

/** Previous and next links under a long list; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, label, params }: PagerProps) {
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link to={pageHref(params, page - 1)} className="button button-small">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="muted small">
        Page {page} of {Math.ceil(total / pageSize)}
      </span>
      {page * pageSize < total ? (
        <Link to={pageHref(params, page + 1)} className="button button-small">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** " (101–200 shown)" after a list's count when only one page of it is shown; null when all are. */
export function shownRange(page: number, pageSize: number, shown: number, total: number): string | null {
  if (shown >= total) return null;
  const first = (page - 1) * pageSize + 1;
  return ` (${first}–${first + shown - 1} shown)`;
}
