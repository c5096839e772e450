import { Link } from 'react-router';
import { CHANNEL_LABELS, CHANNELS, DIRECTIONS, MESSAGE_PURPOSE_LABELS } from '../../domain/vocab.js';
import { api } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { PersonFilter, useFilterPerson } from '../people/person-filter.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { formatDateTime } from '../ui/format.js';
import { DIRECTION_LABELS } from '../ui/labels.js';
import { FilterChips, FilterSelect, useListFilters } from '../ui/list-filters.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { callPage, Pager, shownRange } from '../ui/pager.js';
import { useLoad } from '../ui/use-load.js';
import { MessageBody } from './message-body.js';
import { messageAnchor, useFocusedMessage } from './use-focused-message.js';
import '../ui/lists.css';

/** Messages per page of the log. */
const PAGE_SIZE = 100;

/** "All", then each direction. */
const DIRECTION_OPTIONS = [
  { value: undefined, label: 'All' },
  ...DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] })),
];

/** Every message sent and received, newest first: the whole outreach log in one place. */
export function MessagesPage() {
  const { params, page, setFilter } = useListFilters();
  const direction = DIRECTIONS.find((d) => d === params.get('direction'));
  const channel = CHANNELS.find((c) => c === params.get('channel'));
  const personId = params.get('person');
  const filterPerson = useFilterPerson(personId);
  const messages = useLoad(`messages:${direction ?? ''}:${channel ?? ''}:${personId ?? ''}:${page}`, () =>
    callPage(
      api.messages.$get({
        query: {
          direction,
          channel,
          personId: personId ?? undefined,
          limit: String(PAGE_SIZE),
          offset: String((page - 1) * PAGE_SIZE),
        },
      }),
    ),
  );

  const list = messages.data;
  const focused = useFocusedMessage(list?.items.map((m) => m.id));
  const filtered = direction !== undefined || channel !== undefined || personId !== null;
  return (
    <>
      <PageHeader
        title="Messages"
        subtitle="Every request, reply, thank-you and follow-up you have logged, newest first."
        actions={
          <>
            <ExportCsvLink list="messages" filter={{ personId: personId ?? undefined, direction, channel }} />
            <Link to="/compose" className="button button-primary">
              Write a request
            </Link>
          </>
        }
      />
      <div className="list-filters">
        <FilterChips
          legend="Sent or received"
          options={DIRECTION_OPTIONS}
          selected={direction}
          onSelect={(value) => setFilter('direction', value ?? null)}
        />
        <FilterSelect
          label="Channel"
          anyLabel="Every channel"
          values={CHANNELS}
          labels={CHANNEL_LABELS}
          value={channel}
          onChange={(value) => setFilter('channel', value)}
        />
        <PersonFilter personId={personId} person={filterPerson} onChange={(id) => setFilter('person', id)} />
      </div>
      {messages.error && <Alert>{messages.error.message}</Alert>}
      {!list && messages.loading && <Loading what="Loading messages" />}
      {list && list.total === 0 && !filtered && (
        <EmptyState
          title="No messages logged yet"
          actions={
            <Link to="/compose" className="button button-primary">
              Write your first request
            </Link>
          }
        >
          <p>
            When you send a request from Rapport, or log one you sent elsewhere on a person's page, it shows
            here. Replies you log move conversations forward and keep the reminders on Today right.
          </p>
        </EmptyState>
      )}
      {list && list.total === 0 && filtered && (
        <p className="muted" role="status">
          No message matches these filters.
        </p>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted small" role="status">
            {list.total} {list.total === 1 ? 'message' : 'messages'}
            {shownRange(page, PAGE_SIZE, list.items.length, list.total)}
          </p>
          <div className="table-wrap">
            <table className="table message-table">
              <caption className="visually-hidden">Message log</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Person</th>
                  <th scope="col">Conversation</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((m) => (
                  <tr
                    key={m.id}
                    id={messageAnchor(m.id)}
                    tabIndex={-1}
                    className={m.id === focused ? 'message-focused' : undefined}
                  >
                    <td className="nowrap">
                      <time dateTime={m.at}>{formatDateTime(m.at)}</time>
                    </td>
                    <td>
                      <span className={`tag direction-${m.direction}`}>{DIRECTION_LABELS[m.direction]}</span>
                      <div className="muted small">{CHANNEL_LABELS[m.channel]}</div>
                    </td>
                    <td className="person-cell">
                      <Link to={`/people/${m.personId}`}>{m.personName}</Link>
                    </td>
                    <td>
                      {m.conversationId ? (
                        <Link to={`/conversations/${m.conversationId}`}>{m.conversationTitle}</Link>
                      ) : (
                        <span className="muted">None</span>
                      )}
                    </td>
                    <td className="message-cell">
                      <MessageBody
                        key={m.id === focused ? 'focused' : 'log'}
                        message={m}
                        initiallyExpanded={m.id === focused}
                      />
                      <div className="muted small">{MESSAGE_PURPOSE_LABELS[m.purpose]}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.total}
            label="Pages of messages"
            params={params}
          />
        </>
      )}
    </>
  );
}
