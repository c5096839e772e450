import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { authCall } from './auth-client.js';
import { passkeyProblem } from './passkey-sign-in.js';

interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * The account's passkeys in Settings: add one (named, e.g. "Work laptop"), see them, remove one.
 * A passkey signs in without a password; the private key stays on the device.
 */
export function PasskeySettings() {
  const [items, setItems] = useState<Passkey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await authCall<{ items: Passkey[] }>('/passkey/list');
    if ('error' in result) setError(result.error);
    else setItems(result.data.items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (typeof window.PublicKeyCredential === 'undefined') {
    return (
      <section aria-labelledby="passkeys-heading">
        <h3 id="passkeys-heading">Passkeys</h3>
        <p>This browser cannot make passkeys. Use a recent Chrome, Edge, Firefox or Safari to add one.</p>
      </section>
    );
  }

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Give the passkey a name, such as "Work laptop".');
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    const finish = (problem: string | null) => {
      setBusy(false);
      if (problem) setError(problem);
    };
    const options = await authCall<
      Parameters<typeof import('@simplewebauthn/browser').startRegistration>[0]['optionsJSON']
    >('/passkey/register-options', {});
    if ('error' in options) return finish(options.error);
    let response: unknown;
    try {
      const { startRegistration } = await import('@simplewebauthn/browser');
      response = await startRegistration({ optionsJSON: options.data });
    } catch (err) {
      return finish(passkeyProblem(err));
    }
    const saved = await authCall('/passkey/register', { name: name.trim(), response });
    if ('error' in saved) return finish(saved.error);
    setDone(`Passkey "${name.trim()}" added. Next time, choose "Sign in with a passkey".`);
    setName('');
    setAdding(false);
    finish(null);
    await load();
  };

  const remove = async (passkey: Passkey) => {
    setError(null);
    setDone(null);
    const result = await authCall('/passkey/delete', { id: passkey.id });
    if ('error' in result) setError(result.error);
    else setDone(`Passkey "${passkey.name}" removed. It no longer signs in.`);
    await load();
  };

  return (
    <section aria-labelledby="passkeys-heading">
      <h3 id="passkeys-heading">Passkeys</h3>
      <p>A passkey signs you in with your device's screen lock or security key instead of your password.</p>
      {error && <Alert>{error}</Alert>}
      {done && <Notice tone="success">{done}</Notice>}
      {items && items.length > 0 && (
        <ul aria-label="Your passkeys">
          {items.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> — added {day(p.createdAt)}
              {p.lastUsedAt ? `, last used ${day(p.lastUsedAt)}` : ', not used yet'}
              {p.synced ? ' (synced between devices)' : ''}{' '}
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove passkey ${p.name}`}
                onClick={() => void remove(p)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {items && items.length === 0 && <p>No passkeys yet.</p>}
      {adding ? (
        <form className="form" onSubmit={add} noValidate aria-label="Add a passkey">
          <Field label="Passkey name" required hint='Which device or key it is on, e.g. "Work laptop".'>
            {(control) => (
              <input {...control} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Make the passkey
            </button>
            <button type="button" className="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a passkey
        </button>
      )}
    </section>
  );
}
