import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import {
  connectInput,
  imapAs,
  sendAs,
  testKey,
  uniqueAddress,
  waitForMessage,
} from '../../../../test/mail.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDb();
  const secretKey = testKey();
  app = createApp({ context: () => ({ ...t.ctx, secretKey }), webDir: null });
});
afterAll(() => t.close());

function send(method: string, path: string, body?: unknown) {
  return app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function created<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
}

async function ok<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

describe('/api/mail', () => {
  it('answers a failed login with the step, and never returns the password', async () => {
    const bad = await send('PUT', '/api/mail', connectInput('alice', { secret: 'wrong-password' }));
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { message: string; details: { step: string } } }).error;
    expect(error.details.step).toBe('login');
    expect(error.message).toMatch(/IMAP login failed at 127\.0\.0\.1/);

    const connected = await send('PUT', '/api/mail', connectInput('alice'));
    expect(await connected.clone().text()).not.toContain('rapport-test');
    expect((await ok<{ connected: boolean }>(connected)).connected).toBe(true);
    const status = await send('GET', '/api/mail');
    expect(await status.text()).not.toContain('rapport-test');
  });

  it('sends a request on the thread, logs it at once, files it in Sent, and the reply stops the follow-up', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const bobAddress = uniqueAddress('bob');
    const bob = await created<{ id: string }>(
      await send('POST', '/api/people', { fullName: 'Bob Sent', email: bobAddress }),
    );
    const conversation = await created<{ id: string }>(
      await send('POST', '/api/conversations', {
        type: 'learn_role',
        participantIds: [bob.id],
        title: 'Bob role',
      }),
    );
    const request = await ok<{ messageId: string; statusChangedTo: string; savedToSent: boolean }>(
      await send('POST', '/api/mail/send', {
        personId: bob.id,
        conversationId: conversation.id,
        purpose: 'request',
        subject: 'Twenty minutes?',
        body: 'Hi Bob, could we talk about your role?',
      }),
    );
    expect(request).toMatchObject({ statusChangedTo: 'requested', savedToSent: true });
    await waitForMessage('bob', 'INBOX', request.messageId);
    await waitForMessage('alice', 'Sent Items', request.messageId);
    const log = async () =>
      ok<{ purpose: string; purposeInferred: boolean; direction: string }[]>(
        await send('GET', `/api/messages?personId=${bob.id}`),
      );
    expect(await log()).toMatchObject([{ direction: 'out', purpose: 'request', purposeInferred: false }]);
    // The copy in Sent is the logged message, not a second one.
    expect((await ok<{ stored: number }>(await send('POST', '/api/mail/sync'))).stored).toBe(0);

    t.clock.set('2026-12-02T09:00:00Z');
    const followUps = async () =>
      (
        await ok<{ items: { kind: string; conversationId: string | null }[] }>(
          await send('GET', '/api/agenda'),
        )
      ).items.filter((i) => i.kind === 'follow_up' && i.conversationId === conversation.id);
    expect(await followUps()).toHaveLength(1);

    const replyId = await sendAs('bob', {
      from: bobAddress,
      to: 'alice@rapport.test',
      subject: 'Re: Twenty minutes?',
      text: 'Yes, gladly.',
      date: new Date('2026-12-02T08:30:00Z'),
      inReplyTo: `<${request.messageId}>`,
      references: [`<${request.messageId}>`],
    });
    await waitForMessage('alice', 'INBOX', replyId);
    // Settings' "Sync now" follows the sync's progress line by line, then reads the result.
    const streamed = await app.request('http://localhost:4310/api/mail/sync', {
      method: 'POST',
      headers: { host: 'localhost:4310', accept: 'application/x-ndjson' },
    });
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; folder?: string; done?: number; total?: number });
    expect(lines.filter((l) => l.type === 'progress')).toContainEqual({
      type: 'progress',
      folder: 'inbox',
      done: 1,
      total: 1,
    });
    expect(lines.at(-1)).toMatchObject({ type: 'result', summary: { stored: 1 } });
    expect(await followUps()).toEqual([]);
    expect(
      (await ok<{ counts: { received: number; sent: number } }>(await send('GET', '/api/mail'))).counts,
    ).toEqual({
      received: 1,
      sent: 1,
    });
    expect((await log())[0]).toMatchObject({ direction: 'in', purpose: 'reply', purposeInferred: true });

    // A later message goes on the same thread: In-Reply-To names the reply.
    const next = await ok<{ messageId: string }>(
      await send('POST', '/api/mail/send', {
        personId: bob.id,
        conversationId: conversation.id,
        purpose: 'other',
        subject: 'Re: Twenty minutes?',
        body: 'Thursday at ten, then.',
      }),
    );
    const uid = await waitForMessage('bob', 'INBOX', next.messageId);
    const client = await imapAs('bob');
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const msg = await client.fetchOne(String(uid), { envelope: true }, { uid: true });
        expect(msg ? msg.envelope?.inReplyTo : null).toBe(`<${replyId}>`);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });

  it('attaches documents from the library, intact, and threads the follow-up and the thank-you', async () => {
    t.clock.set('2026-12-03T09:00:00Z');
    const daveAddress = uniqueAddress('dave');
    const dave = await created<{ id: string }>(
      await send('POST', '/api/people', { fullName: 'Dave Critic', email: daveAddress }),
    );
    const conversation = await created<{ id: string }>(
      await send('POST', '/api/conversations', {
        type: 'learn_role',
        participantIds: [dave.id],
        title: 'Dave on my resume',
      }),
    );
    // A "PDF" with every byte value in it, so any damage on the way shows.
    const bytes = new Uint8Array(70_000);
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
    for (let i = 9; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const form = new FormData();
    form.set('kind', 'resume');
    form.set('title', 'Resume');
    form.set('versionLabel', 'December');
    form.set('file', new File([bytes], 'Ana Resume.pdf'));
    const doc = await created<{ id: string }>(
      await app.request('http://localhost:4310/api/documents', {
        method: 'POST',
        body: form,
        headers: { host: 'localhost:4310' },
      }),
    );

    const request = await ok<{ messageId: string }>(
      await send('POST', '/api/mail/send', {
        personId: dave.id,
        conversationId: conversation.id,
        purpose: 'request',
        subject: 'A critique of my resume?',
        body: 'Hi Dave, would you look at my resume?',
      }),
    );
    t.clock.set('2026-12-14T09:00:00Z');
    const followUp = await ok<{ messageId: string; savedToSent: boolean }>(
      await send('POST', '/api/mail/send', {
        personId: dave.id,
        conversationId: conversation.id,
        purpose: 'follow_up',
        subject: 'Re: A critique of my resume?',
        body: 'Here it is, attached.',
        documentIds: [doc.id],
      }),
    );
    expect(followUp.savedToSent).toBe(true);
    const { simpleParser } = await import('mailparser');
    const read = async (user: string, folder: string, messageId: string) => {
      const uid = await waitForMessage(user, folder, messageId);
      const client = await imapAs(user);
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (msg === false || !msg.source) throw new Error(`${messageId} has no source`);
          return await simpleParser(msg.source);
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    };
    // Dave's mailbox has the follow-up on the request's thread, with the resume as it was stored.
    const received = await read('dave', 'INBOX', followUp.messageId);
    expect(received.inReplyTo).toBe(`<${request.messageId}>`);
    expect(received.attachments).toHaveLength(1);
    const [attachment] = received.attachments;
    expect(attachment).toMatchObject({ filename: 'Ana Resume.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(attachment!.content, Buffer.from(bytes))).toBe(0);
    // The copy filed in Sent carries it too.
    expect((await read('alice', 'Sent Items', followUp.messageId)).attachments).toHaveLength(1);

    // The log says what went out, and the conversation's documents that Dave has it.
    const log = await ok<{ purpose: string; attachments: unknown[] }[]>(
      await send('GET', `/api/messages?personId=${dave.id}`),
    );
    expect(log[0]).toMatchObject({
      purpose: 'follow_up',
      attachments: [
        { documentId: doc.id, fileName: 'Ana Resume.pdf', mimeType: 'application/pdf', sizeBytes: 70_000 },
      ],
    });
    expect(log[1]!.attachments).toEqual([]);
    expect(
      await ok<{ documentId: string; sharedWithName: string | null }[]>(
        await send('GET', `/api/documents/conversations/${conversation.id}`),
      ),
    ).toMatchObject([{ documentId: doc.id, sharedWithName: 'Dave Critic' }]);

    // A thank-you goes on the same thread, after the follow-up.
    const thanks = await ok<{ messageId: string }>(
      await send('POST', '/api/mail/send', {
        personId: dave.id,
        conversationId: conversation.id,
        purpose: 'thank_you',
        subject: 'Re: A critique of my resume?',
        body: 'Thank you for the notes on my resume.',
      }),
    );
    const thanked = await read('dave', 'INBOX', thanks.messageId);
    expect(thanked.inReplyTo).toBe(`<${followUp.messageId}>`);
    expect(thanked.references).toEqual([`<${request.messageId}>`, `<${followUp.messageId}>`]);
    expect(thanked.attachments).toEqual([]);
  });

  it('refuses to send to someone without an address, in a sentence', async () => {
    const nobody = await created<{ id: string }>(
      await send('POST', '/api/people', { fullName: 'Carol Nobody' }),
    );
    const res = await send('POST', '/api/mail/send', {
      personId: nobody.id,
      purpose: 'other',
      subject: 'Hello',
      body: 'Hi',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Carol Nobody has no e-mail address');
  });
});
