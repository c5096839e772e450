import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

/**
 * A clock that end-to-end tests can move, so rules that count days (3B7, thank-yous, keep in
 * touch) are exercised without waiting. Only installed when the server is started with
 * RAPPORT_FAKE_CLOCK=1; a normal server has no such route.
 */
export function fakeClock(): { now: () => Date; install: (app: Hono<AppEnv>) => void } {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  return {
    now,
    install: (app) => {
      app.put('/api/_test/clock', async (c) => {
        const body = (await c.req.json().catch(() => ({}))) as { now?: string; advanceDays?: number };
        if (body.now) offsetMs = new Date(body.now).getTime() - Date.now();
        if (typeof body.advanceDays === 'number') offsetMs += body.advanceDays * 86_400_000;
        return c.json({ now: now().toISOString() });
      });
    },
  };
}
