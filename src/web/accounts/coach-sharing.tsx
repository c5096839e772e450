import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Field } from '../ui/field.js';
import { formatDate, formatDateTime } from '../ui/format.js';
import { ShownOnce } from '../ui/shown-once.js';
import { useLoad } from '../ui/use-load.js';
import { isCoaching } from './coach-workspace.js';

/**
 * Settings → Sharing (hosted mode): invite a coach by e-mail, see what coaches did, and stop
 * sharing with one in one click. A coach looking at a client's settings sees none of it.
 */
export function CoachSharing() {
  const session = useLoad('session', () => call(api.session.$get()));
  const hosted = session.data?.mode === 'hosted' && !!session.data.account && !isCoaching();
  if (!hosted) return null;
  return <SharingSection />;
}

function SharingSection() {
  const sharing = useLoad('coaching-coaches', () => call(api.coaching.coaches.$get()));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [invited, setInvited] = useState<{ email: string; link: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const made = await call(api.coaching.invites.$post({ json: { email: email.trim() } }));
      setInvited({ email: made.email, link: `${window.location.origin}${made.path}` });
      setEmail('');
      sharing.reload();
    } catch (err) {
      const problem = describeError(err);
      if (problem.fieldErrors.email) setFieldError(problem.fieldErrors.email);
      else setError(problem.message);
    } finally {
      setBusy(false);
    }
  };

  const data = sharing.data;
  return (
    <section className="card" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Sharing</h2>
      <p>
        A coach reads your whole workspace, comments on conversations and suggests tasks. A coach cannot
        change anything else, download an export or a backup, or see your mailbox password. Coaching someone
        yourself? See <Link to="/coaching">the workspaces shared with you</Link>.
      </p>
      {error && <Alert>{error}</Alert>}
      {sharing.error && <Alert>{sharing.error.message}</Alert>}
      {invited && (
        <ShownOnce
          ready={`Your invitation for ${invited.email} is ready. Send them this link; it works once, for 14 days.`}
          label="Invitation link"
          what="link"
          value={invited.link}
          onError={setError}
        />
      )}
      <form className="form" onSubmit={invite} noValidate aria-label="Invite a coach">
        <Field label="Coach’s e-mail" required error={fieldError}>
          {(control) => (
            <input {...control} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !email.trim()}>
            {busy ? 'Inviting…' : 'Invite a coach'}
          </button>
        </div>
      </form>
      {data && data.coaches.length > 0 && (
        <>
          <h3>Coaches</h3>
          <ul className="feeds">
            {data.coaches.map((coach) => (
              <li key={coach.accountId} className="feed">
                <span>
                  <strong>{coach.name || coach.email}</strong> <span className="muted">{coach.email}</span>{' '}
                  <span className="muted small">since {formatDate(coach.since)}</span>
                </span>
                <ConfirmButton
                  small
                  label="Stop sharing"
                  question={`Stop sharing your workspace with ${coach.name || coach.email}?`}
                  detail={
                    <p>
                      They lose access at once. Their comments and suggestions stay; you can invite them again
                      later.
                    </p>
                  }
                  confirmLabel="Stop sharing"
                  busyLabel="Stopping…"
                  onConfirm={async () => {
                    await call(
                      api.coaching.coaches[':accountId'].$delete({ param: { accountId: coach.accountId } }),
                    );
                    sharing.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {data && data.invites.length > 0 && (
        <>
          <h3>Invitations not taken up yet</h3>
          <ul className="feeds">
            {data.invites.map((inv) => (
              <li key={inv.id} className="feed">
                <span>
                  {inv.email} <span className="muted small">until {formatDate(inv.expiresAt)}</span>
                </span>
                <ConfirmButton
                  small
                  label="Withdraw"
                  question={`Withdraw the invitation for ${inv.email}?`}
                  confirmLabel="Withdraw invitation"
                  busyLabel="Withdrawing…"
                  onConfirm={async () => {
                    await call(api.coaching.invites[':id'].$delete({ param: { id: inv.id } }));
                    sharing.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {data && (
        <>
          <h3>What your coaches did</h3>
          {data.activity.length === 0 ? (
            <p className="muted">No comments or suggestions yet.</p>
          ) : (
            <ul className="feeds coach-activity">
              {data.activity.map((a) => (
                <li key={`${a.kind}-${a.taskId ?? ''}-${a.at}-${a.text}`}>
                  <span className="muted small">{formatDateTime(a.at)}</span>{' '}
                  {a.kind === 'comment' ? (
                    <>
                      <strong>{a.coachName}</strong> commented on{' '}
                      <Link to={`/conversations/${a.conversationId}`}>{a.conversationTitle}</Link>: “{a.text}”
                    </>
                  ) : (
                    <>
                      <strong>{a.coachName}</strong> suggested a task: <Link to="/tasks">“{a.text}”</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
