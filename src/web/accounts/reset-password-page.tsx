import { type FormEvent, useState } from 'react';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { authRequest } from './auth-client.js';

/**
 * Where the link of a password-reset e-mail leads (/reset-password?token=…): choose a new
 * password, then sign in with it. Setting it signs the account out everywhere.
 */
export function ResetPasswordPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(
    token
      ? null
      : 'This link is missing its code. Open the link from the e-mail again, or ask for a new one.',
  );
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 10) {
      setError('The password needs at least 10 characters.');
      return;
    }
    if (password !== repeat) {
      setError('The two passwords differ. Type the same one twice.');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await authRequest('/reset-password', { token, newPassword: password });
    if (problem) {
      setError(problem);
      setBusy(false);
      return;
    }
    window.location.assign('/?password-changed');
  };

  return (
    <main id="main" className="page sign-in-page">
      <section className="card" aria-labelledby="reset-heading">
        <h1 id="reset-heading">Choose a new password</h1>
        {error && <Alert>{error}</Alert>}
        <form className="form" onSubmit={submit} noValidate aria-label="Choose a new password">
          <Field label="New password" required hint="At least 10 characters.">
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label="The same password again" required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button button-primary" disabled={busy || !token}>
            Set the new password
          </button>
        </form>
        <p>
          <a href="/">Back to sign-in</a>
        </p>
      </section>
    </main>
  );
}
