import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../domain/vocab.js';

/** A conversation's status as a small coloured label. */
export function StatusBadge({ status }: { status: ConversationStatus }) {
  return <span className={`badge badge-${status}`}>{CONVERSATION_STATUS_LABELS[status]}</span>;
}
