/**
 * The duplicates client: likely pairs, a side-by-side comparison, merge, not-the-same-person and
 * undo. Types come from the server's routes.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, call } from '../api.js';

export type DuplicatePair = InferResponseType<typeof api.duplicates.$get, 200>['items'][number];
export type Comparison = InferResponseType<typeof api.duplicates.compare.$get, 200>;
export type FieldComparison = Comparison['fields'][number];
export type MergeInput = InferRequestType<typeof api.duplicates.merge.$post>['json'];
export type MergeResult = InferResponseType<typeof api.duplicates.merge.$post, 201>;
export type MergeRecord = InferResponseType<typeof api.merges.$get, 200>['items'][number];

export function listDuplicates(limit = 100) {
  return call(api.duplicates.$get({ query: { limit: String(limit) } }));
}

export function comparePeople(keptId: string, otherId: string) {
  return call(api.duplicates.compare.$get({ query: { keptId, otherId } }));
}

export function mergePeople(input: MergeInput) {
  return call(api.duplicates.merge.$post({ json: input }));
}

export function notTheSamePerson(aId: string, bId: string) {
  return call(api.duplicates.dismiss.$post({ json: { aId, bId } }));
}

export function listMerges(personId?: string) {
  return call(api.merges.$get({ query: personId ? { personId } : {} }));
}

export function undoMerge(id: string) {
  return call(api.merges[':id'].undo.$post({ param: { id } }));
}

/** The review page's address for a pair. */
export function reviewLink(keptId: string, otherId: string): string {
  return `/people/duplicates/review?keep=${encodeURIComponent(keptId)}&other=${encodeURIComponent(otherId)}`;
}
