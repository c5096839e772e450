import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  authUsers,
  coachInvites,
  conversationComments,
  conversations,
  tasks,
  users,
  workspaceMembers,
  workspaces,
} from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { weekStartUtc } from '../../domain/metrics.js';
import type { Ctx } from '../context.js';

/** How many of the coaches' latest comments and suggestions Settings → Sharing lists. */
const ACTIVITY_SHOWN = 100;
/** How long a coach invitation can be used. */
const INVITE_DAYS = 14;
/** Coach codes are told apart from sign-up codes by their start. */
const CODE_PREFIX = 'rapport-coach-';

function hashCode(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The workspace a coach has open: they see it as its owner does (time zone, name). */
export interface CoachSeat {
  workspaceId: string;
  /** The owner's `users` row, which speaks for every member of the workspace. */
  userId: string;
}

/**
 * Makes a code that lets the account with `email` coach the context's workspace. Only its hash is
 * kept, so the code is shown once; it works once, within 14 days.
 */
export async function createCoachInvite(
  ctx: Ctx & { email: string; createdBy: string; ownerEmail: string },
): Promise<{ code: string; email: string; expiresAt: Date }> {
  const email = normalEmail(ctx.email);
  if (email === normalEmail(ctx.ownerEmail)) {
    throw new AppError('validation', {
      userMessage: 'That is your own e-mail address: invite your coach by theirs.',
      issues: [{ field: 'email', message: 'That is your own e-mail address.' }],
    });
  }
  const code = `${CODE_PREFIX}${randomBytes(18).toString('base64url')}`;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  await ctx.db.insert(coachInvites).values({
    workspaceId: ctx.workspaceId,
    email,
    codeHash: hashCode(code),
    createdBy: ctx.createdBy,
    createdAt: now,
    expiresAt,
  });
  return { code, email, expiresAt };
}

/**
 * An operator's coach invitation (`rapport accounts invite --coach`): for the workspace owned by
 * the account with `ownerEmail`.
 */
export async function createCoachInviteFor(opts: {
  db: Db;
  now: () => Date;
  ownerEmail: string;
  coachEmail: string;
}): Promise<{ code: string; email: string; expiresAt: Date }> {
  const [owner] = await opts.db
    .select({
      workspaceId: workspaceMembers.workspaceId,
      userId: workspaceMembers.userId,
      authUserId: authUsers.id,
      email: authUsers.email,
    })
    .from(workspaceMembers)
    .innerJoin(authUsers, eq(authUsers.id, workspaceMembers.authUserId))
    .where(
      and(
        eq(sql`lower(${authUsers.email})`, normalEmail(opts.ownerEmail)),
        eq(workspaceMembers.role, 'owner'),
      ),
    )
    .orderBy(workspaceMembers.createdAt)
    .limit(1);
  if (!owner) {
    throw new AppError('not_found', {
      userMessage: `No account with the e-mail ${opts.ownerEmail} owns a workspace on this server.`,
    });
  }
  return createCoachInvite({
    db: opts.db,
    now: opts.now,
    workspaceId: owner.workspaceId,
    userId: owner.userId,
    email: opts.coachEmail,
    createdBy: owner.authUserId,
    ownerEmail: owner.email,
  });
}

/**
 * Whether a code is a coach invitation for `email` that can still be used: invite-only sign-up
 * takes it as the invitee's invitation.
 */
export async function coachInviteOpen(opts: {
  db: Db;
  now: () => Date;
  code: string;
  email: string;
}): Promise<boolean> {
  if (!opts.code.trim().startsWith(CODE_PREFIX)) return false;
  const [row] = await opts.db
    .select({ id: coachInvites.id })
    .from(coachInvites)
    .where(
      and(
        eq(coachInvites.codeHash, hashCode(opts.code)),
        eq(coachInvites.email, normalEmail(opts.email)),
        isNull(coachInvites.usedAt),
        gt(coachInvites.expiresAt, opts.now()),
      ),
    );
  return Boolean(row);
}

const UNUSABLE =
  'This coach invitation is unknown, used already or expired. Ask the person who invited you for a new one.';

/**
 * Uses a coach invitation: the signed-in account becomes a coach of the inviting workspace. The
 * invitation names an e-mail, and only the account with that e-mail can use it.
 */
export async function acceptCoachInvite(opts: {
  db: Db;
  now: () => Date;
  code: string;
  authUserId: string;
  name: string;
  email: string;
}): Promise<{ id: string; name: string }> {
  const now = opts.now();
  return opts.db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(coachInvites)
      .where(
        and(
          eq(coachInvites.codeHash, hashCode(opts.code)),
          isNull(coachInvites.usedAt),
          gt(coachInvites.expiresAt, now),
        ),
      )
      .for('update');
    if (!invite) throw new AppError('not_found', { userMessage: UNUSABLE });
    if (invite.email !== normalEmail(opts.email)) {
      throw new AppError('forbidden', {
        userMessage: `This invitation is for ${invite.email}. Sign in with that address to use it.`,
      });
    }
    const [member] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(
        and(
          eq(workspaceMembers.workspaceId, invite.workspaceId),
          eq(workspaceMembers.authUserId, opts.authUserId),
        ),
      );
    if (member?.role === 'owner') {
      throw new AppError('conflict', { userMessage: 'This is your own workspace: you cannot coach it.' });
    }
    await tx
      .update(coachInvites)
      .set({ usedAt: now, usedBy: opts.authUserId })
      .where(eq(coachInvites.id, invite.id));
    if (!member) {
      // A coach sees the workspace as its owner does: the owner's `users` row speaks for them there.
      const [owner] = await tx
        .select({ userId: workspaceMembers.userId })
        .from(workspaceMembers)
        .where(and(eq(workspaceMembers.workspaceId, invite.workspaceId), eq(workspaceMembers.role, 'owner')))
        .limit(1);
      if (!owner) throw new AppError('not_found', { userMessage: UNUSABLE });
      await tx.insert(workspaceMembers).values({
        workspaceId: invite.workspaceId,
        authUserId: opts.authUserId,
        userId: owner.userId,
        role: 'coach',
        createdAt: now,
      });
    }
    const [ws] = await tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, invite.workspaceId));
    return { id: invite.workspaceId, name: ws?.name ?? 'Shared workspace' };
  });
}

/**
 * The seat of an account that coaches `workspaceId`, or null when that workspace is not (or no
 * longer) shared with it: revoking takes effect on the next request.
 */
export async function coachSeat(db: Db, authUserId: string, workspaceId: string): Promise<CoachSeat | null> {
  const [row] = await db
    .select({ workspaceId: workspaceMembers.workspaceId, userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.authUserId, authUserId),
        eq(workspaceMembers.workspaceId, workspaceId),
        eq(workspaceMembers.role, 'coach'),
      ),
    );
  return row ?? null;
}

export interface CoachActivity {
  kind: 'comment' | 'suggestion';
  at: Date;
  coachName: string;
  text: string;
  conversationId: string | null;
  conversationTitle: string | null;
  taskId: string | null;
}

/**
 * What the owner of the context's workspace sees under Settings → Sharing: its coaches, the
 * invitations not used yet, and what coaches did (comments and suggested tasks, newest first).
 */
export async function sharing(ctx: Ctx) {
  const [coaches, invites, comments, suggestions] = await Promise.all([
    ctx.db
      .select({
        accountId: workspaceMembers.authUserId,
        name: authUsers.name,
        email: authUsers.email,
        since: workspaceMembers.createdAt,
      })
      .from(workspaceMembers)
      .innerJoin(authUsers, eq(authUsers.id, workspaceMembers.authUserId))
      .where(and(eq(workspaceMembers.workspaceId, ctx.workspaceId), eq(workspaceMembers.role, 'coach')))
      .orderBy(workspaceMembers.createdAt),
    ctx.db
      .select({ id: coachInvites.id, email: coachInvites.email, expiresAt: coachInvites.expiresAt })
      .from(coachInvites)
      .where(
        and(
          eq(coachInvites.workspaceId, ctx.workspaceId),
          isNull(coachInvites.usedAt),
          gt(coachInvites.expiresAt, ctx.now()),
        ),
      )
      .orderBy(desc(coachInvites.createdAt)),
    ctx.db
      .select({
        at: conversationComments.createdAt,
        coachName: conversationComments.authorName,
        text: conversationComments.body,
        conversationId: conversationComments.conversationId,
        conversationTitle: conversations.title,
      })
      .from(conversationComments)
      .innerJoin(conversations, eq(conversations.id, conversationComments.conversationId))
      .where(
        and(
          eq(conversationComments.workspaceId, ctx.workspaceId),
          eq(conversationComments.authorRole, 'coach'),
        ),
      )
      .orderBy(desc(conversationComments.createdAt))
      .limit(ACTIVITY_SHOWN),
    ctx.db
      .select({
        at: tasks.createdAt,
        coachName: sql<string>`${tasks.suggestedBy}`,
        text: tasks.title,
        taskId: tasks.id,
        conversationId: tasks.conversationId,
      })
      .from(tasks)
      .where(and(eq(tasks.workspaceId, ctx.workspaceId), isNotNull(tasks.suggestedBy)))
      .orderBy(desc(tasks.createdAt))
      .limit(ACTIVITY_SHOWN),
  ]);
  const activity: CoachActivity[] = [
    ...comments.map((c) => ({ kind: 'comment' as const, taskId: null, ...c })),
    ...suggestions.map((s) => ({ kind: 'suggestion' as const, conversationTitle: null, ...s })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return { coaches, invites, activity: activity.slice(0, ACTIVITY_SHOWN) };
}

/** Takes a coach off the context's workspace at once; their comments and suggestions stay. */
export async function revokeCoach(ctx: Ctx & { accountId: string }): Promise<void> {
  const removed = await ctx.db
    .delete(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, ctx.workspaceId),
        eq(workspaceMembers.authUserId, ctx.accountId),
        eq(workspaceMembers.role, 'coach'),
      ),
    )
    .returning({ id: workspaceMembers.authUserId });
  if (!removed.length) {
    throw new AppError('not_found', { userMessage: 'No coach with that account has this workspace.' });
  }
}

/** Withdraws an invitation not used yet. */
export async function cancelCoachInvite(ctx: Ctx & { id: string }): Promise<void> {
  const removed = await ctx.db
    .delete(coachInvites)
    .where(
      and(
        eq(coachInvites.id, ctx.id),
        eq(coachInvites.workspaceId, ctx.workspaceId),
        isNull(coachInvites.usedAt),
      ),
    )
    .returning({ id: coachInvites.id });
  if (!removed.length) {
    throw new AppError('not_found', { userMessage: 'No open coach invitation with that id here.' });
  }
}

/** This week's numbers of one shared workspace, the career-center view's row. */
export interface SharedWorkspace {
  /** The workspace's id (the web app sends it to open the workspace). */
  id: string;
  name: string;
  ownerName: string;
  ownerEmail: string;
  since: Date;
  week: { from: string; requestsSent: number; meetingsHeld: number; overdueFollowUps: number };
}

interface SharedRow {
  workspace_id: string;
  name: string;
  owner_name: string;
  owner_email: string;
  since: string | Date;
  requests_sent: number;
  meetings_held: number;
  overdue: number;
}

/**
 * The coach's home: every workspace shared with the account, with this week's numbers (weeks
 * run Monday to Sunday in UTC, as on the results dashboard). Requests sent are conversations whose
 * request went out this week; meetings held count as on the dashboard (not cancelled, the
 * conversation held or later); overdue follow-ups are open tasks and promises due before the
 * owner's today, as the Tasks page marks them. One statement for all the workspaces.
 */
export async function sharedWorkspaces(opts: {
  db: Db;
  now: () => Date;
  authUserId: string;
}): Promise<SharedWorkspace[]> {
  const now = opts.now();
  const from = weekStartUtc(now);
  const nowIso = now.toISOString();
  const fromIso = from.toISOString();
  const result = await opts.db.execute(sql`
    select m.workspace_id, w.name, m.created_at as since,
      coalesce(ou.name, '') as owner_name, coalesce(ou.email, '') as owner_email,
      (select count(*) from ${conversations} c where c.workspace_id = m.workspace_id
        and c.requested_at >= ${fromIso}::timestamptz and c.requested_at <= ${nowIso}::timestamptz)::int as requests_sent,
      (select count(*) from meetings mt join ${conversations} c on c.id = mt.conversation_id
        where mt.workspace_id = m.workspace_id and mt.cancelled_at is null
          and c.status in ('held', 'thanked', 'keeping_in_touch')
          and mt.starts_at >= ${fromIso}::timestamptz and mt.starts_at <= ${nowIso}::timestamptz)::int as meetings_held,
      (select count(*) from ${tasks} t where t.workspace_id = m.workspace_id and t.done_at is null
        and t.due_on < (${nowIso}::timestamptz at time zone coalesce(u.time_zone, 'UTC'))::date)::int as overdue
    from ${workspaceMembers} m
    join ${workspaces} w on w.id = m.workspace_id
    left join lateral (select o.user_id, o.auth_user_id from ${workspaceMembers} o
      where o.workspace_id = m.workspace_id and o.role = 'owner' order by o.created_at limit 1) own on true
    left join ${users} u on u.id = own.user_id
    left join ${authUsers} ou on ou.id = own.auth_user_id
    where m.auth_user_id = ${opts.authUserId} and m.role = 'coach'
    order by w.name, m.workspace_id`);
  const rows = (result as unknown as { rows: SharedRow[] }).rows;
  return rows.map((r) => ({
    id: r.workspace_id,
    name: r.name,
    ownerName: r.owner_name,
    ownerEmail: r.owner_email,
    since: new Date(r.since),
    week: {
      from: fromIso.slice(0, 10),
      requestsSent: Number(r.requests_sent),
      meetingsHeld: Number(r.meetings_held),
      overdueFollowUps: Number(r.overdue),
    },
  }));
}
