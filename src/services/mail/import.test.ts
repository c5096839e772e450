import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import type { Ctx } from '../context.js';
import { createConversation, getConversation } from '../conversations/conversations.js';
import { listMessages } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { importMailFile, previewMailImport } from './import.js';
import { splitMailFile } from './mail-file.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join('test/fixtures/mail', name)));

let t: TestDb;
let ctx: Ctx;
let ana: string;
let ben: string;
let conversationId: string;
beforeAll(async () => {
  t = await openTestDb();
  ctx = t.ctx;
  ana = (await createPerson({ ...ctx, input: { fullName: 'Ana Silva', email: 'ana@example.com' } })).id;
  ben = (await createPerson({ ...ctx, input: { fullName: 'Ben Okafor', email: 'ben@example.com' } })).id;
  conversationId = (
    await createConversation({
      ...ctx,
      input: { type: 'learn_role', participantIds: [ana], title: 'Ana on course design' },
    })
  ).id;
});
afterAll(() => t.close());

const logOf = (personId: string) => listMessages({ ...ctx, personId });

describe('importing a mail file', () => {
  it('previews the mail with known people and writes nothing', async () => {
    const preview = await previewMailImport({
      ...ctx,
      bytes: fixture('takeout.mbox'),
      fileName: 'takeout.mbox',
    });
    expect(preview).toMatchObject({ applied: false, total: 5, matched: 4, stored: 4, alreadyLogged: 0 });
    expect(preview.people).toEqual([
      { id: ana, fullName: 'Ana Silva', messages: 3 },
      { id: ben, fullName: 'Ben Okafor', messages: 1 },
    ]);
    expect(preview.rows.map((r) => [r.direction, r.subject])).toEqual([
      ['out', 'Twenty minutes about your work?'],
      ['in', 'Re: Twenty minutes about your work?'],
      ['in', 'A note without an id'],
      ['in', 'Broken parts'],
    ]);
    // The newsletter involves nobody known: it is not even listed.
    expect(JSON.stringify(preview)).not.toContain('Sale');
    expect(await logOf(ana)).toEqual([]);
  });

  it('logs every message at once, on the conversation, with the purpose inferred, and never twice', async () => {
    const seen: { done: number; total: number }[] = [];
    const result = await importMailFile({
      ...ctx,
      bytes: fixture('takeout.mbox'),
      fileName: 'takeout.mbox',
      onProgress: (p) => seen.push(p),
    });
    expect(result).toMatchObject({ applied: true, stored: 4, alreadyLogged: 0 });
    expect(seen.at(-1)).toEqual({ done: 4, total: 4 });

    const anaLog = await logOf(ana);
    expect(anaLog.map((m) => [m.direction, m.purpose, m.conversationId])).toEqual([
      ['in', 'other', conversationId],
      ['in', 'reply', conversationId],
      ['out', 'request', conversationId],
    ]);
    // The mbox's escaped ">From" line is given back its text, and Latin-1 is read as such.
    expect(anaLog[2]!.body).toContain('\nFrom what I read');
    expect(anaLog[1]!.body).toContain('João will join too.');
    // The request moved the idea on; the inferred reply leaves yes or no to the user.
    expect((await getConversation({ ...ctx, id: conversationId })).status).toBe('requested');
    // No Message-ID and an unknown charset: still logged, under an id made from its bytes.
    const [note] = await logOf(ben);
    expect(note!.body).toContain('Hello from Ben');
    expect(note!.messageId).toMatch(/@import\.rapport\.invalid$/);

    const again = await importMailFile({ ...ctx, bytes: fixture('takeout.mbox'), fileName: 'takeout.mbox' });
    expect(again).toMatchObject({ stored: 0, alreadyLogged: 4 });
    expect(await logOf(ana)).toHaveLength(3);
    expect(await logOf(ben)).toHaveLength(1);
  });

  it('imports a single .eml file', async () => {
    const result = await importMailFile({ ...ctx, bytes: fixture('single.eml'), fileName: 'single.eml' });
    expect(result).toMatchObject({ total: 1, stored: 1 });
    expect((await logOf(ben)).map((m) => m.subject)).toContain('Thanks for the chat');
  });

  it('writes nothing when the import fails part way', async () => {
    const carl = await createPerson({ ...ctx, input: { fullName: 'Carl', email: 'me@example.org' } });
    await expect(
      importMailFile({
        ...ctx,
        bytes: fixture('takeout.mbox'),
        fileName: 'takeout.mbox',
        onProgress: (p) => {
          if (p.done > 0) throw new Error('the connection dropped');
        },
      }),
    ).rejects.toThrow('the connection dropped');
    expect(await logOf(carl.id)).toEqual([]);
  });

  it('refuses what is not mail, or too big, in a sentence', async () => {
    expect(() => splitMailFile(fixture('not-mail.bin'), 'photo.mbox')).toThrow(
      'photo.mbox holds binary data, not mail.',
    );
    await expect(
      previewMailImport({ ...ctx, bytes: fixture('not-mail.txt'), fileName: 'list.txt' }),
    ).rejects.toThrow('No e-mail was found in list.txt.');
    expect(() => splitMailFile(new Uint8Array(0), 'empty.mbox')).toThrow('empty.mbox is empty.');
    expect(() => splitMailFile(fixture('takeout.mbox'), 'big.mbox', 1000)).toThrow(
      /big\.mbox is larger than/,
    );
  });
});
