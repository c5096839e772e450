/**
 * The real mail server of the mail tier (scripts/mail-server.sh): Dovecot IMAP on :143 and
 * Postfix on :587 for rapport.test. Only `npm run test:mail` runs tests that use it, and there a
 * missing server fails loudly.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { ConnectMailInput } from '../src/services/mail/account.js';

export const MAIL_DOMAIN = 'rapport.test';

export function mailHost(): string {
  const host = process.env.TEST_MAIL_HOST;
  if (!host)
    throw new Error(
      'TEST_MAIL_HOST is not set: run scripts/mail-server.sh and set TEST_MAIL_HOST=127.0.0.1.',
    );
  return host;
}

export const MAIL_PASSWORD = process.env.TEST_MAIL_PASSWORD ?? 'rapport-test';

/** A key for sealing the test mailbox's password. */
export function testKey(): () => Buffer {
  const key = randomBytes(32);
  return () => key;
}

/** An address of one of the server's users that no other test uses (plus addressing). */
export function uniqueAddress(user: 'alice' | 'bob' | 'carol' | 'dave'): string {
  return `${user}+${randomUUID().slice(0, 8)}@${MAIL_DOMAIN}`;
}

/** Connect-mailbox input for a user of the test server. */
export function connectInput(user: string, over: Partial<ConnectMailInput> = {}): ConnectMailInput {
  const host = mailHost();
  return {
    address: `${user}@${MAIL_DOMAIN}`,
    provider: 'custom',
    servers: {
      imapHost: host,
      imapPort: 143,
      imapSecurity: 'none',
      smtpHost: host,
      smtpPort: 587,
      smtpSecurity: 'none',
    },
    secret: MAIL_PASSWORD,
    ...over,
  };
}

/** Sends through the test server's submission port, signed in as `user`. */
export async function sendAs(
  user: string,
  mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    date: Date;
    inReplyTo?: string;
    references?: string[];
  },
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: mailHost(),
    port: 587,
    secure: false,
    ignoreTLS: true,
    auth: { user: `${user}@${MAIL_DOMAIN}`, pass: MAIL_PASSWORD },
  });
  const messageId = `<${randomUUID()}@${MAIL_DOMAIN}>`;
  await transport.sendMail({ ...mail, messageId });
  transport.close();
  return messageId.slice(1, -1);
}

/** An IMAP session of a test user, for reading or planting mail as their mail client would. */
export async function imapAs(user: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: mailHost(),
    port: 143,
    secure: false,
    doSTARTTLS: false,
    auth: { user: `${user}@${MAIL_DOMAIN}`, pass: MAIL_PASSWORD },
    logger: false,
  });
  await client.connect();
  return client;
}

/** Waits until the message with this Message-ID is in the folder (Postfix delivers in the background). */
export async function waitForMessage(user: string, folder: string, messageId: string): Promise<number> {
  const client = await imapAs(user);
  try {
    for (let i = 0; i < 100; i++) {
      const lock = await client.getMailboxLock(folder);
      try {
        const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        const first = uids ? uids[0] : undefined;
        if (first) return first;
      } finally {
        lock.release();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.logout();
  }
  throw new Error(`Message ${messageId} never reached ${user}'s ${folder}.`);
}

/** Puts a message in a folder, as a mail client saves what it sent. */
export async function appendAs(user: string, folder: string, raw: string): Promise<void> {
  const client = await imapAs(user);
  try {
    await client.append(folder, raw, ['\\Seen']);
  } finally {
    await client.logout();
  }
}

/** A plain message in RFC 5322 form. */
export function rawMail(m: {
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
  messageId?: string;
}): { raw: string; messageId: string } {
  const messageId = m.messageId ?? `${randomUUID()}@${MAIL_DOMAIN}`;
  const raw = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Date: ${m.date.toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.text,
    '',
  ].join('\r\n');
  return { raw, messageId };
}

/**
 * A TCP relay in front of the test server's IMAP port, so a test can cut the app's connections
 * (as a network drop or a server restart would) without touching the server other tests share.
 */
export async function imapRelay(opts: { withoutIdle?: boolean } = {}): Promise<{
  port: number;
  /** Connections open through the relay now. */
  open: () => number;
  /** Bytes the server has sent through the relay so far. */
  received: () => number;
  /** Cuts every open connection at once. */
  drop: () => void;
  close: () => Promise<void>;
}> {
  const { createServer, connect } = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  const pairs = new Set<[import('node:net').Socket, import('node:net').Socket]>();
  let received = 0;
  const server = createServer((inbound) => {
    const outbound = connect(143, mailHost());
    outbound.on('data', (c: Buffer) => {
      received += c.length;
    });
    const pair: [import('node:net').Socket, import('node:net').Socket] = [inbound, outbound];
    pairs.add(pair);
    sockets.add(inbound);
    const end = () => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      pairs.delete(pair);
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
    inbound.pipe(outbound);
    if (opts.withoutIdle) {
      // A server that does not offer IDLE: the word is taken out of its capability lists.
      outbound.on('data', (c: Buffer) => {
        inbound.write(Buffer.from(c.toString('latin1').replace(/ IDLE(?=[ \]\r])/g, ''), 'latin1'));
      });
    } else {
      outbound.pipe(inbound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    port,
    open: () => sockets.size,
    received: () => received,
    drop: () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
    },
    close: async () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `check` gives a value other than undefined, or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms: number,
  what: string,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`Not within ${ms} ms: ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
