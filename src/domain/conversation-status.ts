import { AppError } from './errors.js';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from './vocab.js';

/**
 * The life of an informational interview. The happy path runs
 * idea → requested → accepted → scheduled → held → thanked → keeping in touch; a request can end
 * as declined or no reply, and anything before the meeting can be cancelled.
 */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  idea: ['requested', 'cancelled'],
  requested: ['accepted', 'declined', 'no_reply', 'cancelled'],
  accepted: ['scheduled', 'cancelled'],
  scheduled: ['held', 'accepted', 'cancelled'],
  held: ['thanked', 'keeping_in_touch'],
  thanked: ['keeping_in_touch'],
  keeping_in_touch: [],
  declined: ['idea'],
  // A late reply still counts: a "no reply" can turn into an accepted request.
  no_reply: ['accepted', 'declined', 'idea'],
  cancelled: ['idea'],
};

/** Why a status cannot be left or entered, in words a user understands. */
const HINTS: Partial<Record<ConversationStatus, string>> = {
  scheduled: 'Schedule the meeting (date, time and medium) to move it to Scheduled.',
  held: 'Only a scheduled meeting can be marked as held.',
  thanked: 'Mark the meeting as held before recording the thank-you.',
  requested: 'Only an idea can be sent as a request.',
  accepted: 'Only a request that was sent can be accepted.',
};

/** The statuses a conversation may move to from `from`. */
export function allowedNextStatuses(from: ConversationStatus): readonly ConversationStatus[] {
  return TRANSITIONS[from];
}

/** Throws `illegal_transition` with a reason unless `from → to` is allowed. */
export function assertTransition(from: ConversationStatus, to: ConversationStatus): void {
  if (from === to) {
    throw new AppError('illegal_transition', {
      userMessage: `The conversation is already ${CONVERSATION_STATUS_LABELS[to]}.`,
    });
  }
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from].map((s) => CONVERSATION_STATUS_LABELS[s]);
  const next = allowed.length ? `From here it can move to: ${allowed.join(', ')}.` : 'It is a final status.';
  const hint = HINTS[to] ? ` ${HINTS[to]}` : '';
  throw new AppError('illegal_transition', {
    userMessage: `A conversation cannot go from ${CONVERSATION_STATUS_LABELS[from]} to ${CONVERSATION_STATUS_LABELS[to]}. ${next}${hint}`,
    details: { from, to, allowed: TRANSITIONS[from] },
  });
}
