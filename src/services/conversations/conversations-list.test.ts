import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../test/api.js';
import type { TestDb } from '../../../test/db.js';
import { conversations } from '../../db/schema.js';
import { serialize } from '../../server/serialize.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson } from '../people/people.js';
import {
  createConversation,
  getConversation,
  listConversations,
  moveConversation,
  updateConversation,
} from './conversations.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

/** A conversation as the list shows it: its page, less what only the page has. */
async function summaryOf(id: string) {
  const {
    goals: _goals,
    meeting: _meeting,
    history: _history,
    allowedNext: _allowedNext,
    replyToAnswer: _replyToAnswer,
    search: _search,
    ...summary
  } = await getConversation({ ...t.ctx, id });
  return summary;
}

describe('the Conversations list', () => {
  it('shows each conversation as its page does, most recently changed first, in the service and the API', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Listwise Labs' } });
    const ana = await createPerson({ ...t.ctx, input: { fullName: 'Ana Listed', organizationId: org.id } });
    const ben = await createPerson({ ...t.ctx, input: { fullName: 'Ben Listed' } });
    const cleo = await createPerson({ ...t.ctx, input: { fullName: 'Cleo Listed' } });
    // Two participants, the second named first: the list keeps their order.
    const pair = await createConversation({
      ...t.ctx,
      input: {
        type: 'career_switch',
        participantIds: [ben.id, ana.id],
        organizationId: org.id,
        goals: ['Hear about the move'],
      },
    });
    const asked = await createConversation({
      ...t.ctx,
      input: {
        type: 'hiring_manager',
        participantIds: [cleo.id],
        role: 'Data engineer',
        reachedVia: 'Alumni',
      },
    });
    await moveConversation({ ...t.ctx, id: asked.id, to: 'requested' });
    const met = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [ana.id] },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: met.id,
      input: { startsAt: new Date('2026-12-09T15:30:00Z'), timeZone: 'Europe/Paris', medium: 'video' },
    });
    const fresh = await getConversation({ ...t.ctx, id: pair.id });
    await updateConversation({
      ...t.ctx,
      id: pair.id,
      version: fresh.version,
      input: { title: 'Renamed pair' },
    });

    const listed = await listConversations({ ...t.ctx });
    const expected = await Promise.all(listed.items.map((c) => summaryOf(c.id)));
    expect(listed.items).toEqual(expected);
    expect(listed.total).toBe(listed.items.length);
    const byId = new Map(listed.items.map((c) => [c.id, c]));
    expect(byId.get(pair.id)).toMatchObject({
      title: 'Renamed pair',
      organizationName: 'Listwise Labs',
      participants: [
        { id: ben.id, fullName: 'Ben Listed' },
        { id: ana.id, fullName: 'Ana Listed' },
      ],
      nextMeetingAt: null,
    });
    expect(byId.get(asked.id)).toMatchObject({
      status: 'requested',
      role: 'Data engineer',
      reachedVia: 'Alumni',
    });
    expect(byId.get(asked.id)?.requestedAt).toBeInstanceOf(Date);
    expect(byId.get(met.id)?.nextMeetingAt?.toISOString()).toBe('2026-12-09T15:30:00.000Z');
    // Most recently changed first; the same moment, by id.
    const order = [...listed.items].sort(
      (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(listed.items.map((c) => c.id)).toEqual(order.map((c) => c.id));

    // The API answers with the same conversations, without the database's own columns.
    const res = await send('GET', '/api/conversations');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: JSON.parse(JSON.stringify(serialize(expected))),
      total: expected.length,
    });
    // Filters and pages keep their totals.
    const page = await send('GET', `/api/conversations?personId=${ana.id}&limit=1&offset=1`);
    const body = (await page.json()) as { items: { id: string }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items.map((c) => c.id)).toEqual(
      listed.items
        .filter((c) => c.participants.some((p) => p.id === ana.id))
        .map((c) => c.id)
        .slice(1, 2),
    );
    expect(await (await send('GET', '/api/conversations?q=nothing-like-this')).json()).toEqual({
      items: [],
      total: 0,
    });
  });

  it('reads its first page in its order from an index, without sorting every conversation', async () => {
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const r = await tx.execute(sql`explain select id from ${conversations}
        where ${conversations.workspaceId} = ${t.ctx.workspaceId}
        order by ${conversations.updatedAt} desc, ${conversations.id} limit 100`);
      return (r as unknown as { rows: { 'QUERY PLAN': string }[] }).rows
        .map((x) => x['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('conversations_list_idx');
    expect(plan).not.toMatch(/Sort/);
  });
});
