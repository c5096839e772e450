import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createApp } from './app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues: { field: string; message: string }[];
    details?: { current?: unknown };
  };
}

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

describe('REST API', () => {
  it('serves an OpenAPI document describing every resource', async () => {
    const res = await send('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: object };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/people',
      '/api/people/{id}',
      '/api/people/{id}/timeline',
      '/api/organizations',
      '/api/conversations/{id}/move',
      '/api/conversations/{id}/meeting',
      '/api/notes',
      '/api/workspace/sample',
      '/api/agenda',
      '/api/messages',
      '/api/outreach/targets',
      '/api/outreach/draft',
      '/api/calendar/meetings/{id}',
      '/api/network/warm-paths/{id}',
      '/api/opportunities/dashboard',
      '/api/preparation/plans/{id}/propose',
      '/api/preparation/debrief/{id}',
      '/api/documents',
      '/api/search',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Person', 'Conversation', 'Error']),
    );
  });

  it('names each invalid field and what is wrong', async () => {
    const res = await send('POST', '/api/people', {
      fullName: '',
      email: 'not-mail',
      linkedinUrl: 'javascript:alert(1)',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation');
    const fields = body.error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(['email', 'fullName', 'linkedinUrl']);
    // Sentences about the fields as the form labels them, never the schema library's wording.
    expect(body.error.message).toContain('E-mail is not an e-mail address');
    expect(body.error.issues).toContainEqual({ field: 'fullName', message: 'Name is required.' });
    expect(body.error.message).not.toMatch(/email:|Invalid input|expected/);
  });

  it('answers malformed JSON, bad ids and unknown routes with 4xx, never 500', async () => {
    const malformed = await send('POST', '/api/people', '{"fullName": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.code).toBe('validation');
    const badId = await send('GET', '/api/people/123');
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as ErrorBody).error.issues[0]?.field).toBe('id');
    const missing = await send('GET', '/api/people/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const unknown = await send('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    const wrongType = await send('POST', '/api/people', { fullName: 42, tags: 'x' });
    expect(wrongType.status).toBe(400);
    const badStatus = await send('GET', '/api/conversations?status=bogus');
    expect(badStatus.status).toBe(400);
    const hugeLimit = await send('GET', '/api/people?limit=100000');
    expect(hugeLimit.status).toBe(400);
  });

  it('refuses a stale edit with 409 and returns the current record', async () => {
    const created = (await (await send('POST', '/api/people', { fullName: 'Api Person' })).json()) as {
      id: string;
      version: number;
    };
    const ok = await send('PATCH', `/api/people/${created.id}`, { title: 'First', version: created.version });
    expect(ok.status).toBe(200);
    const stale = await send('PATCH', `/api/people/${created.id}`, {
      title: 'Second',
      version: created.version,
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as ErrorBody;
    expect(body.error.code).toBe('stale');
    expect(body.error.details?.current).toMatchObject({ title: 'First' });
  });

  it('explains a refused status move with 422', async () => {
    const person = (await (await send('POST', '/api/people', { fullName: 'Mover' })).json()) as {
      id: string;
    };
    const conv = (await (
      await send('POST', '/api/conversations', { type: 'learn_role', participantIds: [person.id] })
    ).json()) as { id: string; status: string };
    expect(conv.status).toBe('idea');
    const res = await send('POST', `/api/conversations/${conv.id}/move`, { to: 'thanked' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/cannot go from Idea to Thanked/);
  });

  it('schedules with a default of 30 minutes and warns above 45', async () => {
    const person = (await (await send('POST', '/api/people', { fullName: 'Scheduler' })).json()) as {
      id: string;
    };
    const conv = (await (
      await send('POST', '/api/conversations', { type: 'learn_role', participantIds: [person.id] })
    ).json()) as { id: string };
    const ok = await send('PUT', `/api/conversations/${conv.id}/meeting`, {
      startsAt: '2026-12-01T14:30:00+01:00',
      timeZone: 'Europe/Paris',
      medium: 'coffee',
    });
    const body = (await ok.json()) as {
      conversation: { meeting: { durationMinutes: number; startsAt: string } };
      warnings: string[];
    };
    expect(body.conversation.meeting.durationMinutes).toBe(30);
    expect(body.conversation.meeting.startsAt).toBe('2026-12-01T13:30:00.000Z');
    expect(body.warnings).toEqual([]);
    const long = await send('PUT', `/api/conversations/${conv.id}/meeting`, {
      startsAt: '2026-12-01T14:30:00+01:00',
      timeZone: 'Europe/Paris',
      durationMinutes: 90,
      medium: 'coffee',
    });
    expect(((await long.json()) as { warnings: string[] }).warnings[0]).toMatch(/90 minutes is long/);
    const noOffset = await send('PUT', `/api/conversations/${conv.id}/meeting`, {
      startsAt: '2026-12-01 14:30',
      timeZone: 'Europe/Paris',
      medium: 'coffee',
    });
    expect(noOffset.status).toBe(400);
  });

  it('keeps a note with a script tag as plain text', async () => {
    const person = (await (await send('POST', '/api/people', { fullName: 'Script Kid' })).json()) as {
      id: string;
    };
    const res = await send('POST', '/api/notes', { personId: person.id, body: '<script>alert(1)</script>' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('local safety', () => {
  it('refuses requests addressed to a foreign host name (DNS rebinding)', async () => {
    const res = await send('GET', '/api/people', undefined, { host: 'evil.example:4310' });
    expect(res.status).toBe(403);
  });

  it('refuses state changes from another web site (CSRF), but not from the app itself', async () => {
    const foreign = await send(
      'POST',
      '/api/people',
      { fullName: 'CSRF' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await send(
      'POST',
      '/api/people',
      { fullName: 'CSRF' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const same = await send(
      'POST',
      '/api/people',
      { fullName: 'Same Origin' },
      { origin: 'http://localhost:4310' },
    );
    expect(same.status).toBe(201);
    const list = (await (await send('GET', '/api/people?q=CSRF')).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it('accepts the loopback names', async () => {
    for (const host of ['127.0.0.1:4310', 'localhost', '[::1]:4310', 'rapport.localhost:4310']) {
      expect((await send('GET', '/api/workspace', undefined, { host })).status, host).toBe(200);
    }
  });
});

describe('local means local', () => {
  it('sends security headers on API responses, errors and the web app', async () => {
    const web = createApp({ context: () => t.ctx, webDir: null });
    const responses = [
      await send('GET', '/api/workspace'),
      await send('GET', '/api/people/not-an-id'),
      await send('GET', '/api/people', undefined, { host: 'evil.example' }),
      await web.request('http://localhost:4310/', { headers: { host: 'localhost:4310' } }),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('refuses to listen beyond this machine, and says why', async () => {
    const { startServer } = await import('./serve.js');
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.com']) {
      await expect(
        startServer({ host, port: 0, dataDir: '/nonexistent/never-opened', databaseUrl: undefined }),
      ).rejects.toThrow(/only listens on 127\.0\.0\.1, ::1 or localhost/);
    }
    const { isLoopbackAddress } = await import('./security.js');
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopbackAddress)).toBe(true);
  });

  it('logs an unexpected database error without the values the user typed', async () => {
    const { describeForLog } = await import('./errors.js');
    const failure = Object.assign(
      new Error('Failed query: insert into people values ($1)\nparams: Ada Secret,ada@example.com'),
      {
        query: 'insert into people values ($1)',
        params: ['Ada Secret', 'ada@example.com'],
        cause: Object.assign(new Error('value too long for "Ada Secret"'), { code: '22001' }),
      },
    );
    const logged = describeForLog(failure);
    expect(logged).toContain('SQLSTATE 22001');
    expect(logged).toContain('insert into people values ($1)');
    expect(logged).not.toContain('Ada Secret');
    expect(logged).not.toContain('ada@example.com');
  });
});

describe('NUL characters', () => {
  it('refuses a NUL character in a body field or the query with a 400 that names the field, and saves nothing', async () => {
    const created = await send('POST', '/api/people', {
      fullName: 'Nul\u0000Person',
      tags: ['ok', 'bad\u0000'],
    });
    expect(created.status).toBe(400);
    const body = (await created.json()) as ErrorBody;
    expect(body.error.issues[0]?.field).toBe('fullName');
    expect(body.error.message).toMatch(/^Name contains a NUL character/);
    const query = await send('GET', '/api/people?q=%00');
    expect(query.status).toBe(400);
    expect(((await query.json()) as ErrorBody).error.issues[0]?.field).toBe('q');
    const list = (await (await send('GET', '/api/people?q=Nul')).json()) as { total: number };
    expect(list.total).toBe(0);
  });
});

describe('compact', () => {
  it('rewrites the tables of the embedded database and says how big it was before and after', async () => {
    const res = await send('POST', '/api/workspace/compact');
    if (process.env.TEST_DATABASE_URL) {
      // PostgreSQL gives space back with its own autovacuum; the answer says so.
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.message).toMatch(/autovacuum/);
      return;
    }
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tables: string[]; bytesBefore: number; bytesAfter: number };
    expect(body.tables).toContain('people');
    expect(body.bytesAfter).toBeGreaterThan(0);
  });
});
