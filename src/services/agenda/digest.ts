import { and, eq } from 'drizzle-orm';
import { digestSends } from '../../db/schema.js';
import { atLocalTime, localDate } from '../../domain/business-days.js';
import type { Ctx } from '../context.js';
import { currentAccount } from '../mail/account.js';
import { sendToSelf } from '../mail/send.js';
import { getSettings } from '../settings/settings.js';
import { type AgendaItem, todayAgenda } from './agenda.js';

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

/** What one look at the digest did, for the scheduler's log and the tests. */
export type DigestOutcome =
  | 'off'
  | 'no_mailbox'
  | 'too_early'
  | 'already_sent'
  | 'nothing_due'
  | { sent: string; to: string; messageId: string };

/** Items of one group the e-mail lists; the rest are counted, and wait on Today. */
export const DIGEST_GROUP_CAP = 20;

/** "Monday 23 November" for a local date. */
function dayName(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function line(item: AgendaItem, withDay: boolean): string {
  const when = withDay ? `${dayName(item.dueDate)}: ` : '';
  return `${when}${item.title}${item.overdue ? ' (overdue)' : ''}`;
}

/**
 * The digest of Today for the workspace's user: what is due or overdue now, then the week ahead.
 * Null when nothing is due today: an empty list is no reason to write.
 */
export async function composeDigest(ctx: Ctx, opts: { appUrl?: string } = {}): Promise<DigestMail | null> {
  const agenda = await todayAgenda(ctx, { cap: DIGEST_GROUP_CAP });
  if (!agenda.items.length) return null;
  const { upcoming: upcomingTotal = 0, ...due } = agenda.totals;
  const n = Object.values(due).reduce((a, b) => a + b, 0);
  const subject = `Today in Rapport: ${n} ${n === 1 ? 'thing' : 'things'} to do (${dayName(agenda.today)})`;
  const today = agenda.items.map((i) => line(i, false));
  if (n > agenda.items.length) today.push(`… and ${n - agenda.items.length} more on Today`);
  const upcoming = agenda.upcoming.map((i) => line(i, true));
  if (upcomingTotal > agenda.upcoming.length) {
    upcoming.push(`… and ${upcomingTotal - agenda.upcoming.length} more this week`);
  }
  const text = [
    `Today, ${dayName(agenda.today)}`,
    '',
    ...today.map((l) => `- ${l}`),
    ...(upcoming.length ? ['', 'Coming up this week', '', ...upcoming.map((l) => `- ${l}`)] : []),
    '',
    opts.appUrl ? `Open Rapport: ${opts.appUrl}/today` : 'Open Rapport to tick them off.',
    'You asked for this e-mail in Rapport’s Settings; switch it off there.',
    '',
  ].join('\n');
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  const html = [
    `<h2>Today, ${escapeHtml(dayName(agenda.today))}</h2>`,
    list(today),
    ...(upcoming.length ? ['<h3>Coming up this week</h3>', list(upcoming)] : []),
    opts.appUrl
      ? `<p><a href="${escapeHtml(`${opts.appUrl}/today`)}">Open Rapport</a></p>`
      : '<p>Open Rapport to tick them off.</p>',
    '<p style="color:#666">You asked for this e-mail in Rapport’s Settings; switch it off there.</p>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * Sends the day's digest if the user asked for it, it is past their chosen hour in their zone, a
 * mailbox is connected, something is due, and it has not gone out today. The day is claimed in
 * `digest_sends` before sending, so it goes out once however many processes or ticks look; a
 * failed send gives the claim back, so the next look tries again.
 */
export async function sendDigestIfDue(ctx: Ctx, opts: { appUrl?: string } = {}): Promise<DigestOutcome> {
  const settings = await getSettings(ctx);
  if (!settings.digestEnabled) return 'off';
  const now = ctx.now();
  const today = localDate(now, settings.timeZone);
  if (now < atLocalTime(today, settings.digestHour, 0, settings.timeZone)) return 'too_early';
  if (!(await currentAccount(ctx))) return 'no_mailbox';
  const [already] = await ctx.db
    .select({ sentAt: digestSends.sentAt })
    .from(digestSends)
    .where(and(eq(digestSends.workspaceId, ctx.workspaceId), eq(digestSends.localDate, today)));
  if (already) return 'already_sent';
  const mail = await composeDigest(ctx, opts);
  if (!mail) return 'nothing_due';
  const claimed = await ctx.db
    .insert(digestSends)
    .values({ workspaceId: ctx.workspaceId, localDate: today, sentAt: now })
    .onConflictDoNothing()
    .returning({ localDate: digestSends.localDate });
  if (!claimed.length) return 'already_sent';
  try {
    const { to, messageId } = await sendToSelf(ctx, mail);
    return { sent: today, to, messageId };
  } catch (err) {
    await ctx.db
      .delete(digestSends)
      .where(and(eq(digestSends.workspaceId, ctx.workspaceId), eq(digestSends.localDate, today)));
    throw err;
  }
}

/** How often the local server looks whether the digest is due. */
export const DIGEST_CHECK_MS = 60_000;

/**
 * The local server's digest: a look every minute while it runs (hosted mode uses the job queue
 * instead, services/jobs). A failed send is tried again on the next look.
 */
export function scheduleDigest(context: () => Ctx, everyMs = DIGEST_CHECK_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sendDigestIfDue(context())
      .then(() => {})
      // The mailbox refused or could not be reached; the next look tries again.
      .catch(() => {})
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  /** Stops looking, after a send under way has finished. */
  return async () => {
    clearInterval(timer);
    await running;
  };
}
