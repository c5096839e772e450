import { useState } from 'react';
import { Notice } from '../ui/alert.js';
import { authCall } from './auth-client.js';

/**
 * Shown across the app until the account confirms its e-mail address, with "Send again". The
 * account works meanwhile; the address matters for a password reset, which is mailed to it.
 */
export function VerifyBanner({ email, serverSendsMail }: { email: string; serverSendsMail: boolean }) {
  // A confirmation link that failed comes back here as /?error=… (better-auth's redirect).
  const [said, setSaid] = useState<string | null>(() => {
    const error = new URLSearchParams(window.location.search).get('error');
    return error === 'TOKEN_EXPIRED' || error === 'INVALID_TOKEN'
      ? 'That confirmation link has expired or is not a valid one. Choose "Send again" for a new link.'
      : null;
  });
  const [busy, setBusy] = useState(false);

  const sendAgain = async () => {
    setBusy(true);
    const result = await authCall('/send-verification-email', { email, callbackURL: '/' });
    setBusy(false);
    setSaid('error' in result ? result.error : `Sent. Open the link in the e-mail we just sent to ${email}.`);
  };

  if (!serverSendsMail) {
    return (
      <section className="verify-banner" aria-label="Confirm your e-mail address">
        <Notice tone="warning">
          This server cannot send e-mail yet, so your address <strong>{email}</strong> stays unconfirmed and a
          forgotten password cannot be reset by mail. Ask the person who runs it to set up its mail, or to
          make you a reset link if you lose your password.
        </Notice>
      </section>
    );
  }
  return (
    <section className="verify-banner" aria-label="Confirm your e-mail address">
      <Notice tone="warning">
        Please confirm your e-mail address: open the link we sent to <strong>{email}</strong>. Until then, a
        password reset cannot reach you.{' '}
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          onClick={() => void sendAgain()}
        >
          Send again
        </button>
        {said && <span className="verify-banner-said"> {said}</span>}
      </Notice>
    </section>
  );
}
