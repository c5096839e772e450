import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** A limit of `max` attempts per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Counts one attempt against `key` in the shared counters table (every server process sees the
 * same counts) and says whether it is within the limit, and if not, how many seconds to wait.
 * One statement, so attempts arriving together cannot all slip past a stale count.
 */
export async function consumeAttempt(opts: {
  db: Db;
  now: () => Date;
  key: string;
  limit: Limit;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = opts.now().getTime();
  const windowStart = now - opts.limit.windowMs;
  const result = await opts.db.execute(sql`
    insert into auth_rate_limit (id, key, count, last_request)
    values (gen_random_uuid()::text, ${opts.key}, 1, ${now})
    on conflict (key) do update set
      count = case when auth_rate_limit.last_request <= ${windowStart} then 1 else auth_rate_limit.count + 1 end,
      last_request = case when auth_rate_limit.last_request <= ${windowStart} then ${now} else auth_rate_limit.last_request end
    returning count, last_request`);
  const row = (result as unknown as { rows: { count: number; last_request: string | number }[] }).rows[0]!;
  const count = Number(row.count);
  if (count <= opts.limit.max) return { allowed: true, retryAfterSeconds: 0 };
  const freeAt = Number(row.last_request) + opts.limit.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
}
