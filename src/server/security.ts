import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.js';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostname(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

function isLocal(name: string, extra: ReadonlySet<string>): boolean {
  const n = name.toLowerCase();
  return LOCAL_NAMES.has(n) || n.endsWith('.localhost') || extra.has(n);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Protects a server on the user's machine from other web pages: a Host that is not a local
 * name means DNS rebinding; a foreign Origin on a state-changing request means CSRF.
 * `allowedHosts` adds names the user bound the server to on purpose.
 */
export function localOnly(allowedHosts: string[] = []): MiddlewareHandler {
  const extra = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!isLocal(hostname(host), extra)) {
      return c.json(
        { error: { code: 'forbidden', message: `Requests for host "${host}" are refused.`, issues: [] } },
        403,
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      let foreign = site === 'cross-site';
      if (origin && origin !== 'null') {
        try {
          foreign ||= new URL(origin).host.toLowerCase() !== host.toLowerCase();
        } catch {
          foreign = true;
        }
      } else if (origin === 'null') {
        foreign = true;
      }
      if (foreign) {
        return c.json(
          { error: { code: 'forbidden', message: 'Changes from other web sites are refused.', issues: [] } },
          403,
        );
      }
    }
    await next();
  };
}

/**
 * The Host and Origin check of hosted mode: requests must name the public URL's host, and a
 * change must come from a page of the public origin (CSRF). A change with no Origin at all is
 * taken only with an access token, which a browser never adds on its own.
 */
export function publicOnly(publicUrl: string, opts: { trustedProxy?: boolean } = {}): MiddlewareHandler {
  const expected = new URL(publicUrl);
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (host !== expected.host.toLowerCase()) {
      return c.json(
        { error: { code: 'forbidden', message: `Requests for host "${host}" are refused.`, issues: [] } },
        403,
      );
    }
    // Behind the proxy, a request that reached it over plain http is sent to the https address,
    // where the Secure session cookie is sent; changes over http are refused rather than redirected.
    if (opts.trustedProxy && expected.protocol === 'https:' && c.req.header('x-forwarded-proto') === 'http') {
      if (!SAFE_METHODS.has(c.req.method)) {
        return c.json(
          {
            error: {
              code: 'forbidden',
              message: `Use ${expected.origin}: changes over plain http are refused.`,
              issues: [],
            },
          },
          403,
        );
      }
      const url = new URL(c.req.url);
      return c.redirect(`${expected.origin}${url.pathname}${url.search}`, 308);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const withToken = /^Bearer\s/i.test(c.req.header('authorization') ?? '');
      const foreign =
        origin === undefined
          ? !withToken || c.req.header('sec-fetch-site') === 'cross-site'
          : origin !== expected.origin;
      if (foreign) {
        return c.json(
          { error: { code: 'forbidden', message: 'Changes from other web sites are refused.', issues: [] } },
          403,
        );
      }
    }
    await next();
  };
}

/**
 * The client's address, for sign-in throttling: the socket's peer, or behind a trusted proxy the
 * last address the proxy appended to X-Forwarded-For (earlier ones are the client's own say).
 */
export function clientAddressOf(c: Context, trustedProxy: boolean): string {
  if (trustedProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Whether a bind address reaches only this machine. Local mode has no accounts, so anything
 * else would give everyone on the network the whole workspace.
 */
export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * The content policy of the web app: its own scripts only, no framing by other pages (a page on
 * another port could otherwise frame the whole app), no plugins. Styles allow inline attributes,
 * which the charts set; workers and images may come from blob: and data: URLs the app makes.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response, the API's and the web app's alike. A hosted server on
 * https adds HSTS, so a browser never again tries it over plain http.
 */
export function securityHeaders(opts: { hsts?: boolean } = {}): MiddlewareHandler {
  const headers: [string, string][] = [
    ...(opts.hsts
      ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]]
      : []),
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  return async (c, next) => {
    await next();
    setHeadersInPlace(c, headers);
  };
}

/**
 * Sets headers on the answer a route already made. `c.header()` after the route would copy the
 * answer into a new one whose body is a stream, once per header: the Node server then streams
 * every JSON answer instead of writing its text at once. The answer's own headers are set where
 * they can be; an answer whose headers cannot change (one fetched from elsewhere) is copied as before.
 */
export function setHeadersInPlace(c: Context, headers: readonly (readonly [string, string])[]): void {
  try {
    const own = c.res.headers;
    for (const [name, value] of headers) own.set(name, value);
  } catch {
    for (const [name, value] of headers) c.header(name, value);
  }
}

/** The path of the first text holding a NUL character in a parsed JSON value, if any. */
function nulPath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = nulPath(v, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function refuseNul(field: string) {
  const message = 'contains a NUL character (\\u0000), which no text can hold; remove it and try again';
  return new AppError('validation', { userMessage: `${field}: ${message}.`, issues: [{ field, message }] });
}

/**
 * Refuses a NUL character anywhere in the query or a JSON body, naming the field, before any
 * route sees it: PostgreSQL text cannot hold one, so it would otherwise fail deep inside a query.
 */
export function refuseNulCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.includes('\u0000') || decodeURIComponentSafe(url.pathname).includes('\u0000')) {
      throw refuseNul('(path)');
    }
    for (const [key, value] of url.searchParams) {
      if (key.includes('\u0000') || value.includes('\u0000')) throw refuseNul(key.split('\u0000').join(''));
    }
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      // Read through Hono, which keeps the text: the validators' c.req.json() parses it from there.
      // A clone of the raw request (as before) turned every JSON request into a full web Request
      // whose body was teed and read as a stream twice: about a tenth of a create's server CPU.
      const text = await c.req.text();
      if (text.includes('\\u0000') || text.includes('\u0000')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const path = parsed === undefined ? undefined : nulPath(parsed);
        if (path || text.includes('\u0000')) throw refuseNul(path?.length ? path.join('.') : '(body)');
      }
    }
    await next();
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
