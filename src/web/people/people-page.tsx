import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { ExportVCardLink } from '../exports/export-vcard-link.js';
import { Alert, Notice } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { formatCount } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { SearchBox } from '../ui/search-box.js';
import { useLoad } from '../ui/use-load.js';
import { DuplicatesLink } from './duplicates-link.js';
import { PeopleBulkBar } from './people-bulk-bar.js';
import {
  loadPeoplePage,
  PAGE_SIZE,
  peopleKey,
  peoplePlace,
  takeEarlyPeoplePage,
} from './people-first-page.js';
import { PeopleTable } from './people-table.js';

/** "3,700", or "More than 1,000" when the server stopped counting at its cap. */
function howMany(list: { total: number; totalIsCapped: boolean }): string {
  const n = formatCount(list.total);
  return list.totalIsCapped ? `More than ${n}` : n;
}

/** Everyone in the workspace, searchable by name, title, organization or e-mail. */
export function PeoplePage() {
  const [params] = useSearchParams();
  const { q, page } = peoplePlace(params);
  const key = peopleKey(q, page);
  // The first visit uses the list asked for while the app started (see people-first-page.ts):
  // its rows at once when they are here, else its answer when it comes.
  const [early] = useState(() => takeEarlyPeoplePage(key));
  const earlyAnswer = useRef(early?.data === undefined ? early?.answer : undefined);
  const people = useLoad(
    key,
    () => {
      const answer = earlyAnswer.current;
      earlyAnswer.current = undefined;
      return answer ?? loadPeoplePage(q, page);
    },
    early?.data,
  );
  const list = people.data;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  // A new search starts a new selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search clears it.
  useEffect(() => setSelected(new Set()), [q]);
  const selection = {
    selected,
    set: (ids: string[], on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="People"
        subtitle="The people you talk to, and the people you would like to."
        actions={
          <>
            <DuplicatesLink ready={!!list} />
            <ExportCsvLink list="people" filter={{ q }} />
            <ExportVCardLink q={q} />
            <Link to="/import" className="button">
              Import people
            </Link>
            <Link to="/people/new" className="button button-primary">
              Add person
            </Link>
          </>
        }
      />
      <SearchBox label="Search people" placeholder="Name, title, organization or e-mail" />
      {people.error && <Alert>{people.error.message}</Alert>}
      {!list && people.loading && <Loading what="Loading people" />}
      {list && list.total === 0 && !q && (
        <EmptyState
          title="No people yet"
          actions={
            <>
              <Link to="/people/new" className="button button-primary">
                Add your first person
              </Link>
              <Link to="/import" className="button">
                Import from LinkedIn, contacts or CSV
              </Link>
            </>
          }
        >
          <p>
            Start with people you already know: former colleagues, classmates, friends of friends. Each of
            them can tell you about their work, and may know someone closer to what you want to learn.
          </p>
        </EmptyState>
      )}
      {list && list.total === 0 && q && (
        <p className="muted" role="status">
          Nobody matches “{q}”. Try part of a name, or <Link to="/people/new">add this person</Link>.
        </p>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted small" role="status">
            {q
              ? `${howMany(list)} matching “${q}”`
              : `${howMany(list)} ${list.total === 1 ? 'person' : 'people'}`}
            {(list.items.length < list.total || list.totalIsCapped) &&
              ` (${(page - 1) * PAGE_SIZE + 1}–${(page - 1) * PAGE_SIZE + list.items.length} shown)`}
          </p>
          {done && <Notice tone="success">{done}</Notice>}
          {selected.size > 0 && (
            <PeopleBulkBar
              ids={[...selected]}
              onClear={() => setSelected(new Set())}
              onDone={(message) => {
                setDone(message);
                setSelected(new Set());
                people.reload();
              }}
            />
          )}
          <PeopleTable people={list.items} selection={selection} />
          {(list.total > PAGE_SIZE || list.totalIsCapped) && (
            <nav className="pager" aria-label="Pages of people">
              {page > 1 ? (
                <Link to={pageLink(page - 1)} className="button button-small">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="muted small">
                Page {page} of {list.totalIsCapped && 'more than '}
                {formatCount(Math.ceil(list.total / PAGE_SIZE))}
              </span>
              {page * PAGE_SIZE < list.total || list.totalIsCapped ? (
                <Link to={pageLink(page + 1)} className="button button-small">
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
