import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CHANNEL_LABELS, CHANNELS, DIRECTIONS, MESSAGE_PURPOSE_LABELS } from '../../domain/vocab.js';
import { api, type Message } from '../api.js';
import { Alert } from '../components/alert.js';
import { EmptyState } from '../components/empty-state.js';
import { ExportCsvLink } from '../components/export-csv-link.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { callPage, Pager, readPage } from '../components/pager.js';
import { PersonFilter, useFilterPerson } from '../components/person-filter.js';
import { formatDateTime } from '../format.js';
import { DIRECTION_LABELS } from '../labels.js';
import { useLoad } from '../use-load.js';
import '../lists.css';

/** Messages per page of the log. */
const PAGE_SIZE = 100;

/** The subject, or else the first line of the text that has any words. */
function firstLine(m: Message): string {
  if (m.subject?.trim()) return m.subject.trim();
  return (
    m.body
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? ''
  );
}

/** Every message sent and received, newest first: the whole outreach log in one place. */
export function MessagesPage() {
  const [params, setParams] = useSearchParams();
  const direction = DIRECTIONS.find((d) => d === params.get('direction'));
  const channel = CHANNELS.find((c) => c === params.get('channel'));
  const personId = params.get('person');
  const page = readPage(params);
  const channelId = useId();
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

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const list = messages.data;
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
        <fieldset className="filter-chips">
          <legend className="visually-hidden">Sent or received</legend>
          <button
            type="button"
            className="filter-chip"
            aria-pressed={!direction}
            onClick={() => setFilter('direction', null)}
          >
            All
          </button>
          {DIRECTIONS.map((d) => (
            <button
              key={d}
              type="button"
              className="filter-chip"
              aria-pressed={direction === d}
              onClick={() => setFilter('direction', d)}
            >
              {DIRECTION_LABELS[d]}
            </button>
          ))}
        </fieldset>
        <div className="inline-field">
          <label htmlFor={channelId}>Channel</label>
          <select
            id={channelId}
            value={channel ?? ''}
            onChange={(e) => setFilter('channel', e.target.value || null)}
          >
            <option value="">Every channel</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
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
            {list.items.length < list.total &&
              ` (${(page - 1) * PAGE_SIZE + 1}–${(page - 1) * PAGE_SIZE + list.items.length} shown)`}
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
                  <tr key={m.id}>
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
                      <div className="message-first-line">
                        {firstLine(m) || <span className="muted">No text saved</span>}
                      </div>
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
