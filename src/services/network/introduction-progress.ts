import { and, eq, inArray } from 'drizzle-orm';
import { conversationParticipants, introductions } from '../../db/schema.js';
import type { Ctx } from '../context.js';

/**
 * An introduction moves along as the user follows it up, without being ticked by hand: meeting the
 * person makes it Met, and thanking the introducer afterwards makes it Thanked (method.md section 7:
 * report back to whoever referred you).
 */

/**
 * The meeting of a conversation was held: every introduction of one of its participants that was
 * asked for or made is now Met. Returns how many moved.
 */
export async function markIntroductionsMet(ctx: Ctx, conversationId: string): Promise<number> {
  const moved = await ctx.db
    .update(introductions)
    .set({ state: 'met' })
    .where(
      and(
        eq(introductions.workspaceId, ctx.workspaceId),
        inArray(introductions.state, ['asked', 'made']),
        inArray(
          introductions.introducedId,
          ctx.db
            .select({ id: conversationParticipants.personId })
            .from(conversationParticipants)
            .where(eq(conversationParticipants.conversationId, conversationId)),
        ),
      ),
    )
    .returning({ id: introductions.id });
  return moved.length;
}

/**
 * A thank-you or a report-back went to someone who introduced the user: each of their introductions
 * whose person the user has met is now Thanked. Returns how many moved.
 */
export async function markIntroductionsThanked(ctx: Ctx, introducerId: string): Promise<number> {
  const moved = await ctx.db
    .update(introductions)
    .set({ state: 'thanked' })
    .where(
      and(
        eq(introductions.workspaceId, ctx.workspaceId),
        eq(introductions.introducerId, introducerId),
        eq(introductions.state, 'met'),
      ),
    )
    .returning({ id: introductions.id });
  return moved.length;
}
