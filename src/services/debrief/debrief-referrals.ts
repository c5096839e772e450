/**
 * Referrals in a debrief: the people a participant suggested the user meet. A referral to someone
 * already in the contacts links that person (an introduction from the referrer, no second row);
 * only a referral that matches nobody, or one the user deliberately marks as new, adds a person.
 * Matching follows the duplicate finder and the import: the e-mail (case ignored), then the
 * profile URL (normalised), then the full name at the same organization.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  conversationParticipants,
  conversations,
  introductions,
  organizations,
  people,
} from '../../db/schema.js';
import { compareNames, emailKey, foldName, linkedInKey } from '../../domain/duplicates.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { type ConversationDetail, createConversation } from '../conversations/conversations.js';
import { findOrCreateOrganization, keyOf } from '../organizations/organizations.js';
import { assertPersonInWorkspace, createPerson } from '../people/people.js';

export interface ReferralInput {
  /** Who was referred, as the user wrote it; may be left out when `personId` names them. */
  fullName?: string | null;
  byPersonId: string;
  title?: string | null;
  organizationName?: string | null;
  email?: string | null;
  linkedinUrl?: string | null;
  note?: string | null;
  /** Also create the next request to them as an idea (default yes). */
  suggestRequest?: boolean;
  /** Link this person already in the contacts instead of adding one. */
  personId?: string | null;
  /** Add a new person even when someone in the contacts matches. */
  createNew?: boolean;
}

/** Why a referral was taken for someone already in the contacts. */
export type ReferralMatchReason = 'email' | 'linkedin' | 'name' | 'chosen';

export const REFERRAL_MATCH_LABELS: Record<ReferralMatchReason, string> = {
  email: 'Same e-mail',
  linkedin: 'Same profile URL',
  name: 'Same name at the same organization',
  chosen: 'Chosen by you',
};

export interface ReferralMatch {
  id: string;
  fullName: string;
  title: string | null;
  organizationName: string | null;
  reason: Exclude<ReferralMatchReason, 'chosen'>;
  /** The reason in words, e.g. "Same e-mail". */
  label: string;
  /** True for a weaker name match ("J. Shah" for "Priya Shah"), only ever offered, never linked on its own. */
  likely: boolean;
}

/** How many people a lookup offers at most. */
const MAX_MATCHES = 5;
/** Conversations still on the way to a meeting: a referral to someone with one does not start another. */
const OPEN_STATUSES = ['idea', 'requested', 'accepted', 'scheduled'] as const;

type Found = { id: string; fullName: string; title: string | null; organizationName: string | null };

function personQuery(ctx: Ctx) {
  return ctx.db
    .select({
      id: people.id,
      fullName: people.fullName,
      title: people.title,
      organizationName: organizations.name,
      linkedinUrl: people.linkedinUrl,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId));
}

/**
 * People already in the workspace who may be the person referred, strongest reason first: the
 * same e-mail, the same profile URL, then the same full name at the same organization (or, when
 * no organization was given, the same full name anywhere — offered to the user, never linked
 * without them). Each person appears once, under their strongest reason.
 */
export async function findReferralMatches(
  ctx: Ctx & {
    fullName?: string | null;
    email?: string | null;
    linkedinUrl?: string | null;
    organizationName?: string | null;
  },
): Promise<ReferralMatch[]> {
  const ws = eq(people.workspaceId, ctx.workspaceId);
  const found: ReferralMatch[] = [];
  const add = (
    p: Found,
    reason: ReferralMatch['reason'],
    likely = false,
    label = REFERRAL_MATCH_LABELS[reason],
  ) => {
    if (found.some((f) => f.id === p.id)) return;
    const { id, fullName, title, organizationName } = p;
    found.push({
      id,
      fullName,
      title,
      organizationName,
      reason,
      label,
      likely,
    });
  };

  const email = emailKey(ctx.email);
  if (email) {
    const rows = await personQuery(ctx)
      .where(and(ws, sql`lower(trim(${people.email})) = ${email}`))
      .orderBy(people.createdAt)
      .limit(MAX_MATCHES);
    for (const p of rows) add(p, 'email');
  }

  const url = linkedInKey(ctx.linkedinUrl);
  if (url) {
    // The database narrows by the profile's last path segment; the shared rule decides.
    const slug = url.split('/').filter(Boolean).at(-1) ?? url;
    const rows = await personQuery(ctx)
      .where(and(ws, isNotNull(people.linkedinUrl), sql`lower(${people.linkedinUrl}) like ${`%${slug}%`}`))
      .orderBy(people.createdAt)
      .limit(50);
    for (const p of rows) if (linkedInKey(p.linkedinUrl) === url) add(p, 'linkedin');
  }

  const name = ctx.fullName?.trim() ?? '';
  if (foldName(name)) {
    const orgName = ctx.organizationName?.trim();
    let rows: Found[];
    if (orgName) {
      rows = await personQuery(ctx)
        .where(and(ws, eq(organizations.nameKey, keyOf(orgName))))
        .orderBy(people.createdAt)
        .limit(2000);
    } else {
      // Without an organization only the very same name is offered; the last word narrows the read.
      const last = name.split(/\s+/).at(-1) ?? name;
      rows = await personQuery(ctx)
        .where(and(ws, sql`${people.fullName} ilike ${`%${last}%`}`))
        .orderBy(people.createdAt)
        .limit(200);
    }
    for (const p of rows) {
      const match = compareNames(name, p.fullName);
      if (!match) continue;
      const exact = match.match === 'same' || match.match === 'accents';
      if (orgName && exact) add(p, 'name');
      else if (orgName) add(p, 'name', true, `${match.explanation}, at the same organization`);
      else if (foldName(p.fullName) === foldName(name)) add(p, 'name', true, 'Same name');
    }
  }
  return found.slice(0, MAX_MATCHES);
}

/**
 * The person a referral names: the one the user chose, or the one it matches for certain (e-mail,
 * profile URL, or the same name at the same organization), or null for a new person.
 */
async function existingFor(
  ctx: Ctx,
  r: ReferralInput,
  field: string,
): Promise<{ id: string; fullName: string; reason: ReferralMatchReason } | null> {
  if (r.personId) {
    await assertPersonInWorkspace(ctx, r.personId, `${field}.personId`);
    const [p] = await ctx.db
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(eq(people.id, r.personId));
    return { ...p!, reason: 'chosen' };
  }
  if (r.createNew) return null;
  const matches = await findReferralMatches({
    ...ctx,
    fullName: r.fullName,
    email: r.email,
    linkedinUrl: r.linkedinUrl,
    organizationName: r.organizationName,
  });
  const best = matches.find((m) => !m.likely);
  return best ? { id: best.id, fullName: best.fullName, reason: best.reason } : null;
}

/** An open conversation already planned with the person, so a second suggestion is not added. */
async function openConversationWith(ctx: Ctx, personId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: conversations.id })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .where(
      and(
        eq(conversationParticipants.personId, personId),
        eq(conversations.workspaceId, ctx.workspaceId),
        inArray(conversations.status, [...OPEN_STATUSES]),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export interface SavedReferral {
  personId: string;
  fullName: string;
  conversationId: string | null;
  /** Why an existing person was linked; null when a new person was added. */
  matchedBy: ReferralMatchReason | null;
}

/**
 * Records one referral made in `conv` (inside the debrief's transaction): the existing person it
 * names or matches, else a new person; the introduction from the referrer through this
 * conversation; and, unless declined or already planned, the next request to them as an idea.
 */
export async function saveReferral(
  ctx: Ctx,
  conv: ConversationDetail,
  r: ReferralInput,
  index: number,
): Promise<SavedReferral> {
  const field = `referrals.${index}`;
  const referrer = conv.participants.find((p) => p.id === r.byPersonId)?.fullName;
  const existing = await existingFor(ctx, r, field);
  if (existing?.id === r.byPersonId) {
    throw new AppError('validation', {
      userMessage: `${field}.personId: ${existing.fullName} cannot refer you to themselves. Choose another person or add a new one.`,
      issues: [{ field: `${field}.personId`, message: 'is the person who made the referral' }],
    });
  }
  const organizationName = r.organizationName?.trim();
  let organizationId: string | null = null;
  let person: { id: string; fullName: string };
  if (existing) {
    person = existing;
  } else {
    const fullName = r.fullName?.trim();
    if (!fullName) {
      throw new AppError('validation', {
        userMessage: `${field}.fullName: write the name of the person they suggested.`,
        issues: [{ field: `${field}.fullName`, message: 'is required' }],
      });
    }
    organizationId = organizationName
      ? await findOrCreateOrganization({ ...ctx, name: organizationName })
      : null;
    person = await createPerson({
      ...ctx,
      source: 'referral',
      input: {
        fullName,
        title: r.title ?? null,
        organizationId,
        email: r.email ?? null,
        linkedinUrl: r.linkedinUrl?.trim() || null,
        howWeKnow: `Referred by ${referrer} in “${conv.title}”`,
      },
    });
  }
  // Someone already introduced by the same person keeps that introduction as it is.
  await ctx.db
    .insert(introductions)
    .values({
      workspaceId: ctx.workspaceId,
      introducerId: r.byPersonId,
      introducedId: person.id,
      viaConversationId: conv.id,
      state: 'asked',
      introducedOn: ctx.now().toISOString().slice(0, 10),
      note: r.note ?? null,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing();
  let next: string | null = null;
  if (r.suggestRequest !== false) {
    next = existing ? await openConversationWith(ctx, person.id) : null;
    if (!next) {
      const c = await createConversation({
        ...ctx,
        input: {
          type:
            conv.type === 'hiring_manager' || conv.type === 'rejection_feedback' ? 'learn_role' : conv.type,
          participantIds: [person.id],
          // An existing person's conversation goes under their own organization.
          organizationId: existing ? null : organizationId,
          role: conv.role,
          reachedVia: `Referred by ${referrer}`,
        },
      });
      next = c.id;
    }
  }
  return {
    personId: person.id,
    fullName: person.fullName,
    conversationId: next,
    matchedBy: existing?.reason ?? null,
  };
}
