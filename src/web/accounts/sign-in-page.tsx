import { type FormEvent, useState } from 'react';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { authRequest } from './auth-client.js';
import { EmailField } from './email-field.js';
import { ForgotPassword } from './forgot-password.js';
import { PasskeySignIn } from './passkey-sign-in.js';

type SignUpMode = 'open' | 'invite-only' | 'off';

/**
 * The first page of a hosted server for someone signed out: sign in, or make an account when
 * the server takes new ones. A success reloads the app, which then opens the account's workspace.
 */
export function SignInPage({ signUp }: { signUp: SignUpMode }) {
  const [creating, setCreating] = useState(false);
  const [forgot, setForgot] = useState(false);
  // The reset page sends people here once their new password is set.
  const [notice] = useState(() =>
    new URLSearchParams(window.location.search).has('password-changed')
      ? 'Your new password is set, and every device was signed out. Sign in with the new password.'
      : null,
  );
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your e-mail and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = creating
      ? await authRequest('/sign-up/email', {
          email: email.trim(),
          password,
          name: name.trim() || email.trim(),
          ...(signUp === 'invite-only' ? { inviteCode: inviteCode.trim() } : {}),
        })
      : await authRequest('/sign-in/email', { email: email.trim(), password });
    if (problem) {
      setError(problem);
      setBusy(false);
      return;
    }
    window.location.reload();
  };

  if (forgot) return <ForgotPassword initialEmail={email} onBack={() => setForgot(false)} />;

  const title = creating ? 'Create your account' : 'Sign in to Rapport';
  return (
    <main id="main" className="page sign-in-page">
      <section className="card" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">{title}</h1>
        {notice && !error && <Notice tone="success">{notice}</Notice>}
        {error && <Alert>{error}</Alert>}
        <form className="form" onSubmit={submit} noValidate aria-label={title}>
          {creating && (
            <Field label="Your name">
              {(control) => (
                <input
                  {...control}
                  autoComplete="name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
          )}
          <EmailField value={email} onChange={setEmail} />
          <Field label="Password" required hint={creating ? 'At least 10 characters.' : undefined}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete={creating ? 'new-password' : 'current-password'}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {creating && signUp === 'invite-only' && (
            <Field label="Invitation code" required hint="The code the person who invited you sent.">
              {(control) => (
                <input {...control} value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} />
              )}
            </Field>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {creating ? 'Create account' : 'Sign in'}
          </button>
        </form>
        {!creating && (
          <>
            <p>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setForgot(true);
                  setError(null);
                }}
              >
                Forgot your password?
              </button>
            </p>
            <PasskeySignIn onError={setError} />
          </>
        )}
        {signUp !== 'off' && (
          <p>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setCreating(!creating);
                setError(null);
              }}
            >
              {creating ? 'I have an account: sign in' : 'No account yet? Create one'}
            </button>
          </p>
        )}
      </section>
    </main>
  );
}
