import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createPerson } from '../services/people/people.js';
import { createApp } from './app.js';
import { acceptsGzip, compressApi } from './compress.js';
import type { AppEnv } from './env.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
  for (let i = 0; i < 30; i++) {
    await createPerson({
      ...t.ctx,
      input: { fullName: `Gzip Person ${i}`, title: 'Surveyor of long answers' },
    });
  }
});
afterAll(() => t.close());

const get = (path: string, acceptEncoding?: string) =>
  app.request(`http://localhost:4310${path}`, {
    headers: { host: 'localhost:4310', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });

/**
 * Turns of the event loop that other work gets while `answer` is made and read. On the embedded
 * database long work (an import, a restore) runs one statement a turn, and an answer waits for
 * each turn it gives away.
 */
async function turnsWhile(answer: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await answer();
  done = true;
  return turns;
}

describe('compressed API answers', () => {
  it('gzips a JSON answer at once, without handing the server to other work meanwhile', async () => {
    // A route of its own, without a database: the turns counted are compression's alone (a query to
    // PostgreSQL takes turns of its own).
    const big = {
      items: Array.from({ length: 300 }, (_, i) => ({ id: i, fullName: `Person ${i}`, title: 'Engineer' })),
    };
    const plain = new Hono<AppEnv>().use(compressApi()).get('/big', (c) => c.json(big));
    let res: Response | undefined;
    const turns = await turnsWhile(async () => {
      res = await plain.request('/big', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      await res.arrayBuffer();
    });
    expect(res!.headers.get('content-encoding')).toBe('gzip');
    expect(turns).toBeLessThanOrEqual(1);
  });

  it('sends the same JSON, with its length, gzipped or not', async () => {
    const plain = await get('/api/people?limit=25');
    const gz = await get('/api/people?limit=25', 'gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await gz.arrayBuffer());
    expect(gz.headers.get('content-length')).toBe(String(bytes.byteLength));
    const text = gunzipSync(bytes).toString();
    expect(JSON.parse(text)).toEqual(await plain.json());
    expect(bytes.byteLength).toBeLessThan(text.length / 3);
  });

  it('sends a short answer as it is, and says it depends on Accept-Encoding either way', async () => {
    const res = await get('/api/people?limit=1', 'gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect((await res.json()).items).toHaveLength(1);
  });

  it('streams a CSV export gzipped to a client that takes it', async () => {
    const res = await get('/api/exports/csv/people', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const csv = gunzipSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(csv).toContain('Gzip Person 29');
  });

  it('leaves an answer without a body as it is', async () => {
    const plain = new Hono<AppEnv>()
      .use(compressApi())
      .delete('/thing', (c) => c.body(null, 204, { 'content-type': 'application/json' }));
    const res = await plain.request('/thing', { method: 'DELETE', headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding as browsers and tools send it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('gzip; q=0.0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});
