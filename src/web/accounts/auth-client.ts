/**
 * The account endpoints of a hosted server (better-auth, under /api/auth). They are not part of
 * the typed API, so their answers are read here, and their messages put in our own words.
 */

/** What went wrong, said so the person at the keyboard knows what to do. */
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'That e-mail and password do not match an account.',
  INVALID_PASSWORD: 'That password is not the one of this account.',
  USER_ALREADY_EXISTS: 'There is already an account with this e-mail. Sign in instead.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'There is already an account with this e-mail. Sign in instead.',
  PASSWORD_TOO_SHORT: 'The password needs at least 10 characters.',
  PASSWORD_TOO_LONG: 'The password can have at most 256 characters.',
  INVALID_EMAIL: 'Enter an e-mail address, such as name@example.org.',
  EMAIL_AND_PASSWORD_SIGN_UP_IS_NOT_ENABLED:
    'This server takes no new accounts. Ask its administrator for one.',
  INVALID_TOKEN:
    'This link has expired or was used already. Go back to sign-in and choose "Forgot your password?" to get a new one.',
  EMAIL_ALREADY_VERIFIED: 'Your e-mail address is confirmed already.',
};

/** Codes whose message the server wrote for people already (throttling, invitations, mail, passkeys). */
const OWN_MESSAGES = new Set([
  'TOO_MANY_ATTEMPTS',
  'INVITE_REQUIRED',
  'MAIL_NOT_CONFIGURED',
  'PASSKEY_REFUSED',
]);

/** Sends one request to the account endpoints; resolves to an error message, or null when it worked. */
export async function authRequest(path: string, body: Record<string, unknown> = {}): Promise<string | null> {
  const result = await authCall(path, body);
  return 'error' in result ? result.error : null;
}

/** One request to the account endpoints (POST with a body, GET without): its JSON answer, or what went wrong. */
export async function authCall<T = unknown>(
  path: string,
  body?: Record<string, unknown>,
): Promise<{ data: T } | { error: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { error: 'Could not reach the Rapport server. Check your connection, then try again.' };
  }
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (res.ok) return { data: data as T };
  if (data.code && MESSAGES[data.code]) return { error: MESSAGES[data.code]! };
  if (res.status === 429 || (data.code && OWN_MESSAGES.has(data.code))) {
    return { error: data.message ?? 'Too many attempts. Wait a minute and try again.' };
  }
  if (res.status === 401) return { error: MESSAGES.INVALID_EMAIL_OR_PASSWORD! };
  return { error: `That did not work (the server answered ${res.status}). Please try again.` };
}
