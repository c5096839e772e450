import type { BusinessCalendar } from '../../domain/business-days.js';
import type { MeetingOutcome } from '../../domain/meeting-reminders.js';
import type { WorkspaceSettings } from '../settings/settings.js';

export const AGENDA_KINDS = [
  'meeting',
  'meeting_outcome',
  'reply_answer',
  'confirm_meeting',
  'thank_you',
  'follow_up',
  'second_contact',
  'report_back',
  'task',
  'keep_in_touch',
  'reconnect',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** The groups of Today a long list is cut in: one per kind of item, and "Coming up". */
export const AGENDA_GROUPS = [...AGENDA_KINDS, 'upcoming'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

export interface AgendaItem {
  /** Stable key of this occurrence; done, snooze and dismiss are remembered by it. */
  key: string;
  kind: AgendaKind;
  title: string;
  detail: string;
  /** Local date (user's zone) the item is due; meetings use their start. */
  dueDate: string;
  dueAt: Date | null;
  overdue: boolean;
  personId: string | null;
  conversationId: string | null;
  taskId: string | null;
  /**
   * The organization of the item's conversation, for a second contact ("find someone else
   * there"); null otherwise.
   */
  organizationId: string | null;
  /**
   * How the item is answered when Done does not fit: "Did your meeting happen?" takes one of
   * held, moved or cancelled, each through the conversation's own routes. Empty otherwise.
   */
  answers: MeetingOutcome[];
  /** The people the item is about, when there are several (a meeting's participants, reconnect). */
  people: { id: string; fullName: string }[];
}

/** An item as a rule builds it; the fields most rules leave empty may be left out. */
export type AgendaDraft = Omit<AgendaItem, 'answers' | 'people' | 'organizationId'> &
  Partial<Pick<AgendaItem, 'answers' | 'people' | 'organizationId'>>;

/** How many days ahead "Coming up" looks: the week after today. */
export const UPCOMING_DAYS = 7;

/** The moment the agenda is computed for, read once so every rule agrees on "today". */
export interface AgendaClock {
  now: Date;
  today: string;
  /** The last local date "Coming up" covers: today plus UPCOMING_DAYS. */
  horizon: string;
  cal: BusinessCalendar;
  settings: WorkspaceSettings;
}
