/**
 * Words for the few values whose labels only the web app shows. The labels of conversation types,
 * statuses, mediums and seniority levels come from src/domain/vocab.ts.
 */
import type { Finding } from '../../domain/request-checker.js';
import type { MergeField } from '../../domain/templates.js';
import type { Channel, Direction, KeepInTouch, NoteKind, TaskKind } from '../../domain/vocab.js';
import type { AgendaItem } from '../api.js';

type AgendaKind = AgendaItem['kind'];
type Severity = Finding['severity'];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'E-mail',
  linkedin: 'LinkedIn',
  phone: 'Phone',
  text: 'Text message',
  in_person: 'In person',
};

export const KEEP_IN_TOUCH_LABELS: Record<KeepInTouch, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not agreed yet',
};

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  note: 'Note',
  research: 'Research',
  debrief: 'Debrief',
  call: 'Call',
};

/** The label of a channel, or the stored text when it is not one of the known channels. */
export function channelLabel(channel: string | null | undefined): string {
  if (!channel) return '';
  return CHANNEL_LABELS[channel as Channel] ?? channel;
}

/** Headings of the groups on Today, one per kind of agenda item. */
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  meeting: 'Meetings today and tomorrow',
  meeting_outcome: 'Did these meetings happen?',
  reply_answer: 'Replies: a yes or a no?',
  confirm_meeting: 'Meetings to confirm',
  thank_you: 'Thank-you notes',
  follow_up: 'Follow-ups',
  second_contact: 'Try someone else at the same place',
  report_back: 'Report back',
  task: 'Tasks and promises',
  keep_in_touch: 'Keep in touch',
  reconnect: 'Reconnect',
};

/** The merge fields as the compose form names them. */
export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  firstName: 'Their first name',
  fullName: 'Their full name',
  organization: 'Their organization',
  referrer: 'Who referred you',
  school: 'School you share',
  interestNarrow: 'Narrow interest (this team or company)',
  interestBroad: 'Broad interest (the field)',
  myName: 'Your name',
  myBackground: 'Your background, in a few words',
  myContact: 'How to reach you (e-mail or phone)',
};

/** Each merge field as the blank it leaves, in a sentence: "Fill in your narrow interest…". */
const BLANK_PHRASES: Record<MergeField, string> = {
  firstName: 'their first name',
  fullName: 'their full name',
  organization: 'their organization',
  referrer: 'who referred you',
  school: 'the school you share',
  interestNarrow: 'your narrow interest (this company or team)',
  interestBroad: 'your broad interest (the field)',
  myName: 'your name',
  myBackground: 'your background, in a few words',
  myContact: 'how to reach you (e-mail or phone)',
};

/**
 * What a draft still needs, as a sentence that names the blanks in words, never as "{{field}}":
 * "Fill in your narrow interest (this company or team) and who referred you."
 */
export function blanksToFill(missing: readonly string[]): string {
  const phrases = [...new Set(missing.map((m) => BLANK_PHRASES[m as MergeField] ?? 'the marked blanks'))];
  if (phrases.length === 0) return '';
  const list =
    phrases.length === 1
      ? phrases[0]
      : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return `Fill in ${list}.`;
}

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  promise_mine: 'I promised',
  promise_theirs: 'They promised',
  report_back: 'Report back',
  custom: 'Other task',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  out: 'Sent',
  in: 'Received',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  strong: 'Important',
  warning: 'Worth a look',
  info: 'Tip',
};
