import { invalidField } from './errors.js';

/**
 * The results dashboard (method.md section 8, seed rows S17 and S23): what the practice produced,
 * stage by stage, which ways of asking get answers, the weekly rhythm of conversations, and the
 * user's own conversations-per-offer beside the often-quoted reference figure.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface FunnelCounts {
  requestsSent: number;
  replies: number;
  meetingsHeld: number;
  referrals: number;
  opportunities: number;
  jobInterviews: number;
  offers: number;
}

export interface FunnelStage {
  stage: keyof FunnelCounts;
  label: string;
  count: number;
  /** count ÷ the stage before; null for the first stage and when the stage before is 0. */
  rateFromPrevious: number | null;
  /** count ÷ requests sent; null when no request was sent. */
  rateFromStart: number | null;
}

/** The stages in the order one leads to the next, with the words the dashboard shows. */
const FUNNEL_STAGES: readonly { stage: keyof FunnelCounts; label: string }[] = [
  { stage: 'requestsSent', label: 'Requests sent' },
  { stage: 'replies', label: 'Replies' },
  { stage: 'meetingsHeld', label: 'Conversations held' },
  { stage: 'referrals', label: 'Referrals to others' },
  { stage: 'opportunities', label: 'Openings and leads' },
  { stage: 'jobInterviews', label: 'Job interviews' },
  { stage: 'offers', label: 'Offers' },
];

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidField(field, 'must be a whole number, 0 or more.');
}

function ratio(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}

/**
 * The stages from requests sent to offers, each with its rate from the stage before and from the
 * start (0..1 as a rule). Rates are not capped: one conversation can bring several referrals, so a
 * later stage can outnumber the one before it, and that is worth seeing.
 */
export function funnel(c: FunnelCounts): FunnelStage[] {
  for (const { stage } of FUNNEL_STAGES) checkCount(c[stage], stage);
  let previous: number | null = null;
  return FUNNEL_STAGES.map(({ stage, label }) => {
    const count = c[stage];
    const row: FunnelStage = {
      stage,
      label,
      count,
      rateFromPrevious: previous === null ? null : ratio(count, previous),
      rateFromStart: ratio(count, c.requestsSent),
    };
    previous = count;
    return row;
  });
}

/**
 * Reply rates per group — channel, template, warm or cold, introducer — sorted by requests sent
 * (most first, so the best-supported figures lead), then by key. The rate is null for a group
 * with nothing sent. More replies than requests in a group means the counts were gathered wrong,
 * so it is rejected rather than shown as a rate above 100 %.
 */
export function rateBy<K extends string>(
  rows: readonly { key: K; sent: number; replied: number }[],
): { key: K; sent: number; replied: number; rate: number | null }[] {
  for (const r of rows) {
    checkCount(r.sent, 'sent');
    checkCount(r.replied, 'replied');
    if (r.replied > r.sent) throw invalidField('replied', `is more than sent for "${r.key}".`);
  }
  return rows
    .map(({ key, sent, replied }) => ({ key, sent, replied, rate: ratio(replied, sent) }))
    .sort((a, b) => b.sent - a.sent || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The middle value (the mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  if (values.some((v) => !Number.isFinite(v))) throw invalidField('values', 'must all be finite numbers.');
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeOf(date: Date, field: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw invalidField(field, 'is not a valid date and time.');
  return t;
}

/** Elapsed days from `a` to `b`, fractional; negative when `b` is earlier. */
export function daysBetween(a: Date, b: Date): number {
  return (timeOf(b, 'b') - timeOf(a, 'a')) / DAY_MS;
}

/** Midnight UTC of the Monday starting the week that contains `t`. */
function mondayUtc(t: number): number {
  const day = new Date(t);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
}

/** The start of the week that contains `now` (Monday, midnight UTC), as the meetings chart counts weeks. */
export function weekStartUtc(now: Date): Date {
  return new Date(mondayUtc(timeOf(now, 'now')));
}

/**
 * How many weeks the meetings chart shows: the weeks from the one that contains `start` (when the
 * workspace began, or its first activity if that is earlier) to the current one, at most `max`.
 * A workspace begun this week charts one week, not a run of empty weeks before anything happened.
 */
export function weeksSince(start: Date | null, now: Date, max = 8): number {
  const nowMs = timeOf(now, 'now');
  if (!start) return max;
  const startMs = Math.min(timeOf(start, 'start'), nowMs);
  const weeks = Math.round((mondayUtc(nowMs) - mondayUtc(startMs)) / WEEK_MS) + 1;
  return Math.max(1, Math.min(max, weeks));
}

/**
 * Meetings per week for the last `weeks` weeks (default 8) up to `now`, oldest first, one entry
 * per week even when it is 0 so a chart shows the quiet weeks too. Weeks run Monday to Sunday in
 * UTC, named by their Monday; the last entry is the current week so far. Meetings after `now`
 * have not happened yet and are left out.
 */
export function meetingsPerWeek(
  meetings: readonly Date[],
  now: Date,
  weeks = 8,
): { weekStart: string; count: number }[] {
  if (!Number.isSafeInteger(weeks) || weeks < 1 || weeks > 520) {
    throw invalidField('weeks', 'must be a whole number from 1 to 520.');
  }
  const nowMs = timeOf(now, 'now');
  const first = mondayUtc(nowMs) - (weeks - 1) * WEEK_MS;
  const counts = new Array<number>(weeks).fill(0);
  for (const m of meetings) {
    const t = timeOf(m, 'meetings');
    if (t < first || t > nowMs) continue;
    const week = Math.floor((t - first) / WEEK_MS);
    counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts.map((count, i) => ({
    weekStart: new Date(first + i * WEEK_MS).toISOString().slice(0, 10),
    count,
  }));
}

/** The often-quoted "about 1 offer in 12 informational interviews" (seed 003). */
export const REFERENCE_CONVERSATIONS_PER_OFFER = 12;

const REFERENCE_CAVEAT =
  'The "one offer for every 12 conversations" figure is passed around widely in career advice, but we found no study behind it. Take it as a rough signpost, not a target — your own figure says more about your search.';

/** A published figure to read the user's own numbers by, with where it comes from and its limits. */
export interface ReferenceFigure {
  figure: string;
  source: string;
  caveat: string;
}

/**
 * The other reference figures of method.md section 8, in our own words. They are about how
 * people find jobs, not about informational interviews as such, so each says what it measured.
 */
export const REFERENCE_FIGURES: readonly ReferenceFigure[] = [
  {
    figure:
      'People referred by someone inside are only about 7% of those who apply, yet about 40% of those hired.',
    source: 'Jobvite recruiting data',
    caveat:
      'Counted by a recruiting-software company among the employers using its product; a referral opens a door but does not promise an offer.',
  },
  {
    figure: '56% of the professionals surveyed had found their job through someone they knew.',
    source: 'Mark Granovetter, Getting a Job (1974)',
    caveat: 'One survey of professional, technical and managerial workers in one Boston suburb, around 1970.',
  },
  {
    figure:
      'About half of US jobs are found through informal contacts, and people hired on a referral are more likely to be hired and tend to stay longer.',
    source: 'Burks, Cowgill, Hoffman and Housman, Quarterly Journal of Economics (2015)',
    caveat: 'Their own hiring data come from nine large firms in three industries.',
  },
];

/**
 * The user's conversations held per offer, beside the reference figure and its caveat. Only
 * offers credited to a conversation count (`offers`); `otherOffers` are those recorded with no
 * conversation behind them, reported apart so the user knows why they are left out. `mine` is
 * null until an offer is credited: with none yet, the ratio is not "infinite", just unknown.
 */
export function conversationsPerOffer(
  held: number,
  offers: number,
  otherOffers = 0,
): {
  mine: number | null;
  held: number;
  offers: number;
  otherOffers: number;
  reference: number;
  caveat: string;
  otherFigures: ReferenceFigure[];
} {
  checkCount(held, 'held');
  checkCount(offers, 'offers');
  checkCount(otherOffers, 'otherOffers');
  return {
    mine: ratio(held, offers),
    held,
    offers,
    otherOffers,
    reference: REFERENCE_CONVERSATIONS_PER_OFFER,
    caveat: REFERENCE_CAVEAT,
    otherFigures: REFERENCE_FIGURES.map((f) => ({ ...f })),
  };
}
