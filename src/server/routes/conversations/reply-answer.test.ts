import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send, type Upload } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';

let t: TestDb;
let send: Send;
let upload: Upload;
beforeAll(async () => {
  ({ t, send, upload } = await openTestApi());
});
afterAll(() => t.close());

/** Imports one message file, as the mail page's picker does. */
function importMail(name: string, content: string) {
  return upload('/api/mail/import', { file: new File([content], name) });
}

describe('POST /api/conversations/{id}/reply-answer', () => {
  it('shows the reply read from mail, and takes the yes or no', async () => {
    const person = (await (
      await send('POST', '/api/people', { fullName: 'Ana Silva', email: 'ana@example.com' })
    ).json()) as { id: string };
    const conv = (await (
      await send('POST', '/api/conversations', {
        type: 'learn_role',
        participantIds: [person.id],
        title: 'Ana',
      })
    ).json()) as { id: string };
    const logged = await send('POST', '/api/messages', {
      personId: person.id,
      conversationId: conv.id,
      channel: 'email',
      direction: 'out',
      purpose: 'request',
      at: '2026-11-16T09:00:00.000Z',
    });
    expect(logged.status).toBe(201);
    // Nothing to answer yet.
    const early = await send('POST', `/api/conversations/${conv.id}/reply-answer`, { answer: 'yes' });
    expect(early.status).toBe(422);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(
      /No reply is waiting for your answer/,
    );

    const imported = await importMail(
      'reply.eml',
      [
        'From: Ana Silva <ana@example.com>',
        'To: me@example.org',
        'Subject: Re: Twenty minutes?',
        'Date: Fri, 20 Nov 2026 15:00:00 +0000',
        'Message-ID: <ana-reply@example.com>',
        '',
        'Gladly. Thursday?',
        '',
      ].join('\r\n'),
    );
    expect(imported.status).toBe(200);

    const got = await send('GET', `/api/conversations/${conv.id}`);
    const body = (await got.json()) as {
      status: string;
      version: number;
      repliedAt: string;
      replyToAnswer: { at: string; personName: string; messageLogId: string; subject: string } | null;
    };
    expect(body.status).toBe('requested');
    expect(body.repliedAt).toBe('2026-11-20T15:00:00.000Z');
    expect(body.replyToAnswer).toMatchObject({
      at: '2026-11-20T15:00:00.000Z',
      personName: 'Ana Silva',
      subject: 'Re: Twenty minutes?',
    });
    expect(body.replyToAnswer!.messageLogId).toMatch(/^[0-9a-f-]{36}$/);

    const agenda = (await (await send('GET', '/api/agenda')).json()) as {
      items: { kind: string; title: string }[];
    };
    expect(agenda.items.filter((i) => i.kind === 'reply_answer').map((i) => i.title)).toEqual([
      'Did Ana Silva agree to talk? (Ana)',
    ]);

    const bad = await send('POST', `/api/conversations/${conv.id}/reply-answer`, { answer: 'maybe' });
    expect(bad.status).toBe(400);
    const stale = await send('POST', `/api/conversations/${conv.id}/reply-answer`, {
      answer: 'yes',
      version: body.version + 1,
    });
    expect(stale.status).toBe(409);

    const yes = await send('POST', `/api/conversations/${conv.id}/reply-answer`, {
      answer: 'yes',
      version: body.version,
    });
    expect(yes.status).toBe(200);
    expect(await yes.json()).toMatchObject({ status: 'accepted', replyToAnswer: null });
    const missing = await send(
      'POST',
      '/api/conversations/00000000-0000-4000-8000-000000000000/reply-answer',
      {
        answer: 'no',
      },
    );
    expect(missing.status).toBe(404);
  });
});
