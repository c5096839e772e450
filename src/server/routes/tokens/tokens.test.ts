import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

function send(method: string, path: string, opts: { body?: unknown; token?: string; auth?: string } = {}) {
  const headers: Record<string, string> = { host: 'localhost:4310', 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.auth !== undefined) headers.authorization = opts.auth;
  return app.request(`http://localhost:4310${path}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
}

interface Token {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  token: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

async function make(name: string, scope: 'read' | 'write'): Promise<Token> {
  const res = await send('POST', '/api/tokens', { body: { name, scope } });
  expect(res.status).toBe(201);
  return (await res.json()) as Token;
}

describe('personal access tokens', () => {
  it('shows a new token once, keeps only its hash, and lists it without the secret', async () => {
    const made = await make('Desktop assistant', 'read');
    expect(made.token).toMatch(/^rapport_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    const list = (await (await send('GET', '/api/tokens')).json()) as Token[];
    const listed = list.find((x) => x.id === made.id)!;
    expect(listed).toMatchObject({
      name: 'Desktop assistant',
      scope: 'read',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(made.token);
    const stored = await t.handle.db.execute(`select token_hash from access_tokens where id = '${made.id}'`);
    const hash = (stored as unknown as { rows: { token_hash: string }[] }).rows[0]!.token_hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(made.token.slice(8));
  });

  it('lets a read-only token read and check drafts, refuses its writes, and records when it was used', async () => {
    const read = await make('Reader', 'read');
    expect((await send('GET', '/api/people', { token: read.token })).status).toBe(200);
    const check = await send('POST', '/api/outreach/check', { token: read.token, body: { text: 'Hello?' } });
    expect(check.status).toBe(200);
    const write = await send('POST', '/api/people', { token: read.token, body: { fullName: 'Ada' } });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { message: string } }).error.message).toContain('read-only');
    const list = (await (await send('GET', '/api/tokens')).json()) as Token[];
    expect(list.find((x) => x.id === read.id)!.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('lets a read-write token write', async () => {
    const rw = await make('Writer', 'write');
    const res = await send('POST', '/api/people', { token: rw.token, body: { fullName: 'Grace Hopper' } });
    expect(res.status).toBe(201);
  });

  it('refuses a revoked token and a made-up one with 401, and keeps working without any header', async () => {
    const gone = await make('Soon gone', 'write');
    expect((await send('GET', '/api/agenda', { token: gone.token })).status).toBe(200);
    const revoked = await send('DELETE', `/api/tokens/${gone.id}`);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as Token).revokedAt).toBe(t.clock.now().toISOString());
    const refused = await send('GET', '/api/agenda', { token: gone.token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('not valid');
    expect((await send('GET', '/api/agenda', { token: `rapport_${'x'.repeat(43)}` })).status).toBe(401);
    expect((await send('GET', '/api/agenda', { auth: 'Basic abc' })).status).toBe(401);
    expect((await send('GET', '/api/agenda')).status).toBe(200);
  });

  it('does not let a token make or revoke tokens', async () => {
    const rw = await make('Strong', 'write');
    const res = await send('POST', '/api/tokens', {
      token: rw.token,
      body: { name: 'More', scope: 'write' },
    });
    expect(res.status).toBe(403);
    expect((await send('DELETE', `/api/tokens/${rw.id}`, { token: rw.token })).status).toBe(403);
  });

  it('says what to fix for a bad name or scope, and an unknown id', async () => {
    const res = await send('POST', '/api/tokens', { body: { name: '', scope: 'admin' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(['name', 'scope']);
    expect((await send('DELETE', '/api/tokens/7a0c6f8e-4a43-4c57-9f5e-2c0d3f3b8a11')).status).toBe(404);
  });
});
