import { useState } from 'react';
import { authCall } from './auth-client.js';

/** What a browser says when the person closes the passkey prompt, said kindly. */
export function passkeyProblem(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return 'The passkey prompt was closed before it finished. Try again when you are ready.';
  }
  if (name === 'InvalidStateError') return 'This device holds a passkey for this account already.';
  return 'This browser could not use a passkey here. Sign in with your password instead.';
}

/**
 * "Sign in with a passkey": the browser offers the passkeys it holds for this site, and the one
 * chosen signs in without an e-mail or password.
 */
export function PasskeySignIn({ onError }: { onError: (message: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  if (typeof window.PublicKeyCredential === 'undefined') return null;

  const signIn = async () => {
    setBusy(true);
    onError(null);
    const fail = (message: string) => {
      onError(message);
      setBusy(false);
    };
    const options = await authCall<
      Parameters<typeof import('@simplewebauthn/browser').startAuthentication>[0]['optionsJSON']
    >('/passkey/sign-in-options', {});
    if ('error' in options) return fail(options.error);
    let response: unknown;
    try {
      const { startAuthentication } = await import('@simplewebauthn/browser');
      response = await startAuthentication({ optionsJSON: options.data });
    } catch (err) {
      return fail(passkeyProblem(err));
    }
    const result = await authCall('/passkey/sign-in', { response });
    if ('error' in result) return fail(result.error);
    window.location.reload();
  };

  return (
    <p>
      <button type="button" className="button" disabled={busy} onClick={() => void signIn()}>
        Sign in with a passkey
      </button>
    </p>
  );
}
