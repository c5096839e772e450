/**
 * Where each piece of outreach happens: the compose page's address for a purpose, the link that
 * clears an agenda item, and the mailto: link that hands a draft to the user's e-mail program.
 */
import type { MessagePurpose } from '../../domain/vocab.js';
import type { AgendaItem } from '../api.js';

export interface ComposeTarget {
  personId?: string | null | undefined;
  conversationId?: string | null | undefined;
  purpose?: MessagePurpose | undefined;
}

/** "/compose?personId=…&conversationId=…&purpose=…", leaving out what is not known. */
export function composeUrl(target: ComposeTarget): string {
  const params = new URLSearchParams();
  if (target.personId) params.set('personId', target.personId);
  if (target.conversationId) params.set('conversationId', target.conversationId);
  if (target.purpose) params.set('purpose', target.purpose);
  const query = params.toString();
  return query ? `/compose?${query}` : '/compose';
}

export interface AgendaAction {
  to: string;
  label: string;
}

type ItemFacts = Pick<AgendaItem, 'kind' | 'personId' | 'conversationId'>;

function placeOf(item: ItemFacts): string | null {
  if (item.conversationId) return `/conversations/${item.conversationId}`;
  if (item.personId) return `/people/${item.personId}`;
  return null;
}

/**
 * The link that does what an agenda item asks. `organizationId` is the organization of the
 * item's conversation, for "try someone else there"; without it the user starts a new plan.
 */
export function agendaAction(item: ItemFacts, organizationId?: string | null): AgendaAction | null {
  const { personId, conversationId } = item;
  switch (item.kind) {
    case 'meeting':
      return conversationId
        ? { to: `/conversations/${conversationId}`, label: 'Open the conversation' }
        : null;
    // Answered with its own buttons (Held, Moved, Cancelled); no link needed.
    case 'meeting_outcome':
      return null;
    // Each person named gets a link of their own.
    case 'reconnect':
      return null;
    case 'reply_answer':
      return conversationId ? { to: `/conversations/${conversationId}`, label: 'Answer yes or no' } : null;
    case 'confirm_meeting':
      return conversationId ? { to: `/conversations/${conversationId}`, label: 'See the meeting' } : null;
    case 'thank_you':
      return { to: composeUrl({ personId, conversationId, purpose: 'thank_you' }), label: 'Write thank-you' };
    case 'follow_up':
      return {
        to: composeUrl({ personId, conversationId, purpose: 'follow_up' }),
        label: 'Write the follow-up',
      };
    case 'second_contact':
      return organizationId
        ? { to: `/organizations/${organizationId}`, label: 'Find someone else there' }
        : { to: '/conversations/new', label: 'Plan another conversation' };
    case 'keep_in_touch':
      return personId
        ? { to: composeUrl({ personId, purpose: 'keep_in_touch' }), label: 'Write a note' }
        : null;
    case 'report_back':
    case 'task': {
      const to = placeOf(item);
      return to ? { to, label: conversationId ? 'Open the conversation' : 'Open their page' } : null;
    }
  }
}

/** Mail programs expect CRLF line breaks and percent-encoded text (RFC 6068). */
function encodeMailPart(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}

/** A mailto: link that opens a new e-mail with the subject and body filled in. */
export function mailtoHref(to: string | null | undefined, subject: string, body: string): string {
  const address = to ? encodeURIComponent(to.trim()).replace(/%40/g, '@') : '';
  const parts: string[] = [];
  if (subject.trim()) parts.push(`subject=${encodeMailPart(subject)}`);
  if (body.trim()) parts.push(`body=${encodeMailPart(body)}`);
  return `mailto:${address}${parts.length ? `?${parts.join('&')}` : ''}`;
}
