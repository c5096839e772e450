import type { ImapFlow } from 'imapflow';
import type { Ctx } from '../context.js';
import { currentAccount, loadMailLogin } from './account.js';
import { connectImap } from './connection.js';
import { syncMail } from './sync.js';

/** How often the server reads the mailbox. */
export const SYNC_EVERY_MS = 5 * 60_000;
/** The first round after the server starts. */
const FIRST_SYNC_MS = 5_000;
/** How often the Inbox watch checks that the mailbox is still the connected one. */
const ACCOUNT_CHECK_MS = 30_000;
/** Servers end an IDLE after 29 minutes at the latest; it is renewed well before. */
const IDLE_RENEW_MS = 4 * 60_000;
/** New mail often comes in a burst: one sync after it settles. */
const SETTLE_MS = 300;
/** Waits between attempts to reach a mailbox that dropped the connection: doubling up to the cap. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 5 * 60_000;

export interface MailScheduleOptions {
  everyMs?: number;
  firstMs?: number;
  /** Watch the Inbox with IDLE where the server offers it (on unless false). */
  idle?: boolean;
  accountCheckMs?: number;
  retryFirstMs?: number;
  /** Told each time the Inbox watch is listening (for tests and diagnostics). */
  onWatching?: () => void;
}

type Account = NonNullable<Awaited<ReturnType<typeof currentAccount>>>;

/** What makes a connected mailbox another one to watch: its server, sign-in or Inbox. */
function accountKey(a: Account): string {
  return [a.id, a.imapHost, a.imapPort, a.imapSecurity, a.username, a.secretSealed, a.inboxPath ?? ''].join(
    '\n',
  );
}

/**
 * Syncs the workspace's mailbox while the server runs, when one is connected: every few minutes,
 * and soon after new mail arrives where the server offers IDLE (one connection waits on the
 * Inbox). A failed sync is noted on the account (Settings shows it) and the next round tries
 * again; a dropped watch reconnects after a growing wait, and the rounds go on meanwhile. Syncs
 * never overlap. The returned function stops everything and closes the watch's connection.
 */
export function scheduleMailSync(context: () => Ctx, opts: MailScheduleOptions = {}): () => Promise<void> {
  const everyMs = opts.everyMs ?? SYNC_EVERY_MS;
  const checkMs = opts.accountCheckMs ?? ACCOUNT_CHECK_MS;
  const retryFirstMs = opts.retryFirstMs ?? RETRY_FIRST_MS;
  let stopped = false;
  let syncing: Promise<void> | null = null;
  let again = false;

  /** Runs a sync, or, while one runs, one more right after it (mail may have come in meanwhile). */
  const syncSoon = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      try {
        do {
          again = false;
          const ctx = context();
          if (!(await currentAccount(ctx).catch(() => null))) return;
          await syncMail(ctx).catch(() => {});
        } while (again && !stopped);
      } finally {
        syncing = null;
      }
    })();
    return syncing;
  };

  const timers: NodeJS.Timeout[] = [];
  const first = setTimeout(() => void syncSoon(), opts.firstMs ?? FIRST_SYNC_MS);
  const every = setInterval(() => void syncSoon(), everyMs);
  first.unref();
  every.unref();
  timers.push(first);

  // The Inbox watch: one IMAP connection in IDLE, reconnecting after a growing wait when dropped.
  let client: ImapFlow | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      t.unref();
      wake = () => {
        clearTimeout(t);
        wake = null;
        resolve();
      };
    });

  const watchOnce = async (account: Account): Promise<'dropped' | 'changed' | 'no-idle'> => {
    const key = accountKey(account);
    const ctx = context();
    const { login } = await loadMailLogin(ctx);
    const c = await connectImap(login, { maxIdleTime: IDLE_RENEW_MS });
    client = c;
    let changed = false;
    const check = setInterval(async () => {
      const now = await currentAccount(context()).catch(() => undefined);
      if (now === undefined) return; // the database was busy or closing: ask again later
      if (!now || accountKey(now) !== key) {
        changed = true;
        c.close();
      }
    }, checkMs);
    check.unref();
    let settle: NodeJS.Timeout | null = null;
    try {
      if (!c.capabilities.has('IDLE')) return 'no-idle';
      await c.mailboxOpen(account.inboxPath ?? 'INBOX', { readOnly: true });
      c.on('exists', (e: { count: number; prevCount: number }) => {
        if (e.count <= e.prevCount) return;
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => void syncSoon(), SETTLE_MS);
        settle.unref();
      });
      opts.onWatching?.();
      try {
        while (!stopped && !changed && c.usable) {
          if ((await c.idle()) === false) break;
        }
      } catch {
        // The connection dropped in IDLE: the caller reconnects.
      }
      return changed ? 'changed' : 'dropped';
    } finally {
      clearInterval(check);
      if (settle) clearTimeout(settle);
      client = null;
      c.close();
    }
  };

  const watch = async () => {
    let wait = retryFirstMs;
    let dropped = false;
    while (!stopped) {
      const account = await currentAccount(context()).catch(() => null);
      if (!account) {
        await pause(checkMs);
        continue;
      }
      let outcome: Awaited<ReturnType<typeof watchOnce>> | 'failed';
      try {
        // After a drop, mail that came meanwhile is read as soon as the watch is back.
        if (dropped) setTimeout(() => void syncSoon(), 0).unref();
        outcome = await watchOnce(account);
      } catch {
        outcome = 'failed';
      }
      if (stopped) break;
      if (outcome === 'no-idle') {
        // The server offers no IDLE: the rounds alone read the mailbox; ask again on the next one.
        await pause(everyMs);
      } else if (outcome === 'changed') {
        wait = retryFirstMs;
        dropped = false;
      } else {
        // A watch that was listening starts the waits afresh; failing to reach the server doubles them.
        if (outcome === 'dropped') wait = retryFirstMs;
        dropped = true;
        await pause(wait);
        wait = Math.min(wait * 2, RETRY_MAX_MS);
      }
    }
  };
  const watching = opts.idle === false ? Promise.resolve() : watch().catch(() => {});

  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    clearInterval(every);
    wake?.();
    (client as ImapFlow | null)?.close();
    await watching;
    await syncing?.catch(() => {});
  };
}
