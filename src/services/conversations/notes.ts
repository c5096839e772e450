import { and, desc, eq } from 'drizzle-orm';
import { conversations, notes, organizations, people } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { NoteKind } from '../../domain/vocab.js';
import { type Ctx, updateVersioned } from '../context.js';
import { touchPeople } from '../people/people.js';

export type Note = typeof notes.$inferSelect;

export interface NoteSubject {
  personId?: string;
  organizationId?: string;
  conversationId?: string;
}

async function assertSubject(ctx: Ctx, subject: NoteSubject): Promise<void> {
  const set = Object.entries(subject).filter(([, v]) => v);
  if (set.length !== 1) {
    throw new AppError('validation', {
      userMessage: 'A note belongs to exactly one person, organization or conversation.',
      issues: [{ field: 'subject', message: 'give exactly one of personId, organizationId, conversationId' }],
    });
  }
  const [[field, id]] = set as [[keyof NoteSubject, string]];
  const table = { personId: people, organizationId: organizations, conversationId: conversations }[field];
  const [row] = await ctx.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.workspaceId, ctx.workspaceId)));
  if (!row) {
    throw new AppError('validation', {
      userMessage: `${field}: no such record in this workspace.`,
      issues: [{ field, message: 'no such record in this workspace' }],
    });
  }
}

/** Adds a Markdown note to a person, an organization or a conversation. */
export async function createNote(
  ctx: Ctx & { subject: NoteSubject; body: string; kind?: NoteKind },
): Promise<Note> {
  await assertSubject(ctx, ctx.subject);
  const [row] = await ctx.db
    .insert(notes)
    .values({
      workspaceId: ctx.workspaceId,
      personId: ctx.subject.personId ?? null,
      organizationId: ctx.subject.organizationId ?? null,
      conversationId: ctx.subject.conversationId ?? null,
      kind: ctx.kind ?? 'note',
      body: ctx.body,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  // A note of a call is a logged interaction with the person.
  if (ctx.kind === 'call' && ctx.subject.personId) await touchPeople(ctx, [ctx.subject.personId], ctx.now());
  return row!;
}

/** Notes about one subject, newest first. */
export async function listNotes(ctx: Ctx & { subject: NoteSubject }): Promise<Note[]> {
  await assertSubject(ctx, ctx.subject);
  const { personId, organizationId, conversationId } = ctx.subject;
  const column = personId ? notes.personId : organizationId ? notes.organizationId : notes.conversationId;
  return ctx.db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.workspaceId, ctx.workspaceId),
        eq(column, (personId ?? organizationId ?? conversationId)!),
      ),
    )
    .orderBy(desc(notes.createdAt));
}

/** Edits a note's text; a stale version is refused. */
export async function updateNote(
  ctx: Ctx & { id: string; version?: number; body?: string; kind?: NoteKind },
): Promise<Note> {
  const values: Record<string, unknown> = {};
  if (ctx.body !== undefined) values.body = ctx.body;
  if (ctx.kind !== undefined) values.kind = ctx.kind;
  await updateVersioned(ctx, notes, 'note', ctx.id, ctx.version, values);
  const [row] = await ctx.db.select().from(notes).where(eq(notes.id, ctx.id));
  return row!;
}

/** Deletes a note. */
export async function deleteNote(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(notes)
    .where(and(eq(notes.id, ctx.id), eq(notes.workspaceId, ctx.workspaceId)))
    .returning({ id: notes.id });
  if (!deleted.length) throw notFound('note', ctx.id);
}
