import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api.js';
import { Alert } from '../components/alert.js';
import { DuplicatesLink } from '../components/duplicates-link.js';
import { EmptyState } from '../components/empty-state.js';
import { ExportCsvLink } from '../components/export-csv-link.js';
import { ExportVCardLink } from '../components/export-vcard-link.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { PeopleTable } from '../components/people-table.js';
import { SearchBox } from '../components/search-box.js';
import { useLoad } from '../use-load.js';

/** Everyone in the workspace, searchable by name, title, organization or e-mail. */
export function PeoplePage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const people = useLoad(`people:${q}`, () =>
    call(api.people.$get({ query: { q: q || undefined, limit: '500' } })),
  );
  const list = people.data;

  return (
    <>
      <PageHeader
        title="People"
        subtitle="The people you talk to, and the people you would like to."
        actions={
          <>
            <DuplicatesLink />
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
            {q ? `${list.total} matching “${q}”` : `${list.total} ${list.total === 1 ? 'person' : 'people'}`}
            {list.items.length < list.total && ` (showing the first ${list.items.length})`}
          </p>
          <PeopleTable people={list.items} />
        </>
      )}
    </>
  );
}
