/**
 * Changing many people at once: tag or untag them, set whether to keep in touch, or delete them.
 * One transaction, and only people of this workspace; an id that is not one of them is refused
 * before anything changes, so a stale selection never half-applies.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { people, personTags, tags } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { KeepInTouch } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';

/** More than a page of the People list, far fewer than would make one statement slow. */
export const MAX_BULK_PEOPLE = 1000;

export type BulkPeopleAction =
  | { action: 'addTag'; tag: string }
  | { action: 'removeTag'; tag: string }
  | { action: 'keepInTouch'; keepInTouch: KeepInTouch; everyDays?: number | null }
  | { action: 'delete' };

export async function bulkUpdatePeople(
  ctx: Ctx & { ids: string[]; change: BulkPeopleAction },
): Promise<{ affected: number }> {
  const ids = [...new Set(ctx.ids)];
  if (!ids.length || ids.length > MAX_BULK_PEOPLE) {
    throw new AppError('validation', {
      userMessage: `ids: choose between 1 and ${MAX_BULK_PEOPLE} people.`,
      issues: [{ field: 'ids', message: `between 1 and ${MAX_BULK_PEOPLE}` }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const mine = and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids));
    const found = await tx.db.select({ id: people.id }).from(people).where(mine);
    if (found.length !== ids.length) {
      const missing = ids.length - found.length;
      throw new AppError('not_found', {
        userMessage: `${missing} of the chosen people no longer exist; reload the list and choose again. Nothing was changed.`,
        issues: [{ field: 'ids', message: `${missing} not found` }],
      });
    }
    const { change } = ctx;
    switch (change.action) {
      case 'addTag': {
        const [tag] = await tx.db
          .insert(tags)
          .values({ workspaceId: ctx.workspaceId, name: change.tag })
          .onConflictDoUpdate({ target: [tags.workspaceId, tags.name], set: { name: change.tag } })
          .returning({ id: tags.id });
        const added = await tx.db
          .insert(personTags)
          .values(ids.map((personId) => ({ personId, tagId: tag!.id })))
          .onConflictDoNothing()
          .returning({ personId: personTags.personId });
        return { affected: added.length };
      }
      case 'removeTag': {
        const removed = await tx.db
          .delete(personTags)
          .where(
            and(
              inArray(personTags.personId, ids),
              sql`${personTags.tagId} in (select id from ${tags}
                where ${tags.workspaceId} = ${ctx.workspaceId} and ${tags.name} = ${change.tag})`,
            ),
          )
          .returning({ personId: personTags.personId });
        return { affected: removed.length };
      }
      case 'keepInTouch': {
        const updated = await tx.db
          .update(people)
          .set({
            keepInTouch: change.keepInTouch,
            ...(change.everyDays !== undefined ? { keepInTouchEveryDays: change.everyDays } : {}),
            version: sql`${people.version} + 1`,
            updatedAt: ctx.now(),
          })
          .where(mine)
          .returning({ id: people.id });
        return { affected: updated.length };
      }
      case 'delete': {
        const deleted = await tx.db.delete(people).where(mine).returning({ id: people.id });
        return { affected: deleted.length };
      }
    }
  });
}
