import { and, asc, eq } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { checkRequest } from '../../domain/request-checker.js';
import { BUILT_IN_TEMPLATES, type MERGE_FIELDS, renderTemplate } from '../../domain/templates.js';
import { type Ctx, updateVersioned } from '../context.js';
import { getPerson } from '../people/people.js';
import { getSettings } from '../settings/settings.js';

export type Template = typeof messageTemplates.$inferSelect;
type MergeField = (typeof MERGE_FIELDS)[number];

const REQUEST_KINDS = new Set(['referred', 'alumni', 'cold_shared_interest', 'after_rejection']);

/** The workspace's templates; the built-in ones are added the first time they are asked for. */
export async function listTemplates(ctx: Ctx): Promise<Template[]> {
  const rows = await ctx.db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.workspaceId, ctx.workspaceId))
    .orderBy(asc(messageTemplates.builtIn), asc(messageTemplates.name));
  if (rows.some((r) => r.builtIn)) return rows;
  await ctx.db.insert(messageTemplates).values(
    BUILT_IN_TEMPLATES.map((t) => ({
      workspaceId: ctx.workspaceId,
      name: t.name,
      kind: t.kind,
      subject: t.subject,
      body: t.body,
      builtIn: true,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })),
  );
  return listTemplates(ctx);
}

export interface TemplateInput {
  name: string;
  kind: string;
  subject?: string;
  body: string;
}

export async function createTemplate(ctx: Ctx & { input: TemplateInput }): Promise<Template> {
  const [row] = await ctx.db
    .insert(messageTemplates)
    .values({
      ...ctx.input,
      subject: ctx.input.subject ?? '',
      workspaceId: ctx.workspaceId,
      builtIn: false,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return row!;
}

export async function updateTemplate(
  ctx: Ctx & { id: string; version?: number; input: Partial<TemplateInput> },
): Promise<Template> {
  await updateVersioned(ctx, messageTemplates, 'template', ctx.id, ctx.version, { ...ctx.input });
  const [row] = await ctx.db.select().from(messageTemplates).where(eq(messageTemplates.id, ctx.id));
  return row!;
}

export async function deleteTemplate(ctx: Ctx & { id: string }): Promise<void> {
  const rows = await ctx.db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.id, ctx.id), eq(messageTemplates.workspaceId, ctx.workspaceId)))
    .returning({ id: messageTemplates.id });
  if (!rows.length) throw notFound('template', ctx.id);
}

/**
 * A draft from a template, filled with what Rapport knows about the person (name, organization,
 * who introduced you) plus the fields the user typed, and checked against the rules of a good
 * request.
 */
export async function draftFromTemplate(
  ctx: Ctx & { templateId: string; personId?: string; fields?: Partial<Record<MergeField, string>> },
) {
  const [template] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, ctx.templateId), eq(messageTemplates.workspaceId, ctx.workspaceId)));
  if (!template) throw notFound('template', ctx.templateId);
  const settings = await getSettings(ctx);
  const known: Partial<Record<MergeField, string>> = { myName: settings.myName };
  if (ctx.personId) {
    const p = await getPerson({ ...ctx, id: ctx.personId });
    known.fullName = p.fullName;
    known.firstName = p.fullName.split(/\s+/)[0] ?? p.fullName;
    if (p.organizationName) known.organization = p.organizationName;
    if (p.introducedBy) known.referrer = p.introducedBy.fullName;
  }
  const fields = { ...known, ...Object.fromEntries(Object.entries(ctx.fields ?? {}).filter(([, v]) => v)) };
  const subject = renderTemplate(template.subject, fields);
  const body = renderTemplate(template.body, fields);
  if (!body.text.trim()) {
    throw new AppError('validation', { userMessage: 'This template is empty.' });
  }
  // Only requests are held to the rules of a good request; a thank-you has other aims.
  const check = REQUEST_KINDS.has(template.kind)
    ? checkRequest(body.text, {
        warnAbove: settings.requestWarnWords,
        strongAbove: settings.requestStrongWords,
        connectionHints: [fields.referrer, fields.school].filter((x): x is string => !!x),
        narrowHints: [fields.interestNarrow, fields.organization].filter((x): x is string => !!x),
        broadHints: [fields.interestBroad].filter((x): x is string => !!x),
      })
    : { wordCount: body.text.split(/\s+/).filter(Boolean).length, findings: [] };
  return {
    templateId: template.id,
    subject: subject.text,
    body: body.text,
    missing: [...new Set([...subject.missing, ...body.missing])],
    ...check,
  };
}
