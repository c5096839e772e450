/**
 * The debrief form's values and how they become one request. Rows left completely blank are
 * dropped, so an extra empty row never blocks saving; the index of every row sent is kept, so the
 * server's messages ("insights.1.body is empty") land next to the right inputs.
 */
import type { InferRequestType } from 'hono/client';
import { type InsightTopic, parseSkills } from '../../domain/insights.js';
import type { KeepInTouch } from '../../domain/vocab.js';
import type { api } from '../api.js';

export type DebriefInput = InferRequestType<(typeof api.preparation.debrief)[':id']['$post']>['json'];

export interface InsightRow {
  key: string;
  topic: InsightTopic;
  body: string;
  skills: string;
  role: string;
  /** Who said it. */
  personId: string;
}

export interface ReferralRow {
  key: string;
  fullName: string;
  title: string;
  organizationName: string;
  email: string;
  linkedinUrl: string;
  byPersonId: string;
  note: string;
  suggestRequest: boolean;
  /** Someone already in the contacts the user chose to link; '' for none. */
  personId: string;
  /** How the linked person reads, e.g. "Priya Shah at Brightpath". */
  linkedName: string;
  /** The user saw a match and still wants a new person. */
  createNew: boolean;
}

export interface PromiseRow {
  key: string;
  owner: 'mine' | 'theirs';
  title: string;
  dueOn: string;
  personId: string;
}

export interface KeepRow {
  personId: string;
  fullName: string;
  permission: KeepInTouch;
  everyDays: string;
  channel: string;
}

export interface DebriefValues {
  summary: string;
  /** Answer text by plan item id. */
  answers: Record<string, string>;
  insights: InsightRow[];
  referrals: ReferralRow[];
  promises: PromiseRow[];
  keepInTouch: KeepRow[];
}

export type RowSection = 'insights' | 'referrals' | 'promises' | 'keepInTouch';

/** Which form row (or, for keep-in-touch, which person) each sent array element came from. */
export type SentRows = Record<RowSection, string[]>;

let counter = 0;
/** A key for a new row, stable while the row lives. */
export function rowKey(): string {
  counter += 1;
  return `row-${counter}`;
}

export function emptyInsight(role: string, personId: string): InsightRow {
  return { key: rowKey(), topic: 'advice', body: '', skills: '', role, personId };
}

export function emptyReferral(byPersonId: string): ReferralRow {
  return {
    key: rowKey(),
    fullName: '',
    title: '',
    organizationName: '',
    email: '',
    linkedinUrl: '',
    byPersonId,
    note: '',
    suggestRequest: true,
    personId: '',
    linkedName: '',
    createNew: false,
  };
}

export function emptyPromise(personId: string): PromiseRow {
  return { key: rowKey(), owner: 'mine', title: '', dueOn: '', personId };
}

const blank = (...values: string[]) => values.every((v) => v.trim() === '');
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** What is worth looking up in the contacts for a referral row, or null while too little is typed. */
export function referralLookup(
  row: ReferralRow,
): { fullName?: string; email?: string; linkedinUrl?: string; organizationName?: string } | null {
  if (row.personId || row.createNew) return null;
  const query = {
    fullName: row.fullName.trim().length >= 3 ? row.fullName.trim() : undefined,
    email: row.email.includes('@') ? row.email.trim() : undefined,
    linkedinUrl: row.linkedinUrl.trim().length >= 8 ? row.linkedinUrl.trim() : undefined,
    organizationName: orNull(row.organizationName) ?? undefined,
  };
  if (!query.fullName && !query.email && !query.linkedinUrl) return null;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}

/**
 * The request for the values, sending only what the user wrote or changed: answers that differ
 * from the stored ones, non-blank rows, and keep-in-touch answers that changed.
 */
export function toDebriefInput(
  values: DebriefValues,
  initial: { answers: Record<string, string>; keepInTouch: KeepRow[] },
): { input: DebriefInput; sent: SentRows } {
  const sent: SentRows = { insights: [], referrals: [], promises: [], keepInTouch: [] };
  const answers = Object.entries(values.answers)
    .filter(([id, answer]) => answer.trim() !== (initial.answers[id] ?? '').trim())
    .map(([planItemId, answer]) => ({ planItemId, answer: answer.trim() }));

  const insights = values.insights
    .filter((r) => !blank(r.body, r.skills))
    .map((r) => {
      sent.insights.push(r.key);
      return {
        topic: r.topic,
        body: r.body,
        skills: parseSkills(r.skills),
        role: orNull(r.role),
        personId: orNull(r.personId),
      };
    });

  const referrals = values.referrals
    .filter(
      (r) => r.personId || !blank(r.fullName, r.title, r.organizationName, r.email, r.linkedinUrl, r.note),
    )
    .map((r) => {
      sent.referrals.push(r.key);
      return {
        fullName: r.fullName,
        byPersonId: r.byPersonId,
        title: orNull(r.title),
        organizationName: orNull(r.organizationName),
        email: orNull(r.email),
        linkedinUrl: orNull(r.linkedinUrl),
        note: orNull(r.note),
        suggestRequest: r.suggestRequest,
        ...(r.personId ? { personId: r.personId } : {}),
        ...(r.createNew && !r.personId ? { createNew: true } : {}),
      };
    });

  const promises = values.promises
    .filter((r) => !blank(r.title, r.dueOn))
    .map((r) => {
      sent.promises.push(r.key);
      return { owner: r.owner, title: r.title, dueOn: orNull(r.dueOn), personId: orNull(r.personId) };
    });

  const keepInTouch = values.keepInTouch
    .filter((k) => {
      const before = initial.keepInTouch.find((i) => i.personId === k.personId);
      return (
        !before ||
        before.permission !== k.permission ||
        before.everyDays.trim() !== k.everyDays.trim() ||
        before.channel !== k.channel
      );
    })
    .map((k) => {
      sent.keepInTouch.push(k.personId);
      return {
        personId: k.personId,
        permission: k.permission,
        everyDays: k.everyDays.trim() === '' ? null : Number(k.everyDays),
        channel: orNull(k.channel),
      };
    });

  const input: DebriefInput = {};
  if (values.summary.trim()) input.summary = values.summary.trim();
  if (answers.length) input.answers = answers;
  if (insights.length) input.insights = insights;
  if (referrals.length) input.referrals = referrals;
  if (promises.length) input.promises = promises;
  if (keepInTouch.length) input.keepInTouch = keepInTouch;
  return { input, sent };
}

/** True when the request would save nothing at all. */
export function isEmptyDebrief(input: DebriefInput): boolean {
  return Object.keys(input).length === 0;
}

/** The server's message for one field of one row, e.g. the body of the second insight sent. */
export function rowError(
  fieldErrors: Record<string, string> | undefined,
  sent: SentRows | null,
  section: RowSection,
  key: string,
  field: string,
): string | undefined {
  if (!fieldErrors || !sent) return undefined;
  const index = sent[section].indexOf(key);
  return index === -1 ? undefined : fieldErrors[`${section}.${index}.${field}`];
}
