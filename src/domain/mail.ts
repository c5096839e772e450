/**
 * Pure rules of the mailbox: provider presets, which addresses are kept, and what a message
 * found in the mailbox most likely was, judged from where its conversation stood.
 */
import type { ConversationStatus, Direction, MessagePurpose } from './vocab.js';

export const MAIL_SECURITIES = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITIES)[number];

export const MAIL_PROVIDERS = ['gmail', 'outlook', 'icloud', 'fastmail', 'custom'] as const;
export type MailProvider = (typeof MAIL_PROVIDERS)[number];

export interface MailServers {
  imapHost: string;
  imapPort: number;
  imapSecurity: MailSecurity;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: MailSecurity;
}

/** Host, port and encryption of the providers most people use; each wants an app password. */
export const MAIL_PRESETS: Record<Exclude<MailProvider, 'custom'>, MailServers & { label: string }> = {
  gmail: {
    label: 'Gmail',
    imapHost: 'imap.gmail.com',
    imapPort: 993,
    imapSecurity: 'tls',
    smtpHost: 'smtp.gmail.com',
    smtpPort: 465,
    smtpSecurity: 'tls',
  },
  outlook: {
    label: 'Outlook / Microsoft 365',
    imapHost: 'outlook.office365.com',
    imapPort: 993,
    imapSecurity: 'tls',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
  },
  icloud: {
    label: 'iCloud',
    imapHost: 'imap.mail.me.com',
    imapPort: 993,
    imapSecurity: 'tls',
    smtpHost: 'smtp.mail.me.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
  },
  fastmail: {
    label: 'Fastmail',
    imapHost: 'imap.fastmail.com',
    imapPort: 993,
    imapSecurity: 'tls',
    smtpHost: 'smtp.fastmail.com',
    smtpPort: 465,
    smtpSecurity: 'tls',
  },
};

/** True for names that stay on this machine, the only place a password may travel unencrypted. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The form addresses are compared in. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * True when the user asked never to store mail with this address: an entry is an address
 * (ana@example.com) or a whole domain (@example.com or example.com).
 */
export function isExcludedAddress(address: string, excluded: readonly string[]): boolean {
  const a = normalizeAddress(address);
  const domain = a.slice(a.lastIndexOf('@') + 1);
  return excluded.some((entry) => {
    const e = normalizeAddress(entry);
    if (!e) return false;
    if (e.startsWith('@')) return domain === e.slice(1);
    return e.includes('@') ? a === e : domain === e;
  });
}

/** Where a conversation stood when a message came or went. */
export interface PurposeContext {
  direction: Direction;
  status: ConversationStatus | null;
  /** An answer from them has come in since the request went out. */
  answered: boolean;
}

/**
 * What a message found in the mailbox most likely was: the first mail of a conversation is the
 * request, later mail while no answer came is a follow-up, mail after the meeting a thank-you;
 * mail from them while the request waits is the reply. The user can correct the guess.
 */
export function inferPurpose(c: PurposeContext): MessagePurpose {
  if (c.direction === 'in') {
    if ((c.status === 'requested' || c.status === 'no_reply') && !c.answered) return 'reply';
    return 'other';
  }
  switch (c.status) {
    case 'idea':
      return 'request';
    case 'requested':
    case 'no_reply':
      return c.answered ? 'other' : 'follow_up';
    case 'held':
      return 'thank_you';
    case 'thanked':
    case 'keeping_in_touch':
      return 'keep_in_touch';
    default:
      return 'other';
  }
}

/** Message-IDs as the log keeps them: without angle brackets or spaces. */
export function cleanMessageId(id: string | undefined | null): string | null {
  if (!id) return null;
  const clean = id.trim().replace(/^<|>$/g, '').trim();
  return clean ? clean.slice(0, 998) : null;
}

/** Every Message-ID named in In-Reply-To and References, nearest first. */
export function threadIds(
  inReplyTo: string | undefined | null,
  references: string | string[] | undefined,
): string[] {
  const refs = Array.isArray(references) ? references.join(' ') : (references ?? '');
  const ids = `${inReplyTo ?? ''} ${refs}`.match(/<[^<>\s]+>|[^<>\s]+@[^<>\s]+/g) ?? [];
  const cleaned = ids.map(cleanMessageId).filter((x): x is string => Boolean(x));
  // In-Reply-To first, then References from the newest (the last) back.
  const [first, ...rest] = cleaned;
  const ordered = first ? [first, ...rest.reverse()] : [];
  return [...new Set(ordered)];
}

/** A document from the library sent with a message, as it went out. */
export interface MessageAttachment {
  /** The library document it was sent from (it may have been deleted from the library since). */
  documentId: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

/** How many documents one message may carry. */
export const MAX_ATTACHMENTS = 5;
/**
 * The most one message may carry, all documents together: Gmail and Outlook refuse mail over
 * 20–25 MB, and attachments grow by a third on the way (base64).
 */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

/** "1.2 MB", "340 KB": a size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why these attachments cannot go out together, or null when they can. */
export function attachmentProblem(files: readonly { sizeBytes: number }[]): string | null {
  if (files.length > MAX_ATTACHMENTS) {
    return `A message can carry at most ${MAX_ATTACHMENTS} documents; you chose ${files.length}.`;
  }
  const total = files.reduce((n, f) => n + f.sizeBytes, 0);
  if (total > MAX_ATTACHMENT_BYTES) {
    return `The documents come to ${formatSize(total)}; a message can carry at most ${formatSize(MAX_ATTACHMENT_BYTES)}, as mail servers refuse bigger mail. Attach fewer or smaller documents, or share a link instead.`;
  }
  return null;
}
