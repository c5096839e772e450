/**
 * Types of the preparation, documents, knowledge and search answers, inferred from the server's
 * routes like those in api.ts (kept apart so the two feature areas can grow without clashing).
 */
import type { InferResponseType } from 'hono/client';
import { api } from '../api.js';

const prep = api.preparation;

export type Question = InferResponseType<typeof prep.questions.$get, 200>[number];
export type Plan = InferResponseType<(typeof prep.plans)[':id']['$get'], 200>;
export type PlanItem = Plan['items'][number];
export type Prep = InferResponseType<(typeof prep.prep)[':id']['$get'], 200>;
export type Brief = InferResponseType<(typeof prep.brief)[':id']['$get'], 200>;
export type Insight = InferResponseType<
  (typeof prep.knowledge.organizations)[':id']['$get'],
  200
>[number]['insights'][number];
export type RoleKnowledge = InferResponseType<typeof prep.knowledge.role.$get, 200>;
export type StoredDocument = InferResponseType<typeof api.documents.$get, 200>[number];
export type AttachedDocument = InferResponseType<
  (typeof api.documents.conversations)[':id']['$get'],
  200
>[number];
export type SearchHit = InferResponseType<typeof api.search.$get, 200>[number];

/** Where a PDF of the brief downloads from. */
export function briefPdfUrl(conversationId: string): string {
  return `/api/preparation/brief/${encodeURIComponent(conversationId)}/pdf`;
}

/** Where a stored document downloads from (always as an attachment). */
export function documentFileUrl(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/file`;
}
