import { type BusinessCalendar, localDate } from './business-days.js';
import { invalidField } from './errors.js';
import { confirmMeetingOn } from './meeting-reminders.js';
import { wallClock } from './meeting-rules.js';
import type { Medium } from './vocab.js';

/**
 * The preparation checklist of a meeting (method.md section 5, seeds 000 and 002): research,
 * questions ready, documents and spare copies, a confirmation the day before, and — for meetings
 * in person — when to leave so as to arrive a little early. Informational interviews carry less
 * pressure than job interviews, not less professionalism.
 */

/** What the user has ticked or entered on the meeting (stored as the meeting's `prep`). */
export interface PrepAnswers {
  researchDone?: boolean;
  confirmed?: boolean;
  documentsReady?: boolean;
  extraCopies?: boolean;
  /** Door-to-door travel time the user expects; DEFAULT_TRAVEL_MINUTES when not set. */
  travelMinutes?: number;
}

export interface PrepItem {
  key: 'research' | 'questions' | 'documents' | 'copies' | 'confirm' | 'leave_by';
  label: string;
  done: boolean;
  detail?: string;
}

export interface PrepChecklist {
  items: PrepItem[];
  done: number;
  total: number;
  /** When to set off for an in-person meeting; null for calls and other media. */
  leaveBy: Date | null;
  status: 'ready' | 'in_progress' | 'not_started';
}

/** Enough questions to fill a short conversation without improvising. */
export const MIN_QUESTIONS_CHOSEN = 3;
export const DEFAULT_TRAVEL_MINUTES = 20;
/** Arrive 10–15 minutes early; planning for the upper end leaves room for a late bus. */
export const ARRIVE_EARLY_MINUTES = 15;
const MAX_TRAVEL_MINUTES = 24 * 60;

/** Coffee and office meetings happen face to face; 'other' is too vague to assume travel. */
export function isInPerson(medium: Medium): boolean {
  return medium === 'coffee' || medium === 'office';
}

function checkDate(value: Date, field: string): void {
  if (Number.isNaN(value.getTime())) throw invalidField(field, 'is not a valid date and time.');
}

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidField(field, 'must be a whole number, 0 or more.');
}

/**
 * The local date ('YYYY-MM-DD') on which to confirm: the last business day before the meeting's
 * day, in the user's calendar (zone and holidays), as Today reminds it. Counted on dates, not as
 * "24 hours earlier", so a clock change overnight cannot land it on the wrong day.
 */
export function confirmDate(startsAt: Date, cal: BusinessCalendar): string {
  checkDate(startsAt, 'startsAt');
  return confirmMeetingOn(startsAt, cal);
}

/** "Tuesday 3 March" for a 'YYYY-MM-DD' date; read in UTC because the date is already local. */
function dayName(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "14:35" in the meeting's zone: the clock the user will be looking at on the day. */
function clockTime(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).slice(11, 16);
}

/**
 * The checklist of one meeting at `now`. Documents and copies appear only when there is something
 * to bring, and copies and the leave-by time only in person. The leave-by line is information
 * rather than a task: it counts as done once the user has entered their own travel time.
 */
export function prepChecklist(opts: {
  medium: Medium;
  startsAt: Date;
  timeZone: string;
  /** The user's calendar, in which the confirm day is counted; the meeting's zone, no holidays, if left out. */
  calendar?: BusinessCalendar;
  now: Date;
  prep: PrepAnswers;
  questionsChosen: number;
  documentsToBring: number;
}): PrepChecklist {
  const { medium, startsAt, timeZone, now, prep } = opts;
  checkDate(startsAt, 'startsAt');
  checkDate(now, 'now');
  checkCount(opts.questionsChosen, 'questionsChosen');
  checkCount(opts.documentsToBring, 'documentsToBring');
  const travel = prep.travelMinutes;
  if (travel !== undefined && (!Number.isInteger(travel) || travel < 0 || travel > MAX_TRAVEL_MINUTES)) {
    throw invalidField('travelMinutes', `must be a whole number of minutes from 0 to ${MAX_TRAVEL_MINUTES}.`);
  }
  const inPerson = isInPerson(medium);
  const items: PrepItem[] = [];

  items.push({
    key: 'research',
    label: 'Research the company and the person',
    done: prep.researchDone === true,
    detail: 'Read what is public first, so your questions go where only they can answer.',
  });

  const chosen = opts.questionsChosen;
  items.push({
    key: 'questions',
    label: `Choose at least ${MIN_QUESTIONS_CHOSEN} questions`,
    done: chosen >= MIN_QUESTIONS_CHOSEN,
    detail: `${chosen} chosen so far.`,
  });

  if (opts.documentsToBring > 0) {
    const n = opts.documentsToBring;
    items.push({
      key: 'documents',
      label: 'Get your resume and other documents ready',
      done: prep.documentsReady === true,
      detail: `${n} ${n === 1 ? 'document' : 'documents'} to bring; have them at hand in case they offer to look.`,
    });
    if (inPerson) {
      items.push({
        key: 'copies',
        label: 'Print spare copies to leave with them',
        done: prep.extraCopies === true,
        detail: 'Hand them over only if they ask.',
      });
    }
  }

  const cal = opts.calendar ?? { timeZone, holidays: [] };
  const confirmOn = confirmDate(startsAt, cal);
  const today = localDate(now, cal.timeZone);
  const onDay = today === confirmOn ? `today (${dayName(confirmOn)})` : `on ${dayName(confirmOn)}`;
  // Both dates are 'YYYY-MM-DD' in the same zone, so comparing the text compares the days.
  const detail =
    today > confirmOn
      ? `The business day before (${dayName(confirmOn)}) has passed; a short note now still helps.`
      : `Send a short note ${onDay} to check the time and place still suit them.`;
  items.push({
    key: 'confirm',
    label: 'Confirm the business day before',
    done: prep.confirmed === true,
    detail,
  });

  let leaveBy: Date | null = null;
  if (inPerson) {
    const minutes = travel ?? DEFAULT_TRAVEL_MINUTES;
    leaveBy = new Date(startsAt.getTime() - (minutes + ARRIVE_EARLY_MINUTES) * 60_000);
    const travelNote =
      travel === undefined
        ? `assuming ${DEFAULT_TRAVEL_MINUTES} minutes of travel — enter yours for a better time`
        : `${minutes} minutes of travel`;
    items.push({
      key: 'leave_by',
      label: `Leave by ${clockTime(leaveBy, timeZone)}`,
      done: travel !== undefined,
      detail: `To arrive ${ARRIVE_EARLY_MINUTES} minutes early, ${travelNote}.`,
    });
  }

  const done = items.filter((i) => i.done).length;
  const total = items.length;
  const status = done === total ? 'ready' : done === 0 ? 'not_started' : 'in_progress';
  return { items, done, total, leaveBy, status };
}

/**
 * The documents to bring, each once. A conversation keeps a row per person a document was shared
 * with, besides the row that says to bring it; the first row of each document stands for it.
 */
export function documentsToBring<T extends { documentId: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.documentId)) return false;
    seen.add(r.documentId);
    return true;
  });
}
