// Kept apart from auth.ts so that a local server, which has no accounts, never loads better-auth
// (it adds seconds to a start on a busy machine): app.ts needs only these names.

/** Where better-auth answers: sign-up, sign-in, sign-out, sessions, account deletion. */
export const AUTH_BASE_PATH = '/api/auth';

/** The request header that carries the client's address (set by the server, never by the client). */
export const CLIENT_ADDRESS_HEADER = 'x-rapport-client-address';
