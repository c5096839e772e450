import { Link, useSearchParams } from 'react-router';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../domain/vocab.js';
import { api, call } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { formatCount } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { shownRange } from '../ui/pager.js';
import { SearchBox } from '../ui/search-box.js';
import { useLoad } from '../ui/use-load.js';
import { ConversationList } from './conversation-list.js';
import { StatusFilter } from './status-filter.js';

function readStatuses(value: string | null): ConversationStatus[] {
  if (!value) return [];
  return value
    .split(',')
    .filter((s): s is ConversationStatus => (CONVERSATION_STATUSES as readonly string[]).includes(s));
}

/** The most recently changed conversations shown at once; a status or a title search finds the rest. */
const LIST_LIMIT = 500;

/** Every conversation, most recently changed first, filtered by status chips and a title search. */
export function ConversationsPage() {
  const [params, setParams] = useSearchParams();
  const statuses = readStatuses(params.get('status'));
  const q = params.get('q') ?? '';
  const status = statuses.join(',');
  const list = useLoad(`conversations:${status}:${q}`, () =>
    call(
      api.conversations.$get({
        query: { status: status || undefined, q: q || undefined, limit: String(LIST_LIMIT) },
      }),
    ),
  );

  const setStatuses = (next: ConversationStatus[]) => {
    const p = new URLSearchParams(params);
    if (next.length) p.set('status', next.join(','));
    else p.delete('status');
    setParams(p, { replace: true });
  };

  const filtered = statuses.length > 0 || q !== '';
  return (
    <>
      <PageHeader
        title="Conversations"
        subtitle="From first idea to keeping in touch."
        actions={
          <>
            <ExportCsvLink list="conversations" filter={{ q, status }} />
            <Link to="/conversations/new" className="button button-primary">
              Plan a conversation
            </Link>
          </>
        }
      />
      <StatusFilter selected={statuses} onChange={setStatuses} />
      <SearchBox label="Search by title" placeholder="e.g. Brightpath" />
      {list.error && <Alert>{list.error.message}</Alert>}
      {!list.data && list.loading && <Loading what="Loading conversations" />}
      {list.data && list.data.total === 0 && !filtered && (
        <EmptyState
          title="No conversations yet"
          actions={
            <Link to="/conversations/new" className="button button-primary">
              Plan your first conversation
            </Link>
          }
        >
          <p>
            A conversation starts as an idea: someone you would like to learn from, and what you want to
            learn. Then you send the request, schedule twenty or thirty minutes, and follow up afterwards.
          </p>
        </EmptyState>
      )}
      {list.data && list.data.total === 0 && filtered && (
        <p className="muted" role="status">
          No conversation matches these filters.
        </p>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <p className="muted small" role="status">
            {formatCount(list.data.total)} {list.data.total === 1 ? 'conversation' : 'conversations'}
            {shownRange(1, LIST_LIMIT, list.data.items.length, list.data.total)}
          </p>
          <ConversationList items={list.data.items} caption="Conversations" />
        </>
      )}
    </>
  );
}
