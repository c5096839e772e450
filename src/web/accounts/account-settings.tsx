import { type FormEvent, useState } from 'react';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { ShownOnce } from '../ui/shown-once.js';
import { useLoad } from '../ui/use-load.js';
import { authRequest } from './auth-client.js';
import { PasskeySettings } from './passkey-settings.js';

/**
 * The account of a hosted server in Settings: sign out here or everywhere, and delete the account
 * with its whole workspace. Local mode has no account, so this shows nothing there.
 */
export function AccountSettings() {
  const session = useLoad('session', () => call(api.session.$get()));
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<string | null>(null);
  const account = session.data?.mode === 'hosted' ? session.data.account : null;
  if (!account) return null;

  const run = async (path: string, body: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    const problem = await authRequest(path, body);
    if (problem) {
      setError(problem);
      setBusy(false);
      return;
    }
    window.location.assign('/');
  };

  const makeInvite = async () => {
    setError(null);
    try {
      setInvite((await call(api.accounts.invites.$post())).code);
    } catch (err) {
      setError(describeError(err).message);
    }
  };

  const remove = (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError('Enter your password to delete the account.');
      return;
    }
    void run('/delete-user', { password });
  };

  return (
    <section className="card" aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      <p>
        Signed in as <strong>{account.email}</strong>.
      </p>
      {error && <Alert>{error}</Alert>}
      {session.data?.signUp === 'invite-only' && (
        <>
          <p>New accounts on this server need an invitation code. Each code works once, for 14 days.</p>
          {invite ? (
            <ShownOnce
              ready="Your invitation code is ready. Send it to the person you invite."
              label="Invitation code"
              what="code"
              value={invite}
              onError={setError}
            />
          ) : (
            <button type="button" className="button" onClick={() => void makeInvite()}>
              Invite someone
            </button>
          )}
        </>
      )}
      <PasskeySettings />
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void run('/sign-out')}>
          Sign out
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run('/revoke-sessions')}>
          Sign out everywhere
        </button>
        {!deleting && (
          <button type="button" className="button button-danger" onClick={() => setDeleting(true)}>
            Delete account…
          </button>
        )}
      </div>
      {deleting && (
        <form className="form" onSubmit={remove} noValidate aria-label="Delete account">
          <p>
            This deletes your account and your whole workspace: every person, conversation, note and document
            in it. It cannot be undone. Download a backup first if you may want any of it.
          </p>
          <Field label="Your password" required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              Delete my account and workspace
            </button>
            <button type="button" className="button" onClick={() => setDeleting(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
