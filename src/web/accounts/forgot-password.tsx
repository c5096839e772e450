import { type FormEvent, useState } from 'react';
import { Alert, Notice } from '../ui/alert.js';
import { authRequest } from './auth-client.js';
import { EmailField } from './email-field.js';

/**
 * "Forgot your password?": asks the server to mail a reset link. The answer is the same whether
 * or not the address has an account, so this page never tells who has one.
 */
export function ForgotPassword({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setError('Enter the e-mail address of your account.');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await authRequest('/request-password-reset', { email: email.trim() });
    setBusy(false);
    if (problem) {
      setError(problem);
      return;
    }
    setSent(email.trim());
  };

  return (
    <main id="main" className="page sign-in-page">
      <section className="card" aria-labelledby="forgot-heading">
        <h1 id="forgot-heading">Choose a new password</h1>
        {error && <Alert>{error}</Alert>}
        {sent ? (
          <Notice tone="success">
            If {sent} belongs to an account here, an e-mail with a link to choose a new password is on its
            way. The link works once, for an hour. Nothing arrived after a few minutes? Check your spam
            folder, or ask again.
          </Notice>
        ) : (
          <p>
            Enter the e-mail address of your account, and we will send you a link to choose a new password.
          </p>
        )}
        <form className="form" onSubmit={submit} noValidate aria-label="Send a reset link">
          <EmailField value={email} onChange={setEmail} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {sent ? 'Send the link again' : 'Send me a link'}
          </button>
        </form>
        <p>
          <button type="button" className="button button-quiet" onClick={onBack}>
            Back to sign-in
          </button>
        </p>
      </section>
    </main>
  );
}
