/**
 * The rules of personal access tokens, without I/O: what a token looks like and what a
 * read-only token may do.
 */
import type { TokenScope } from './vocab.js';

/** Every token starts with this, so a leaked one is easy to recognise (and to search for). */
export const TOKEN_PREFIX = 'rapport_';

/** How many characters of a token are kept in the clear to tell tokens apart in a list. */
export const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/** A token as typed: the prefix, then 43 base64url characters (32 random bytes). */
export function looksLikeToken(text: string): boolean {
  return new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`).test(text);
}

/**
 * API calls that answer without writing anything although they are POSTs (their input is too
 * long for a query string): checking a draft and filling a template. A read-only token may use them.
 */
const READING_POSTS = new Set(['/api/outreach/check', '/api/outreach/draft']);

/** Whether a token of this scope may make this API call. */
export function scopeAllows(scope: TokenScope, method: string, path: string): boolean {
  if (scope === 'write') return true;
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return true;
  return m === 'POST' && READING_POSTS.has(path.replace(/\/+$/, ''));
}
