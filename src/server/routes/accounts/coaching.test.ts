import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, type Visitor } from '../../../../test/hosted.js';
import type { Doc } from '../../../../test/openapi.js';
import { accountWorkspace } from '../../../services/accounts/workspaces.js';
import type { Ctx } from '../../../services/context.js';
import { createConversation } from '../../../services/conversations/conversations.js';
import { scheduleMeeting } from '../../../services/meetings/meetings.js';
import { logMessage } from '../../../services/outreach/messages.js';
import { createPerson } from '../../../services/people/people.js';
import { COACH_REFUSED_READS, COACH_WRITES, WORKSPACE_COOKIE, WORKSPACE_HEADER } from '../../coach-access.js';

/**
 * Coach access in hosted mode: an owner invites a coach, the coach reads the owner's workspace,
 * comments and suggests tasks but changes nothing else, the owner sees what the coach did and
 * stops sharing, and the coach's home counts this week's work of each workspace shared with them.
 */

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
let owner: Visitor;
let coach: Visitor;
let ownerCtx: Ctx;
let personId: string;
let conversationId: string;
/** The coach's requests, in the owner's workspace. */
let asCoach: (method: string, path: string, body?: unknown) => Promise<Response>;

async function accountId(email: string): Promise<string> {
  const rows = await h.t.handle.db.execute(sql`select id from auth_user where email = ${email}`);
  return (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
}

async function json<T = Record<string, unknown>>(
  res: Response | Promise<Response>,
  status: number,
): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return (text ? JSON.parse(text) : null) as T;
}

async function invite(email: string): Promise<string> {
  const body = await json<{ code: string; path: string }>(
    owner.send('POST', '/api/coaching/invites', { email }),
    201,
  );
  expect(body.path).toBe(`/coaching?code=${encodeURIComponent(body.code)}`);
  return body.code;
}

beforeAll(async () => {
  h = await openHostedTestApi();
  owner = h.visitor();
  coach = h.visitor();
  await json(owner.signUp('olive@example.org', undefined, { name: 'Olive Owner' }), 200);
  await json(coach.signUp('carmen@example.org', undefined, { name: 'Carmen Coach' }), 200);
  const workspace = (await accountWorkspace(h.t.handle.db, await accountId('olive@example.org')))!;
  ownerCtx = { db: h.t.handle.db, now: h.t.clock.now, ...workspace };
  personId = (await createPerson({ ...ownerCtx, input: { fullName: 'Priya Natarajan' } })).id;
  conversationId = (
    await createConversation({ ...ownerCtx, input: { type: 'learn_role', participantIds: [personId] } })
  ).id;
  asCoach = (method, path, body) =>
    coach.send(method, path, body, { [WORKSPACE_HEADER]: workspace.workspaceId });
}, 60_000);
afterAll(() => h.t.close());

describe('coach access', () => {
  it('lets only the invited e-mail take up an invitation, once', async () => {
    const code = await invite('Carmen@Example.org');
    // Before taking it up, the owner's workspace is not the coach's to open.
    expect((await json(asCoach('GET', '/api/people'), 403)) as object).toMatchObject({
      error: { code: 'not_shared' },
    });
    const stranger = h.visitor();
    await json(stranger.signUp('mallory@example.org'), 200);
    const refused = await json<{ error: { message: string } }>(
      stranger.send('POST', '/api/coaching/accept', { code }),
      403,
    );
    expect(refused.error.message).toBe(
      'This invitation is for carmen@example.org. Sign in with that address to use it.',
    );
    const taken = await json<{ id: string; name: string }>(
      coach.send('POST', '/api/coaching/accept', { code }),
      200,
    );
    expect(taken.id).toBe(ownerCtx.workspaceId);
    const again = await json<{ error: { message: string } }>(
      coach.send('POST', '/api/coaching/accept', { code }),
      404,
    );
    expect(again.error.message).toMatch(/unknown, used already or expired/);
    // The owner cannot coach their own workspace, nor invite their own address.
    const self = await json<{ error: { message: string } }>(
      owner.send('POST', '/api/coaching/invites', { email: 'olive@example.org' }),
      400,
    );
    expect(self.error.message).toBe('That is your own e-mail address: invite your coach by theirs.');
  });

  it('lets the coach read the owner’s workspace, with mail settings but no secret', async () => {
    const people = await json<{ items: { fullName: string }[] }>(asCoach('GET', '/api/people'), 200);
    expect(people.items.map((p) => p.fullName)).toEqual(['Priya Natarajan']);
    // The coach's own workspace stays theirs, and empty.
    expect((await json<{ items: unknown[] }>(coach.send('GET', '/api/people'), 200)).items).toEqual([]);
    // The same choice by cookie, as the web app makes it.
    const byCookie = await coach.send('GET', '/api/people', undefined, {
      cookie: `${[...coach.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; ${WORKSPACE_COOKIE}=${ownerCtx.workspaceId}`,
    });
    expect(await byCookie.text()).toContain('Priya Natarajan');
    const mail = await asCoach('GET', '/api/mail');
    expect(mail.status).toBe(200);
    expect(await mail.text()).not.toMatch(/secret|password"/i);
  });

  it('refuses the coach every change but comments and suggestions, and exports and backups', async () => {
    const created = await json<{ error: { code: string; message: string } }>(
      asCoach('POST', '/api/people', { fullName: 'Someone New' }),
      403,
    );
    expect(created.error).toEqual({
      code: 'coach_read_only',
      message:
        'You are coaching this workspace: you can read it, comment on conversations and suggest tasks, but only its owner can change it.',
      issues: [],
    });
    await json(asCoach('DELETE', `/api/people/${personId}`), 403);
    await json(asCoach('GET', '/api/exports/csv/people'), 403);
    await json(asCoach('GET', '/api/backup'), 403);
    await json(asCoach('PUT', '/api/mail', {}), 403);
    await json(asCoach('POST', '/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/list' }), 403);
    // Nothing changed.
    expect((await json<{ items: unknown[] }>(owner.send('GET', '/api/people'), 200)).items).toHaveLength(1);
  });

  it('lets owner and coach comment on a conversation; the owner deletes', async () => {
    h.t.clock.advance(60_000);
    const mine = await json<{ id: string }>(
      owner.send('POST', `/api/conversations/${conversationId}/comments`, { body: 'Asked about the team.' }),
      201,
    );
    h.t.clock.advance(60_000);
    const theirs = await json<{ id: string; authorName: string; authorRole: string; createdAt: string }>(
      asCoach('POST', `/api/conversations/${conversationId}/comments`, {
        body: 'Ask Priya about on-call next time.',
      }),
      201,
    );
    expect(theirs).toMatchObject({ authorName: 'Carmen Coach', authorRole: 'coach' });
    expect(theirs.createdAt).toBe(h.t.clock.now().toISOString());
    const listed = await json<{ body: string; authorRole: string }[]>(
      asCoach('GET', `/api/conversations/${conversationId}/comments`),
      200,
    );
    expect(listed.map((c) => [c.authorRole, c.body])).toEqual([
      ['owner', 'Asked about the team.'],
      ['coach', 'Ask Priya about on-call next time.'],
    ]);
    await json(asCoach('DELETE', `/api/conversations/${conversationId}/comments/${mine.id}`), 403);
    const empty = await json<{ error: { issues: { field: string }[] } }>(
      asCoach('POST', `/api/conversations/${conversationId}/comments`, { body: '  ' }),
      400,
    );
    expect(empty.error.issues[0]!.field).toBe('body');
    await json(owner.send('DELETE', `/api/conversations/${conversationId}/comments/${mine.id}`), 204);
    expect(
      await json<unknown[]>(owner.send('GET', `/api/conversations/${conversationId}/comments`), 200),
    ).toHaveLength(1);
  });

  it('shows a coach’s suggested task to the owner, who accepts or dismisses it', async () => {
    h.t.clock.advance(60_000);
    const suggested = await json<{ id: string; suggestedBy: string; acceptedAt: null }>(
      asCoach('POST', '/api/tasks/suggestions', { title: 'Send Priya the portfolio link', conversationId }),
      201,
    );
    expect(suggested).toMatchObject({ suggestedBy: 'Carmen Coach', acceptedAt: null });
    h.t.clock.advance(60_000);
    const other = await json<{ id: string }>(
      asCoach('POST', '/api/tasks/suggestions', { title: 'Rewrite the pitch' }),
      201,
    );
    // The owner does not suggest to themselves.
    await json(owner.send('POST', '/api/tasks/suggestions', { title: 'x' }), 403);
    // The coach cannot answer their own suggestion.
    await json(asCoach('POST', `/api/tasks/${suggested.id}/accept`), 403);
    const tasks = await json<{ title: string; suggestedBy: string | null }[]>(
      owner.send('GET', '/api/tasks'),
      200,
    );
    expect(tasks.map((t) => [t.title, t.suggestedBy])).toEqual([
      ['Send Priya the portfolio link', 'Carmen Coach'],
      ['Rewrite the pitch', 'Carmen Coach'],
    ]);
    await json(owner.send('POST', `/api/tasks/${suggested.id}/accept`), 204);
    const twice = await json<{ error: { message: string } }>(
      owner.send('POST', `/api/tasks/${suggested.id}/accept`),
      422,
    );
    expect(twice.error.message).toMatch(/not a suggestion waiting/);
    await json(owner.send('DELETE', `/api/tasks/${other.id}`), 204);
    const after = await json<{ title: string; acceptedAt: string | null }[]>(
      owner.send('GET', '/api/tasks'),
      200,
    );
    expect(after).toEqual([
      expect.objectContaining({
        title: 'Send Priya the portfolio link',
        acceptedAt: h.t.clock.now().toISOString(),
      }),
    ]);
  });

  it('counts this week’s requests, meetings and overdue follow-ups on the coach’s home', async () => {
    // Wednesday of the week that began on Monday 23 November.
    h.t.clock.set('2026-11-25T12:00:00Z');
    const held = await createConversation({
      ...ownerCtx,
      input: { type: 'learn_role', participantIds: [personId] },
    });
    const msg = (purpose: 'request' | 'reply', direction: 'out' | 'in') =>
      logMessage({
        ...ownerCtx,
        input: { personId, conversationId: held.id, channel: 'email', direction, purpose },
      });
    await msg('request', 'out');
    await msg('reply', 'in');
    await scheduleMeeting({
      ...ownerCtx,
      conversationId: held.id,
      input: {
        startsAt: new Date('2026-11-25T09:00:00Z'),
        timeZone: 'UTC',
        medium: 'video',
        alreadyHappened: true,
      },
    });
    // A task due yesterday is overdue; one due today is not yet.
    await json(owner.send('POST', '/api/tasks', { title: 'Thank Priya', dueOn: '2026-11-24' }), 201);
    await json(owner.send('POST', '/api/tasks', { title: 'Due today', dueOn: '2026-11-25' }), 201);
    const shared = await json<unknown[]>(coach.send('GET', '/api/coaching/shared'), 200);
    expect(shared).toEqual([
      expect.objectContaining({
        id: ownerCtx.workspaceId,
        ownerName: 'Olive Owner',
        ownerEmail: 'olive@example.org',
        week: { from: '2026-11-23', requestsSent: 1, meetingsHeld: 1, overdueFollowUps: 1 },
      }),
    ]);
    // The next week starts from nothing but the overdue work.
    h.t.clock.set('2026-11-30T08:00:00Z');
    const next = await json<{ week: object }[]>(coach.send('GET', '/api/coaching/shared'), 200);
    expect(next[0]!.week).toEqual({
      from: '2026-11-30',
      requestsSent: 0,
      meetingsHeld: 0,
      overdueFollowUps: 2,
    });
    // The owner coaches nobody.
    expect(await json<unknown[]>(owner.send('GET', '/api/coaching/shared'), 200)).toEqual([]);
  });

  it('walks every operation as the coach: each change outside the allow list is refused', async () => {
    const doc = (await json<Doc>(asCoach('GET', '/api/openapi.json'), 200)) as Doc;
    const allowed = new Set(COACH_WRITES.map(([m, p]) => `${m} ${p}`));
    const problems: string[] = [];
    let writes = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const verb = method.toUpperCase();
        const path = template.replace(/\{(\w+)\}/g, () => conversationId);
        const refusedRead = COACH_REFUSED_READS.some((p) => template === p || template.startsWith(`${p}/`));
        if (verb === 'GET' && !refusedRead) continue;
        if (verb !== 'GET') writes++;
        const res = await asCoach(verb, path, verb === 'GET' || verb === 'DELETE' ? undefined : {});
        const code = res.status === 403 ? ((await res.json()) as { error: { code: string } }).error.code : '';
        const refused = code === 'coach_read_only';
        const shouldBe = verb === 'GET' || !allowed.has(`${verb} ${template}`);
        if (refused !== shouldBe) problems.push(`${verb} ${template} → ${res.status} ${code}`);
      }
    }
    expect(writes).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the owner what the coach did, and stops sharing at once', async () => {
    const sharing = await json<{
      coaches: { accountId: string; name: string; email: string }[];
      activity: { kind: string; coachName: string; text: string; conversationTitle: string | null }[];
    }>(owner.send('GET', '/api/coaching/coaches'), 200);
    expect(sharing.coaches).toEqual([
      expect.objectContaining({ name: 'Carmen Coach', email: 'carmen@example.org' }),
    ]);
    expect(sharing.activity.map((a) => [a.kind, a.coachName, a.text])).toEqual([
      ['suggestion', 'Carmen Coach', 'Send Priya the portfolio link'],
      ['comment', 'Carmen Coach', 'Ask Priya about on-call next time.'],
    ]);
    // Pending invitations are listed, and can be withdrawn.
    await invite('second@example.org');
    const open = await json<{ invites: { id: string; email: string }[] }>(
      owner.send('GET', '/api/coaching/coaches'),
      200,
    );
    expect(open.invites.map((i) => i.email)).toEqual(['second@example.org']);
    await json(owner.send('DELETE', `/api/coaching/invites/${open.invites[0]!.id}`), 204);

    await json(owner.send('DELETE', `/api/coaching/coaches/${sharing.coaches[0]!.accountId}`), 204);
    expect((await json(asCoach('GET', '/api/people'), 403)) as object).toMatchObject({
      error: { code: 'not_shared' },
    });
    await json(
      asCoach('POST', `/api/conversations/${conversationId}/comments`, { body: 'Still here?' }),
      403,
    );
    expect(await json<unknown[]>(coach.send('GET', '/api/coaching/shared'), 200)).toEqual([]);
    await json(owner.send('DELETE', `/api/coaching/coaches/${sharing.coaches[0]!.accountId}`), 404);
    // What the coach wrote stays with the owner.
    expect(
      await json<unknown[]>(owner.send('GET', `/api/conversations/${conversationId}/comments`), 200),
    ).toHaveLength(1);
  });
});

describe('an operator’s coach invitation (rapport accounts invite --coach)', () => {
  it('shares the workspace of the account named by its e-mail', async () => {
    const { createCoachInviteFor } = await import('../../../services/accounts/coaching.js');
    const db = h.t.handle.db;
    const now = h.t.clock.now;
    await expect(
      createCoachInviteFor({ db, now, ownerEmail: 'nobody@example.org', coachEmail: 'x@example.org' }),
    ).rejects.toThrow('No account with the e-mail nobody@example.org owns a workspace on this server.');
    const made = await createCoachInviteFor({
      db,
      now,
      ownerEmail: 'OLIVE@example.org',
      coachEmail: 'carmen@example.org',
    });
    const taken = await json<{ id: string }>(
      coach.send('POST', '/api/coaching/accept', { code: made.code }),
      200,
    );
    expect(taken.id).toBe(ownerCtx.workspaceId);
  });
});

describe('coach invitations on an invite-only server', () => {
  it('let the invited coach sign up, then take the workspace', async () => {
    const g = await openHostedTestApi({ signUp: 'invite-only' });
    try {
      // The first account comes from an operator's invitation.
      const { createInvite } = await import('../../../services/accounts/invites.js');
      const first = await createInvite({ db: g.t.handle.db, now: g.t.clock.now, createdBy: null });
      const o = g.visitor();
      await json(o.signUp('first@example.org', undefined, { inviteCode: first.code }), 200);
      const { code } = await json<{ code: string }>(
        o.send('POST', '/api/coaching/invites', { email: 'coach@example.org' }),
        201,
      );
      const other = g.visitor();
      // The code is for the coach's address only.
      await json(other.signUp('someone@example.org', undefined, { inviteCode: code }), 403);
      const c = g.visitor();
      await json(c.signUp('coach@example.org', undefined, { inviteCode: code }), 200);
      await json(c.send('POST', '/api/coaching/accept', { code }), 200);
      expect(await json<unknown[]>(c.send('GET', '/api/coaching/shared'), 200)).toHaveLength(1);
    } finally {
      await g.t.close();
    }
  }, 60_000);
});
