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

const headers = { host: 'localhost' };

function connectionsCsv(n: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(`Ana${i},Silva,https://www.linkedin.com/in/s-${i},,Acme ${i % 50},Analyst,04 Mar 2021`);
  }
  return lines.join('\r\n');
}

/** How many people the People list finds for `q`. */
async function found(q: string): Promise<number> {
  const list = await app.request(`http://localhost/api/people?q=${q}`, { headers });
  expect(list.status).toBe(200);
  return ((await list.json()) as { total: number }).total;
}

interface Event {
  type: string;
  done?: number;
  total?: number;
  summary?: { counts: { new: number } };
}

describe('streamed progress of an import', () => {
  it('reaches the client while the import runs, and other requests are answered in between', async () => {
    const form = new FormData();
    form.set('file', new File([connectionsCsv(3000)], 'Connections.csv', { type: 'text/csv' }));
    const res = await app.request('http://localhost/api/imports/linkedin', {
      method: 'POST',
      body: form,
      headers: { ...headers, accept: 'application/x-ndjson' },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const events: Event[] = [];
    /** Whether the last person of the file was found when the first line part-way through arrived. */
    let lastFoundMidway: number | undefined;
    let pending = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const event = JSON.parse(pending.slice(0, nl)) as Event;
        pending = pending.slice(nl + 1);
        events.push(event);
        const midway = event.type === 'progress' && event.done! > 0 && event.done! < event.total!;
        if (midway && lastFoundMidway === undefined) {
          // The import is not over: another request is answered now, before the last person is written.
          lastFoundMidway = await found('Ana2999');
          expect(events.some((e) => e.type === 'result')).toBe(false);
        }
      }
    }
    expect(lastFoundMidway).toBe(0);
    expect(await found('Ana2999')).toBe(1);
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(3);
    expect(events.at(-1)).toMatchObject({ type: 'result', summary: { counts: { new: 3000 } } });
  }, 120_000);
});
