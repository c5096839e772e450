import { type FormEvent, useId, useState } from 'react';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { ShownOnce } from '../ui/shown-once.js';
import { useLoad } from '../ui/use-load.js';

const SCOPE_LABELS = { read: 'Read only', write: 'Read and write' } as const;

/**
 * Personal access tokens for assistants and scripts (the API and /mcp). Only a fingerprint of a
 * token is kept, so it is shown once, right after it is made.
 */
export function AccessTokens() {
  const nameId = useId();
  const scopeName = useId();
  const tokens = useLoad('access-tokens', () => call(api.tokens.$get()));
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Give the token a name, such as the assistant that will use it.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const made = await call(api.tokens.$post({ json: { name: name.trim(), scope } }));
      setCreated({ name: made.name, token: made.token });
      setName('');
      tokens.reload();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const list = tokens.data ?? [];
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Access tokens</h2>
      <p>
        A token lets an AI assistant or a script use Rapport through its API or at{' '}
        <code>{`${window.location.origin}/mcp`}</code>. A read-only token can look but not change anything.
        Anyone who has a token can act as you, so keep it private and revoke it if it leaks. A desktop
        assistant started with <code>rapport mcp</code> on this computer needs no token.
      </p>
      {error && <Alert>{error}</Alert>}
      {created && (
        <ShownOnce
          ready={`Your token "${created.name}" is ready.`}
          label="New token"
          what="token"
          value={created.token}
          onError={setError}
        />
      )}
      <form className="form" onSubmit={create} noValidate aria-label="Create an access token">
        <label htmlFor={nameId}>Token name</label>
        <input
          id={nameId}
          value={name}
          maxLength={100}
          placeholder="e.g. Desktop assistant"
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="choice-row">
          <legend>What it may do</legend>
          {(['read', 'write'] as const).map((s) => (
            <label key={s} className="check">
              <input type="radio" name={scopeName} checked={scope === s} onChange={() => setScope(s)} />
              {SCOPE_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create a token'}
        </button>
      </form>
      {tokens.error && <Alert>{tokens.error.message}</Alert>}
      {!tokens.data && tokens.loading && <Loading what="Loading tokens" />}
      {tokens.data && list.length === 0 && <p className="muted">No tokens yet.</p>}
      {list.length > 0 && (
        <ul className="feeds" aria-label="Your access tokens">
          {list.map((t) => (
            <li key={t.id} className="feed">
              <span>
                <strong>{t.name}</strong> · {SCOPE_LABELS[t.scope]} · <code>{t.prefix}…</code>
                <br />
                <span className="muted small">
                  Created {formatDateTime(t.createdAt)} ·{' '}
                  {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : 'never used'}
                </span>
                {' · '}
                {t.revokedAt ? (
                  <span className="muted">revoked {formatDateTime(t.revokedAt)}</span>
                ) : (
                  <span className="tag tag-working">Active</span>
                )}
              </span>
              {!t.revokedAt && (
                <ConfirmButton
                  small
                  label="Revoke"
                  question={`Revoke the token "${t.name}"?`}
                  detail={<p>Whatever uses it loses access at once. This cannot be undone.</p>}
                  confirmLabel="Revoke token"
                  busyLabel="Revoking…"
                  onConfirm={async () => {
                    await call(api.tokens[':id'].$delete({ param: { id: t.id } }));
                    tokens.reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
