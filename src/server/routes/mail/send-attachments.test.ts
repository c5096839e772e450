import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send, type Upload } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { documents } from '../../../db/schema.js';

// What the send refuses before any mail server is asked; sending for real is in mail.mail.test.ts.

let t: TestDb;
let send: Send;
let upload: Upload;
beforeAll(async () => {
  ({ t, send, upload } = await openTestApi());
});
afterAll(() => t.close());

/** Adds a resume to the documents library, as its page does; returns its id. */
async function addDocument(title: string, fileName: string, bytes: BlobPart): Promise<string> {
  const res = await upload('/api/documents', { kind: 'resume', title, file: new File([bytes], fileName) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const message = (personId: string, documentIds: unknown) => ({
  personId,
  purpose: 'other',
  subject: 'My resume',
  body: 'Would you look at it?',
  documentIds,
});

async function errorOf(res: Response): Promise<{ status: number; message: string }> {
  return {
    status: res.status,
    message: ((await res.json()) as { error: { message: string } }).error.message,
  };
}

describe('POST /api/mail/send with documents', () => {
  it('refuses unknown, malformed, too many or too big documents in a sentence, before sending', async () => {
    const person = (await (
      await send('POST', '/api/people', { fullName: 'Ana Silva', email: 'ana@example.com' })
    ).json()) as { id: string };

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await errorOf(await send('POST', '/api/mail/send', message(person.id, [unknown])))).toEqual({
      status: 404,
      message: `No document with id ${unknown} in this workspace.`,
    });
    const malformed = await errorOf(await send('POST', '/api/mail/send', message(person.id, ['resume.pdf'])));
    expect(malformed.status).toBe(400);
    expect(malformed.message).toMatch(/^Document ids \(entry 1\)/);
    const six = Array.from({ length: 6 }, () => unknown);
    const tooMany = await errorOf(await send('POST', '/api/mail/send', message(person.id, six)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toMatch(/^Document ids has too many entries: at most 5/);

    // Two documents the library takes (10 MB each at most), too big to go out together. Their
    // sizes as the library recorded them at upload are what counts: written directly, to keep
    // 16 MB of uploads out of the test.
    const sized = async (title: string) => {
      const [row] = await t.ctx.db
        .insert(documents)
        .values({
          workspaceId: t.ctx.workspaceId,
          kind: 'resume',
          title,
          fileName: `${title}.pdf`,
          mimeType: 'application/pdf',
          sizeBytes: 8 * 1024 * 1024,
          sha256: '0'.repeat(64),
          content: new TextEncoder().encode('%PDF-1.4'),
          createdAt: t.ctx.now(),
        })
        .returning({ id: documents.id });
      return row!.id;
    };
    const a = await sized('resume-long');
    const b = await sized('portfolio-long');
    expect(await errorOf(await send('POST', '/api/mail/send', message(person.id, [a, b])))).toEqual({
      status: 413,
      message:
        'The documents come to 16.0 MB; a message can carry at most 15.0 MB, as mail servers refuse bigger mail. Attach fewer or smaller documents, or share a link instead.',
    });

    // A document that may go out reaches the mailbox check: none is connected here.
    const small = await addDocument('Resume', 'resume.txt', 'Ana Silva, designer');
    const ok = await errorOf(await send('POST', '/api/mail/send', message(person.id, [small, a])));
    expect(ok.status).toBe(409);
    expect(ok.message).toMatch(/No mailbox is connected/);
    expect(await (await send('GET', `/api/messages?personId=${person.id}`)).json()).toEqual([]);
  });
});
