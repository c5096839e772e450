/** The rules of the compose page that need no screen: purposes, default templates and merge fields. */
import { MERGE_FIELDS, type MergeField } from '../../domain/templates.js';
import type { MessagePurpose } from '../../domain/vocab.js';

/** The purposes of a message the user writes (replies and declines are only ever received). */
export const OUTGOING_PURPOSES = [
  'request',
  'follow_up',
  'thank_you',
  'report_back',
  'keep_in_touch',
  'other',
] as const satisfies readonly MessagePurpose[];
export type OutgoingPurpose = (typeof OUTGOING_PURPOSES)[number];

export function isOutgoingPurpose(value: string | null | undefined): value is OutgoingPurpose {
  return (OUTGOING_PURPOSES as readonly string[]).includes(value ?? '');
}

/** The built-in template kinds that are requests for a conversation. */
const REQUEST_TEMPLATE_KINDS = ['referred', 'alumni', 'cold_shared_interest', 'after_rejection'];

interface TemplateFacts {
  id: string;
  kind: string;
  builtIn: boolean;
  subject: string;
  body: string;
}

/** Whether a template suits a purpose: the built-ins by kind, the user's own by the purpose saved with them. */
export function templateFits(t: Pick<TemplateFacts, 'kind'>, purpose: OutgoingPurpose): boolean {
  if (t.kind === purpose) return true;
  return purpose === 'request' && REQUEST_TEMPLATE_KINDS.includes(t.kind);
}

/**
 * The template to start from: for a request, the "referred" one when someone introduced the
 * person and the "shared interest" one otherwise; for the rest, the built-in of that kind.
 */
export function defaultTemplateId(
  templates: readonly TemplateFacts[],
  purpose: OutgoingPurpose,
  hasReferrer: boolean,
): string {
  const wanted = purpose === 'request' ? (hasReferrer ? 'referred' : 'cold_shared_interest') : purpose;
  const builtIn = templates.find((t) => t.builtIn && t.kind === wanted);
  if (builtIn) return builtIn.id;
  return templates.find((t) => templateFits(t, purpose))?.id ?? '';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The merge fields a template uses, the reader's first and the user's own last (the order of MERGE_FIELDS). */
export function templateFields(t: Pick<TemplateFacts, 'subject' | 'body'>): MergeField[] {
  const used = new Set<string>();
  for (const match of `${t.subject}\n${t.body}`.matchAll(PLACEHOLDER)) used.add(match[1] ?? '');
  return MERGE_FIELDS.filter((name) => used.has(name));
}

interface RecipientFacts {
  fullName: string;
  organizationName: string | null;
  introducedBy: { fullName: string } | null;
}

/** What Rapport already knows for the merge fields, from the person and the user's own name. */
export function knownFields(
  recipient: RecipientFacts | null | undefined,
  myName: string,
): Partial<Record<MergeField, string>> {
  const known: Partial<Record<MergeField, string>> = {};
  // "Me" is the placeholder name of a new workspace; a real name reads better in a signature.
  if (myName.trim() && myName !== 'Me') known.myName = myName.trim();
  if (recipient) {
    known.fullName = recipient.fullName;
    known.firstName = recipient.fullName.split(/\s+/)[0] ?? recipient.fullName;
    if (recipient.organizationName) known.organization = recipient.organizationName;
    if (recipient.introducedBy) known.referrer = recipient.introducedBy.fullName;
  }
  return known;
}
