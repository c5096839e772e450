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

/** The list asked for at start-up: its answer, and the data itself once it is here. */
export interface EarlyPeoplePage {
  answer: Promise<PeoplePageData>;
  data?: PeoplePageData;
}

let early: (EarlyPeoplePage & { key: string }) | null = null;

/**
 * Asks for the People list as soon as the app starts on /people, alongside the app's own first
 * requests and the page's code, instead of after them: the first rows then show one round trip
 * sooner. The page takes it once (`takeEarlyPeoplePage`); later loads ask again.
 */
export function fetchPeoplePageEarly(search: string): void {
  const { q, page } = peoplePlace(new URLSearchParams(search));
  const answer = loadPeoplePage(q, page);
  const asked: EarlyPeoplePage & { key: string } = { key: peopleKey(q, page), answer };
  answer.then(
    (data) => {
      asked.data = data;
    },
    // A failure (signed out, server away) is reported by the page when it takes the answer.
    () => undefined,
  );
  early = asked;
}

/**
 * The list asked for at start-up for `key`, once (with its data when it has arrived, so the rows
 * show in the page's first render); undefined when there is none for it.
 */
export function takeEarlyPeoplePage(key: string): EarlyPeoplePage | undefined {
  const taken = early?.key === key ? early : undefined;
  early = null;
  return taken;
}
