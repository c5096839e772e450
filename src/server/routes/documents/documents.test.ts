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

function upload(
  content: BlobPart,
  fileName: string,
  fields: Record<string, string> = { kind: 'resume', title: 'CV' },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new File([content], fileName));
  return app.request('http://localhost/api/documents', {
    method: 'POST',
    body: form,
    headers: { host: 'localhost' },
  });
}

describe('documents over HTTP', () => {
  it('stores a PDF and serves it back as an attachment that cannot render as a page', async () => {
    const res = await upload('%PDF-1.7\nhello', 'My CV "2026".pdf', {
      kind: 'resume',
      title: 'Resume',
      versionLabel: 'v2',
    });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; mimeType: string; sizeBytes: number };
    expect(doc.mimeType).toBe('application/pdf');
    const file = await app.request(`http://localhost/api/documents/${doc.id}/file`, {
      headers: { host: 'localhost' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="My CV _2026_.pdf"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await file.text()).toBe('%PDF-1.7\nhello');
  });

  it('refuses HTML dressed as a PDF, a missing file and a file over 10 MB, with clear errors', async () => {
    const html = await upload('<html><script>alert(1)</script></html>', 'cv.pdf');
    expect(html.status).toBe(400);
    expect(((await html.json()) as { error: { message: string } }).error.message).toMatch(
      /checked by its content/,
    );
    const noTitle = await upload('%PDF-1.7', 'cv.pdf', { kind: 'resume', title: '' });
    expect(noTitle.status).toBe(400);
    const big = await upload(new Uint8Array(10 * 1024 * 1024 + 100_000), 'big.pdf');
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/at most 10 MB/);
  });
});

describe('conversation brief', () => {
  it('gathers who, goals, agenda and logistics, and downloads as a PDF', async () => {
    const send = (method: string, path: string, body?: unknown) =>
      app.request(`http://localhost${path}`, {
        method,
        headers: { host: 'localhost', 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const person = (await (
      await send('POST', '/api/people', {
        fullName: 'Brie Fing',
        title: 'Designer',
        howWeKnow: 'Alumni list',
      })
    ).json()) as { id: string };
    const conv = (await (
      await send('POST', '/api/conversations', {
        type: 'learn_role',
        participantIds: [person.id],
        goals: ['Learn the tools'],
      })
    ).json()) as { id: string };
    await send('PUT', `/api/conversations/${conv.id}/meeting`, {
      startsAt: '2026-12-01T14:30:00+01:00',
      timeZone: 'Europe/Paris',
      medium: 'coffee',
      place: 'Café Łódź',
    });
    await send('POST', `/api/preparation/plans/${conv.id}/propose`, {});
    const brief = (await (await send('GET', `/api/preparation/brief/${conv.id}`)).json()) as {
      participants: { fullName: string; howWeKnow: string }[];
      goals: string[];
      agenda: { sections: { label: string }[] };
      logistics: { when: string; place: string };
    };
    expect(brief.participants[0]).toMatchObject({ fullName: 'Brie Fing', howWeKnow: 'Alumni list' });
    expect(brief.goals).toEqual(['Learn the tools']);
    expect(brief.agenda.sections.length).toBeGreaterThanOrEqual(3);
    expect(brief.logistics.when).toContain('14:30');
    const pdf = await send('GET', `/api/preparation/brief/${conv.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
