import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ConversationSummary, call, type WorkspaceSummary } from '../api.js';
import { ConversationList } from '../conversations/conversation-list.js';
import { Alert, Notice } from '../ui/alert.js';
import { formatCount, formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { TodayPanel } from './today-panel.js';
import { Welcome } from './welcome.js';

function loadDashboard() {
  return Promise.all([
    call(api.workspace.$get()),
    call(api.conversations.$get({ query: { status: 'scheduled', limit: '100' } })),
    call(api.conversations.$get({ query: { limit: '6' } })),
  ]).then(([summary, scheduled, recent]) => ({ summary, scheduled: scheduled.items, recent: recent.items }));
}

/** A count as the home page shows it, "2,100"; "10,000+" when the server stopped counting at its cap. */
function shownCount(summary: WorkspaceSummary, of: keyof WorkspaceSummary['counts']): string {
  const n = formatCount(summary.counts[of]);
  return summary.countsAreCapped[of] ? `${n}+` : n;
}

function bySoonest(a: ConversationSummary, b: ConversationSummary): number {
  return (a.nextMeetingAt ?? '').localeCompare(b.nextMeetingAt ?? '');
}

/** The workspace at a glance, or a welcome when it is empty. */
export function HomePage() {
  const dashboard = useLoad('dashboard', loadDashboard);
  const [notice, setNotice] = useState<string | null>(null);
  const d = dashboard.data;
  const empty =
    d && d.summary.counts.people + d.summary.counts.organizations + d.summary.counts.conversations === 0;

  return (
    <>
      <PageHeader
        title={empty ? 'Welcome to Rapport' : 'Home'}
        subtitle={d && !empty ? d.summary.name : undefined}
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      {dashboard.error && <Alert>{dashboard.error.message}</Alert>}
      {!d && dashboard.loading && <Loading />}
      {empty && (
        <Welcome
          onLoaded={(message) => {
            setNotice(message);
            dashboard.reload();
          }}
        />
      )}
      {d && !empty && (
        <>
          <TodayPanel />
          <ul className="counts" aria-label="Your workspace">
            <li>
              <Link to="/people">
                <span className="count">{shownCount(d.summary, 'people')}</span> people
              </Link>
            </li>
            <li>
              <Link to="/organizations">
                <span className="count">{shownCount(d.summary, 'organizations')}</span> organizations
              </Link>
            </li>
            <li>
              <Link to="/conversations">
                <span className="count">{shownCount(d.summary, 'conversations')}</span> conversations
              </Link>
            </li>
          </ul>
          <section className="card" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Upcoming meetings</h2>
            {d.scheduled.length === 0 ? (
              <p className="muted">
                Nothing scheduled. <Link to="/conversations?status=accepted">Accepted requests</Link> are
                waiting for a date.
              </p>
            ) : (
              <ul className="upcoming">
                {[...d.scheduled].sort(bySoonest).map((c) => (
                  <li key={c.id}>
                    <time dateTime={c.nextMeetingAt ?? undefined}>
                      {c.nextMeetingAt ? formatDateTime(c.nextMeetingAt) : 'Time not set'}
                    </time>
                    <Link to={`/conversations/${c.id}`} className="strong-link">
                      {c.title}
                    </Link>
                    <span className="muted">{c.participants.map((p) => p.fullName).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recently changed</h2>
            {d.recent.length === 0 ? (
              <p className="muted">
                No conversations yet. <Link to="/conversations/new">Plan the first one</Link>.
              </p>
            ) : (
              <ConversationList items={d.recent} caption="Recently changed conversations" />
            )}
            <p>
              <Link to="/conversations">All conversations →</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
