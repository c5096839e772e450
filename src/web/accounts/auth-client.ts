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
};

/** Sends one request to the account endpoints; resolves to an error message, or null when it worked. */
export async function authRequest(path: string, body: Record<string, unknown> = {}): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    return 'Could not reach the Rapport server. Check your connection, then try again.';
  }
  if (res.ok) return null;
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (data.code && MESSAGES[data.code]) return MESSAGES[data.code]!;
  // Our own messages (throttling, invitations) are already written for people.
  if (res.status === 429 || data.code === 'TOO_MANY_ATTEMPTS' || data.code === 'INVITE_REQUIRED') {
    return data.message ?? 'Too many attempts. Wait a minute and try again.';
  }
  if (res.status === 401) return MESSAGES.INVALID_EMAIL_OR_PASSWORD!;
  return `That did not work (the server answered ${res.status}). Please try again.`;
}
