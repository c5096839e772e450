/**
 * The outreach log of generated workspaces: messages that agree with each conversation's status
 * history (a request when it was requested, a follow-up when the answer was slow, the reply, the
 * thank-you, keep-in-touch notes after), keep-in-touch rhythms for the people who agreed to one,
 * other messages up to the wanted total, and open and done tasks. People's `lastInteractionAt` is
 * set to their latest message, as the app keeps it.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, localDate, startOfLocalDay } from '../src/domain/business-days.js';
import type { Ctx } from '../src/services/context.js';
import type { Row } from './bulk-insert.js';
import { messageBody, messageSubject, type OutreachPurpose, type Rng, taskTitle } from './fake-data.js';
import type { ConversationRows } from './generate-conversations.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Share of keep-in-touch people whose next note is due or overdue (the user fell behind). */
const KEEP_IN_TOUCH_BEHIND = 0.04;

export interface OutreachOptions {
  /** Messages in all, approximately: conversations and rhythms make theirs, others fill up to it. */
  messages: number;
  tasks: number;
  /** The user's zone, in which task due dates are counted. */
  timeZone: string;
  /** The workspace's keep-in-touch interval for people without their own. */
  keepInTouchDefaultDays: number;
}

export interface OutreachRows {
  messages: Row[];
  tasks: Row[];
}

/** Rows grouped by their `key` value, each group in the original order. */
function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = String(row[key]);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Builds the outreach log for `people` and the conversations in `convo`, and sets
 * `lastInteractionAt` on the people rows that got a message.
 */
export function buildOutreach(
  rng: Rng,
  ctx: Ctx,
  opts: OutreachOptions,
  people: Row[],
  orgNames: Map<string, string>,
  convo: ConversationRows,
): OutreachRows {
  const out: OutreachRows = { messages: [], tasks: [] };
  if (!people.length || opts.messages <= 0) return out;
  const now = ctx.now().getTime();
  const ws = ctx.workspaceId;
  const byId = new Map(people.map((p) => [String(p.id), p]));
  const latest = new Map<string, number>();

  const firstName = (p: Row) => String(p.fullName).split(' ')[0] ?? '';
  const channelOf = (p: Row) => {
    const preferred = p.preferredChannel as string | null;
    if (preferred) return preferred;
    return p.email ? 'email' : 'linkedin';
  };
  const message = (
    person: Row,
    conversationId: string | null,
    direction: 'out' | 'in',
    purpose: OutreachPurpose,
    at: number,
  ) => {
    if (at > now) return;
    const personId = String(person.id);
    const org = person.organizationId ? (orgNames.get(String(person.organizationId)) ?? null) : null;
    const channel = channelOf(person);
    const when = new Date(at);
    out.messages.push({
      id: randomUUID(),
      workspaceId: ws,
      personId,
      conversationId,
      channel,
      direction,
      purpose,
      at: when,
      subject: channel === 'email' ? messageSubject(rng, purpose, org) : null,
      body: messageBody(rng, purpose, direction, firstName(person), org),
      createdAt: when,
    });
    if (at > (latest.get(personId) ?? 0)) latest.set(personId, at);
  };
  /** Keep-in-touch notes from `from` on, every `every` days or so, some answered. */
  const rhythm = (person: Row, conversationId: string | null, from: number, until: number, every: number) => {
    let count = 0;
    for (let at = from; at <= until && count < 40; count++) {
      message(person, conversationId, 'out', 'keep_in_touch', at);
      const next = at + Math.round(every * (0.8 + rng.next() * 0.4)) * DAY;
      if (rng.chance(0.35)) message(person, conversationId, 'in', 'other', at + rng.int(1, 4) * DAY);
      at = next;
    }
  };

  // 1. Conversations: the messages each step of the status history implies.
  const participants = groupBy(convo.participants, 'conversationId');
  const history = groupBy(convo.history, 'conversationId');
  const reportBackPool: { conversationId: string; person: Row }[] = [];
  const promisePool: { conversationId: string; person: Row }[] = [];
  for (const c of convo.conversations) {
    const id = String(c.id);
    const members = (participants.get(id) ?? []).map((p) => byId.get(String(p.personId))!);
    const first = members[0];
    if (!first) continue;
    const steps = history.get(id) ?? [];
    let heldAt = 0;
    for (let k = 1; k < steps.length; k++) {
      const step = steps[k]!;
      const at = (step.at as Date).getTime();
      const nextAt = k + 1 < steps.length ? (steps[k + 1]!.at as Date).getTime() : now;
      const from = step.fromStatus as string;
      switch (step.toStatus as string) {
        case 'requested': {
          for (const m of members) message(m, id, 'out', 'request', at);
          // One follow-up after about 7 business days, if the answer had not come by then.
          const waitedDays = Math.floor((nextAt - at) / DAY);
          const chance = k + 1 < steps.length ? 0.75 : 0.6;
          if (waitedDays >= 10 && rng.chance(chance)) {
            const followAt = at + rng.int(9, Math.min(14, waitedDays - 1)) * DAY + rng.int(0, 8) * HOUR;
            if (followAt < nextAt) message(first, id, 'out', 'follow_up', followAt);
          }
          break;
        }
        case 'accepted':
          message(first, id, 'in', from === 'scheduled' ? 'other' : 'reply', at);
          break;
        case 'declined':
          message(first, id, 'in', 'decline', at);
          break;
        case 'scheduled':
          if (rng.chance(0.5)) message(first, id, 'out', 'other', at + rng.int(1, 3) * HOUR);
          break;
        case 'cancelled':
          if (from !== 'idea' && rng.chance(0.5)) message(first, id, 'out', 'other', at);
          break;
        case 'held':
          heldAt = at;
          break;
        case 'thanked':
        case 'keeping_in_touch':
          // Thank-yous go out within a day of the meeting; some skip straight to keeping in touch.
          if (from === 'held' && (step.toStatus === 'thanked' || rng.chance(0.7))) {
            for (const m of members) message(m, id, 'out', 'thank_you', heldAt + rng.int(2, 20) * HOUR);
          }
          if (step.toStatus === 'keeping_in_touch') {
            rhythm(first, id, at + rng.int(20, 60) * DAY, now, rng.int(45, 120));
          }
          if (rng.chance(0.4)) message(first, id, 'out', 'report_back', heldAt + rng.int(10, 30) * DAY);
          break;
      }
    }
    if (heldAt) reportBackPool.push({ conversationId: id, person: first });
    if (c.status === 'accepted' || c.status === 'scheduled' || heldAt) {
      promisePool.push({ conversationId: id, person: first });
    }
  }

  // 2. Keep-in-touch rhythms: most are kept up, a few have fallen behind.
  const horizon = new Map<string, number>();
  for (const p of people) {
    const every = p.keepInTouchEveryDays as number | null;
    if (p.keepInTouch === 'no' || (p.keepInTouch !== 'yes' && every === null)) continue;
    const days = every ?? opts.keepInTouchDefaultDays;
    const offset = rng.chance(KEEP_IN_TOUCH_BEHIND) ? rng.int(days, days + 45) : rng.int(0, days - 3);
    const last = now - offset * DAY - rng.int(0, DAY);
    const created = (p.createdAt as Date).getTime();
    horizon.set(String(p.id), last);
    if (last < created) continue;
    // Walk back from the latest note to when the person was added, then write them in order.
    const times: number[] = [];
    for (let at = last; at >= created && times.length < 40; ) {
      times.push(at);
      at -= Math.round(days * (0.8 + rng.next() * 0.4)) * DAY;
    }
    times.reverse();
    times.forEach((at, n) => {
      message(p, null, 'out', 'keep_in_touch', at);
      if (n < times.length - 1 && rng.chance(0.35)) message(p, null, 'in', 'other', at + rng.int(1, 4) * DAY);
    });
  }

  // 3. Everything else up to the wanted total: chats with about half the list, before the latest
  // keep-in-touch note so the rhythms above stay as drawn.
  const chatty = people.filter(() => rng.chance(0.5));
  for (
    let tries = 0;
    out.messages.length < opts.messages && chatty.length && tries < opts.messages;
    tries++
  ) {
    const p = rng.pick(chatty);
    const created = (p.createdAt as Date).getTime();
    const until = horizon.get(String(p.id)) ?? now;
    if (until <= created) continue;
    const at = created + Math.floor(rng.next() * (until - created));
    const direction = rng.chance(0.55) ? 'out' : 'in';
    const purpose: OutreachPurpose =
      direction === 'out'
        ? rng.weighted<OutreachPurpose>([
            ['other', 8],
            ['report_back', 1],
          ])
        : 'other';
    message(p, null, direction, purpose, at);
  }
  for (const [personId, at] of latest) byId.get(personId)!.lastInteractionAt = new Date(at);
  // The log is written as things happen, so its rows lie in time order (and the (workspace, at)
  // index fills from the end, which also makes the bulk insert faster).
  out.messages.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());

  // 4. Tasks: most done; the open ones are due around today.
  const today = localDate(new Date(now), opts.timeZone);
  for (let n = 0; n < opts.tasks; n++) {
    const kind = rng.weighted([
      ['report_back', 4],
      ['promise_mine', 3],
      ['custom', 3],
    ] as const);
    const pool = kind === 'report_back' ? reportBackPool : kind === 'promise_mine' ? promisePool : [];
    const link = pool.length ? rng.pick(pool) : undefined;
    const person = link?.person ?? (rng.chance(0.6) ? rng.pick(people) : undefined);
    const open = rng.chance(0.25);
    const dueOn = open
      ? rng.chance(0.1)
        ? null
        : addCalendarDays(today, rng.int(-21, 14))
      : addCalendarDays(today, -rng.int(1, 300));
    // A done task was created before its due date and done around it, never after now.
    const dueMs = dueOn ? startOfLocalDay(dueOn, opts.timeZone).getTime() : now;
    const createdAt = new Date(Math.min(now, dueMs) - rng.int(1, 30) * DAY);
    const doneAt = open
      ? null
      : new Date(Math.min(now, dueMs + rng.int(-3, 2) * DAY + rng.int(8, 20) * HOUR));
    out.tasks.push({
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      kind,
      title: taskTitle(rng, kind, person ? firstName(person) : 'them'),
      dueOn,
      personId: person ? String(person.id) : null,
      conversationId: link?.conversationId ?? null,
      doneAt,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return out;
}
