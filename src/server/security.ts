import type { MiddlewareHandler } from 'hono';

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
