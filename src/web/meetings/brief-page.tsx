import { Link, useParams } from 'react-router';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { formatWithTheirs } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { type Brief, briefPdfUrl } from './preparation-api.js';
import './preparation.css';
import './brief-print.css';
import { LinkedText } from '../ui/linked-text.js';

/** The one-page brief to read before the meeting and take along: screen, print and PDF. */
export function BriefPage() {
  const { id = '' } = useParams();
  const brief = useLoad(`brief:${id}`, () => call(api.preparation.brief[':id'].$get({ param: { id } })));
  const back = <Link to={`/conversations/${id}`}>← Conversation</Link>;

  if (brief.error) {
    return (
      <>
        <PageHeader title="Brief not available" eyebrow={back} />
        <Alert>{brief.error.message}</Alert>
      </>
    );
  }
  const b = brief.data;
  if (!b) return <Loading what="Putting the brief together" />;

  const subtitle = [b.type, b.organization, b.role && `about the role of ${b.role}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="brief">
      <PageHeader
        title={b.title}
        eyebrow={back}
        subtitle={subtitle}
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              Print
            </button>
            <a href={briefPdfUrl(id)} download className="button">
              Download PDF
            </a>
          </>
        }
      />
      <BriefBody brief={b} conversationId={id} />
    </article>
  );
}

function BriefBody({ brief: b, conversationId }: { brief: Brief; conversationId: string }) {
  const l = b.logistics;
  return (
    <div className="brief-grid">
      <section className="brief-block" aria-labelledby="brief-when">
        <h2 id="brief-when">When and where</h2>
        {l ? (
          <dl className="details">
            <div>
              <dt>When</dt>
              <dd>
                <time dateTime={l.startsAt}>{formatWithTheirs(l.startsAt, l.timeZone)}</time>
              </dd>
            </div>
            <div>
              <dt>Length</dt>
              <dd>{l.durationMinutes} minutes — keep to it</dd>
            </div>
            <div>
              <dt>How</dt>
              <dd>{l.medium}</dd>
            </div>
            {l.place && (
              <div>
                <dt>Place</dt>
                <dd>
                  <LinkedText text={l.place} />
                </dd>
              </div>
            )}
          </dl>
        ) : (
          <p className="muted">Not scheduled yet.</p>
        )}
      </section>

      <section className="brief-block" aria-labelledby="brief-who">
        <h2 id="brief-who">Who</h2>
        {b.participants.length === 0 && <p className="muted">Nobody is named yet.</p>}
        {b.participants.map((p) => (
          <div key={p.fullName} className="brief-person">
            <h3>{p.fullName}</h3>
            {p.role && <p>{p.role}</p>}
            {p.howWeKnow && <p className="small">How you know them: {p.howWeKnow}</p>}
            {p.connection && <p className="small">Connection: {p.connection}</p>}
            {p.notes.trim() && <p className="small brief-notes">{p.notes}</p>}
          </div>
        ))}
      </section>

      <section className="brief-block" aria-labelledby="brief-org">
        <h2 id="brief-org">{b.organization ? `About ${b.organization}` : 'The organization'}</h2>
        {b.organizationNotes.length === 0 ? (
          <p className="muted">
            No research notes yet. Ten minutes on their website saves an awkward question.
          </p>
        ) : (
          <ul className="brief-list">
            {b.organizationNotes.map((n, i) => (
              <li key={i} className="brief-notes">
                {n}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-block" aria-labelledby="brief-goals">
        <h2 id="brief-goals">What you want to learn</h2>
        {b.goals.length === 0 ? (
          <p className="muted">No goals written down.</p>
        ) : (
          <ul className="brief-list">
            {b.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="brief-block brief-agenda" aria-labelledby="brief-agenda">
        <h2 id="brief-agenda">
          Agenda{' '}
          <span className="muted small">
            {b.agenda.totalMinutes} of {b.agenda.durationMinutes} minutes
          </span>
        </h2>
        {b.agenda.sections.length === 0 ? (
          <p className="muted">
            No plan yet. <Link to={`/conversations/${conversationId}/plan`}>Plan the conversation</Link>.
          </p>
        ) : (
          b.agenda.sections.map((s, n) => (
            <div key={`${s.section}-${n}`} className="brief-section">
              <h3>
                {s.label} <span className="muted small">{s.minutes} min</span>
              </h3>
              <ul className="brief-checks">
                {s.items.map((item, i) => (
                  <li key={i}>
                    <label className="check">
                      <input type="checkbox" />
                      <span>
                        {item.text} <span className="muted small">({item.minutes} min)</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section className="brief-block" aria-labelledby="brief-docs">
        <h2 id="brief-docs">Documents</h2>
        {b.documents.length === 0 ? (
          <p className="muted">Nothing to bring.</p>
        ) : (
          <ul className="brief-list">
            {b.documents.map((d, i) => (
              <li key={i}>
                {d.title}
                {d.versionLabel && ` (${d.versionLabel})`} <span className="muted small">{d.fileName}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="small muted">Offer them only if asked; never ask for a job.</p>
      </section>
    </div>
  );
}
