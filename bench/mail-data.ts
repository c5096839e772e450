/**
 * The mail bench's generated mail: N messages to bench@rapport.test, every tenth from one of the
 * workspace's known contacts (two each), the rest from strangers; spread over the last 300 days.
 */
export const BENCH_USER = 'bench@rapport.test';
export const KNOWN_EVERY = 10;

export function contactAddress(i: number): string {
  return `contact-${i}@bench.example`;
}

/** How many known contacts the mail involves (two messages each). */
export function contactsFor(messages: number): number {
  return Math.max(1, Math.floor(messages / KNOWN_EVERY / 2));
}

const FILLER =
  'Thanks for the note. Here is a little more about what I do and where the team is heading this year. ' +
  'We are hiring later in the spring, and I would be glad to say more about how the work is organized. ';

/** The i-th message, as RFC 5322 text with CRLF line ends, and its date. */
export function benchMessage(i: number, total: number, now = Date.now()): { raw: string; date: Date } {
  const contacts = contactsFor(total);
  const known = i % KNOWN_EVERY === 0;
  const from = known ? contactAddress((i / KNOWN_EVERY) % contacts) : `stranger-${i}@elsewhere.example`;
  const date = new Date(now - 300 * 86_400_000 + Math.floor((i / total) * 299 * 86_400_000));
  const raw = [
    `From: ${known ? 'Known Contact' : 'Someone Else'} <${from}>`,
    `To: Bench <${BENCH_USER}>`,
    `Subject: ${known ? 'Following up' : 'Newsletter'} #${i}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <bench-${i}@bench.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Message ${i}.`,
    FILLER.repeat(1 + (i % 8)),
    '',
  ].join('\r\n');
  return { raw, date };
}

/** The same messages as one .mbox file (Gmail Takeout's form). */
export function benchMbox(total: number, now = Date.now()): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < total; i++) {
    const { raw, date } = benchMessage(i, total, now);
    const body = raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    parts.push(`From ${contactAddress(0)} ${date.toUTCString()}\n${body}\n`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}
