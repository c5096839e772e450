import http from 'node:http';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { serveOnSocket } from '../../../../test/api.js';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { watchStatements } from '../../../db/pglite-prepared.js';
import { people } from '../../../db/schema.js';
import { CSV_LISTS } from '../../../services/exports/exports-csv.js';
import { createPerson, listPeople } from '../../../services/people/people.js';
import { createOpportunity } from '../../../services/results/opportunities.js';
import { loadSampleWorkspace } from '../../../services/settings/sample.js';
import { createTask, updateTask } from '../../../services/tasks/tasks.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
  await loadSampleWorkspace(t.ctx);
  await createPerson({
    ...t.ctx,
    input: {
      fullName: 'Алексей Смирнов',
      title: '=HYPERLINK("http://evil.example")',
      notes: 'Met at "Café, Lyon"\nsecond line',
    },
  });
});
afterAll(() => t.close());

const get = (path: string) =>
  app.request(`http://localhost/api/exports${path}`, { headers: { host: 'localhost' } });

async function rows(path: string): Promise<Record<string, string>[]> {
  const res = await get(path);
  expect(res.status).toBe(200);
  return parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
}

describe('CSV export over HTTP', () => {
  it('downloads people as UTF-8 with BOM, human headers and a dated file name', async () => {
    const res = await get('/csv/people');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="rapport-people-2026-11-23.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // res.text() would drop the mark, as browsers do; spreadsheets read it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFFull name,Title,Function,Seniority,Organization,E-mail/);
  });

  it('keeps non-Latin names, quotes commas and line breaks, and defuses formulas', async () => {
    const all = await rows('/csv/people');
    const alexei = all.find((r) => r['Full name'] === 'Алексей Смирнов')!;
    expect(alexei.Title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(alexei.Notes).toBe('Met at "Café, Lyon"\nsecond line');
    expect(alexei.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('keeps a value with a bare line break in its cell and defuses a formula on any line', async () => {
    await createPerson({
      ...t.ctx,
      input: {
        fullName: 'Line Breaks',
        title: 'ok\n=1+2',
        function: 'first\rsecond',
        location: 'first\r\nsecond',
        notes: 'first line\nsecond line',
        howWeKnow: '@SUM(1)',
        phone: '-1+1',
      },
    });
    const all = await rows('/csv/people');
    // A bare CR or LF written unquoted would start new rows, with "=1+2" alone in a cell.
    expect(all).toHaveLength((await listPeople({ ...t.ctx, limit: 1000 })).total);
    const person = all.find((r) => r['Full name'] === 'Line Breaks')!;
    expect(person.Title).toBe("ok\n'=1+2");
    expect(person.Function).toBe('first\rsecond');
    expect(person.Location).toBe('first\r\nsecond');
    expect(person.Notes).toBe('first line\nsecond line');
    expect(person['How we know each other']).toBe("'@SUM(1)");
    expect(person.Phone).toBe("'-1+1");
  });

  it('streams a long list page by page, every row once, while other requests are answered', async () => {
    const ctx = await t.otherWorkspace();
    const other = createApp({ context: () => ctx, webDir: null });
    // Names repeat, so pages end in the middle of a run of equal names.
    const total = 12_000;
    const names = ['Ana Silva', 'ana silva', 'Bo Chen', 'Zoë Novak'];
    for (let from = 0; from < total; from += 2000) {
      await ctx.db.insert(people).values(
        Array.from({ length: 2000 }, (_, i) => ({
          workspaceId: ctx.workspaceId,
          fullName: names[(from + i) % names.length]!,
          title: `Number ${from + i}`,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })),
      );
    }
    // Through a real socket, as a browser downloads it: a request that arrives meanwhile must be
    // read and answered, not left waiting in the kernel until the export is done.
    const port = await serveOnSocket(other.fetch);
    const request = async (path: string) =>
      fetch(`http://127.0.0.1:${port}/api${path}`, { headers: { host: 'localhost' } });

    const res = await request('/exports/csv/people');
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let lines = 0;
    const read = async () => {
      const { done, value } = await reader.read();
      if (done) return false;
      const chunk = decoder.decode(value, { stream: true });
      text += chunk;
      lines += chunk.split('\r\n').length - 1;
      return true;
    };
    // The answer starts before the list is read: the first page is there, not the whole list.
    await read();
    expect(lines).toBeGreaterThan(1);
    expect(lines).toBeLessThan(total);

    // Another request, sent while the export keeps streaming as fast as it is read, is answered
    // before the export ends.
    let linesWhenAnswered = -1;
    const answered = request('/people?limit=1').then(async (r) => {
      linesWhenAnswered = lines;
      return r.json() as Promise<{ total: number; totalIsCapped?: boolean }>;
    });
    while (await read());
    // The list's count stops at a thousand and says there are more.
    expect(await answered).toMatchObject({ total: 1000, totalIsCapped: true });
    expect(linesWhenAnswered).toBeGreaterThan(0);
    // The embedded database has one connection: an export holding it for its whole length would
    // answer the other request only at the end. PostgreSQL gives each request its own connection,
    // so there the order is a race between two independent requests and proves nothing.
    if (t.handle.engine === 'pglite') expect(linesWhenAnswered).toBeLessThan(total);

    const exported = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(exported).toHaveLength(total);
    expect(new Set(exported.map((r) => r.Title)).size).toBe(total);
    const keys = exported.map((r) => r['Full name']!.toLowerCase());
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }, 60_000);

  it('answers a request sent on a new connection during the People export before reading a second page', async () => {
    // The embedded database's one connection is what is shared; PostgreSQL gives each request its own.
    if (t.handle.engine !== 'pglite') return;
    const ctx = await t.otherWorkspace();
    const other = createApp({ context: () => ctx, webDir: null });
    for (let from = 0; from < 8000; from += 2000) {
      await ctx.db.insert(people).values(
        Array.from({ length: 2000 }, (_, i) => ({
          workspaceId: ctx.workspaceId,
          fullName: `Person ${from + i}`,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })),
      );
    }
    const port = await serveOnSocket(other.fetch);
    let pagesRead = 0;
    const stopWatching = watchStatements(ctx.db, (text) => {
      if (text.includes('with page as')) pagesRead++;
    });
    onTestFinished(stopWatching);
    // Each request on a connection of its own (agent: false), as the bench's, and as a browser's
    // first request on each of its connections: the accepting turn of the event loop reads nothing.
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get(
            { host: '127.0.0.1', port, path: `/api${path}`, agent: false, headers: { host: 'localhost' } },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => {
                body += c;
              });
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          )
          .on('error', reject);
      });
    let exporting = true;
    const exported = get('/exports/csv/people').finally(() => {
      exporting = false;
    });
    // How many pages the export read while each request waited for its answer.
    const pagesWhileWaiting: number[] = [];
    while (exporting) {
      const before = pagesRead;
      const res = await get('/workspace');
      expect(res.status).toBe(200);
      if (exporting) pagesWhileWaiting.push(pagesRead - before);
    }
    const csv = await exported;
    expect((parse(csv.body, { bom: true }) as unknown[]).length).toBe(8001);
    expect(pagesWhileWaiting.length).toBeGreaterThan(0);
    // One page here (the one being read when the request came); waiting on one turn of the event
    // loop before each page, each request waited for three.
    expect(Math.max(...pagesWhileWaiting)).toBeLessThanOrEqual(2);
  }, 60_000);

  it('applies the page’s filters', async () => {
    const everyone = await rows('/csv/people');
    const some = await rows('/csv/people?q=Смирнов');
    expect(some.map((r) => r['Full name'])).toEqual(['Алексей Смирнов']);
    expect(everyone.length).toBeGreaterThan(some.length);
    const scheduled = await rows('/csv/conversations?status=scheduled');
    const conversations = await rows('/csv/conversations');
    expect(scheduled.length).toBeLessThan(conversations.length);
    expect(scheduled.every((r) => r.Status === 'Scheduled')).toBe(true);
  });

  it('filters opportunities by kind', async () => {
    for (const kind of ['offer', 'referral'] as const) {
      await createOpportunity({
        ...t.ctx,
        input: { kind, title: `A ${kind}`, occurredOn: '2026-11-20', sources: [] },
      });
    }
    const offers = await rows('/csv/opportunities?kind=offer');
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((r) => r.Kind === 'Offer')).toBe(true);
    expect((await rows('/csv/opportunities')).length).toBeGreaterThan(offers.length);
  });

  it('filters tasks by state and kind, and messages by direction and channel, as their pages do', async () => {
    const ctx = await t.otherWorkspace();
    const other = createApp({ context: () => ctx, webDir: null });
    const csv = async (path: string) => {
      const res = await other.request(`http://localhost/api/exports${path}`, {
        headers: { host: 'localhost' },
      });
      expect(res.status, path).toBe(200);
      return parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    };
    await loadSampleWorkspace(ctx);
    const { id: personId } = await createPerson({ ...ctx, input: { fullName: 'Noor Haddad' } });
    const promised = await createTask({
      ...ctx,
      input: { title: 'Send the article', kind: 'promise_mine', personId },
    });
    await createTask({
      ...ctx,
      input: { title: 'Hear back about the team', kind: 'promise_theirs', personId },
    });
    await updateTask({ ...ctx, id: promised.id, input: { done: true } });
    const titles = (list: Record<string, string>[]) => list.map((r) => r.Task).sort();
    const hers = `personId=${personId}`;
    expect(titles(await csv(`/csv/tasks?${hers}`))).toEqual(['Hear back about the team']);
    expect(titles(await csv(`/csv/tasks?${hers}&taskState=done`))).toEqual(['Send the article']);
    expect(titles(await csv(`/csv/tasks?${hers}&taskState=all&taskKind=promise_mine`))).toEqual([
      'Send the article',
    ]);
    // The sample's own promises are there without the person filter.
    expect((await csv('/csv/tasks?taskState=all')).length).toBeGreaterThan(2);

    const sent = await csv('/csv/messages?direction=out');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.Direction === 'Sent')).toBe(true);
    expect((await csv('/csv/messages')).length).toBeGreaterThan(sent.length);
    const onLinkedIn = await csv('/csv/messages?direction=out&channel=linkedin');
    expect(onLinkedIn.length).toBeGreaterThan(0);
    expect(onLinkedIn.every((r) => r.Channel === 'LinkedIn' && r.Direction === 'Sent')).toBe(true);
    expect(onLinkedIn.length).toBeLessThan(sent.length);
  });

  it('exports every list', async () => {
    for (const list of CSV_LISTS) {
      const res = await get(`/csv/${list}`);
      expect(res.status, list).toBe(200);
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 3)], list).toEqual([0xef, 0xbb, 0xbf]);
    }
    const targets = await rows('/csv/targets');
    expect(Object.keys(targets[0] ?? { Rank: '' })).toContain('Rank');
  });

  it('answers 400 naming the problem for an unknown list or filter', async () => {
    expect((await get('/csv/secrets')).status).toBe(400);
    const bad = await get('/csv/conversations?status=sleeping');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /status: unknown status sleeping/i,
    );
  });
});
