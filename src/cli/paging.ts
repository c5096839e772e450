import type { ApiClient } from './api.js';

export interface PageOptions {
  limit: string;
  offset: string;
}

/**
 * Reads one page of a list that answers with a plain array, asking for one row more than shown
 * so the listing can say whether more rows are left.
 */
export async function readListPage<T>(
  call: ApiClient['call'],
  path: string,
  filters: URLSearchParams,
  o: PageOptions,
): Promise<{ items: T[]; nextOffset: number | null }> {
  const limit = Math.min(Math.max(1, Number(o.limit) || 100), 499);
  const offset = Math.max(0, Number(o.offset) || 0);
  filters.set('limit', String(limit + 1));
  filters.set('offset', String(offset));
  const rows = await call<T[]>('GET', `${path}?${filters}`);
  return { items: rows.slice(0, limit), nextOffset: rows.length > limit ? offset + limit : null };
}

/** The line under a listing when more rows are left. */
export function printMore(nextOffset: number | null): void {
  if (nextOffset !== null) console.log(`… more after these; see them with --offset ${nextOffset}.`);
}
