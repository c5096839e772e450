/** Words for the documents, prep and search screens that only the web app shows. */
import type { InferRequestType } from 'hono/client';
import type { api } from '../api.js';
import type { SearchHit } from './preparation-api.js';

export type DocumentKind = InferRequestType<typeof api.documents.$post>['form']['kind'];
export type SearchType = SearchHit['type'];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  resume: 'Resume',
  portfolio: 'Portfolio',
  cover_letter: 'Cover letter',
  other: 'Other',
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

/** The label of a stored kind, or the kind itself when it is not a known one. */
export function documentKindLabel(kind: string): string {
  return DOCUMENT_KIND_LABELS[kind as DocumentKind] ?? kind;
}

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  person: 'People',
  organization: 'Organizations',
  conversation: 'Conversations',
  note: 'Notes',
  debrief: 'Debriefs',
  task: 'Tasks',
  insight: 'Insights',
  message: 'Messages',
  question: 'Questions',
};

/** One hit's kind, in the singular, as a tag beside it. */
export const SEARCH_TYPE_TAGS: Record<SearchType, string> = {
  person: 'Person',
  organization: 'Organization',
  conversation: 'Conversation',
  note: 'Note',
  debrief: 'Debrief',
  task: 'Task',
  insight: 'Insight',
  message: 'Message',
  question: 'Question',
};

export const SEARCH_TYPES = Object.keys(SEARCH_TYPE_LABELS) as SearchType[];

/** "84 KB", "2.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
