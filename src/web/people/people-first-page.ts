import { api, call } from '../api.js';

/** People per page of the list. */
export const PAGE_SIZE = 100;

/** The search and page number the People page's address asks for. */
export function peoplePlace(params: URLSearchParams): { q: string; page: number } {
  return {
    q: params.get('q') ?? '',
    page: Math.max(1, Math.floor(Number(params.get('page')) || 1)),
  };
}

/** One page of the People list. */
export function loadPeoplePage(q: string, page: number) {
  return call(
    api.people.$get({
      query: { q: q || undefined, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) },
    }),
  );
}

type PeoplePageData = Awaited<ReturnType<typeof loadPeoplePage>>;

export const peopleKey = (q: string, page: number) => `people:${q}:${page}`;

let early: { key: string; answer: Promise<PeoplePageData> } | null = null;

/**
 * Asks for the People list as soon as the app starts on /people, alongside the app's own first
 * requests and the page's code, instead of after them: the first rows then show one round trip
 * sooner. The page takes the answer once (`takeEarlyPeoplePage`); later loads ask again.
 */
export function fetchPeoplePageEarly(search: string): void {
  const { q, page } = peoplePlace(new URLSearchParams(search));
  const answer = loadPeoplePage(q, page);
  // A failure (signed out, server away) is reported by the page when it takes the answer.
  answer.catch(() => undefined);
  early = { key: peopleKey(q, page), answer };
}

/** The answer asked for at start-up for `key`, once; undefined when there is none for it. */
export function takeEarlyPeoplePage(key: string): Promise<PeoplePageData> | undefined {
  const taken = early?.key === key ? early.answer : undefined;
  early = null;
  return taken;
}
