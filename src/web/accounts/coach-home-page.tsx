import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call, describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Field } from '../ui/field.js';
import { formatDate, formatDay } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { openSharedWorkspace } from './coach-workspace.js';

/**
 * The coach's home (the career-center view): every workspace shared with this account, with this
 * week's numbers, and a form that takes up a coach invitation (its link fills the code in).
 */
export function CoachHomePage() {
  const [params] = useSearchParams();
  const shared = useLoad('coaching-shared', () => call(api.coaching.shared.$get()));
  const [code, setCode] = useState(params.get('code') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ws = await call(api.coaching.accept.$post({ json: { code: code.trim() } }));
      setJoined(ws.name);
      setCode('');
      shared.reload();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Coaching" subtitle="Workspaces shared with you, and this week’s work in each." />
      {params.get('stopped') && (
        <Notice tone="warning">
          <p>That workspace is no longer shared with you, so you are back in your own.</p>
        </Notice>
      )}
      {joined && (
        <Notice tone="success">
          <p>“{joined}” is now shared with you. Open it below.</p>
        </Notice>
      )}
      {shared.error && <Alert>{shared.error.message}</Alert>}
      {shared.loading && !shared.data && <Loading />}
      {shared.data && shared.data.length === 0 && (
        <EmptyState title="No workspace is shared with you yet">
          <p>
            When someone invites you as their coach, take up the invitation below with the code they sent.
          </p>
        </EmptyState>
      )}
      {shared.data && shared.data.length > 0 && (
        <section className="card" aria-labelledby="shared-heading">
          <h2 id="shared-heading">Shared with you</h2>
          <p className="muted small">This week began on {formatDay(shared.data[0]!.week.from)}.</p>
          <table className="table coach-table">
            <thead>
              <tr>
                <th scope="col">Whose</th>
                <th scope="col">Requests sent</th>
                <th scope="col">Meetings held</th>
                <th scope="col">Overdue follow-ups</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shared.data.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    {w.ownerName || w.ownerEmail}
                    <div className="muted small">
                      {w.ownerEmail} · coaching since {formatDate(w.since)}
                    </div>
                  </th>
                  <td>{w.week.requestsSent}</td>
                  <td>{w.week.meetingsHeld}</td>
                  <td>{w.week.overdueFollowUps}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Open ${w.ownerName || w.ownerEmail}’s workspace`}
                      onClick={() => openSharedWorkspace(w.id)}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">Overdue follow-ups are open tasks and promises past their due date.</p>
        </section>
      )}
      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">Take up an invitation</h2>
        <form className="form" onSubmit={accept} noValidate aria-label="Take up a coach invitation">
          {error && <Alert>{error}</Alert>}
          <Field label="Invitation code" required hint="The code in the invitation your client sent you.">
            {(control) => <input {...control} value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy || !code.trim()}>
              {busy ? 'Joining…' : 'Take up the invitation'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
