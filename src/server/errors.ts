import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldIssue } from '../domain/errors.js';
import { describeIssue, fieldSentence, type IssueLike } from '../domain/field-messages.js';
import { serialize } from './serialize.js';

/** The one table from error codes to HTTP status. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  stale: 409,
  illegal_transition: 422,
  forbidden: 403,
  locked: 423,
  too_large: 413,
  internal: 500,
};

function body(code: string, message: string, issues: FieldIssue[] = [], details?: Record<string, unknown>) {
  return { error: { code, message, issues, ...(details ? { details } : {}) } };
}

type ZodIssueLike = IssueLike & { errors?: ZodIssueLike[][] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A union ("an e-mail or nothing") fails on its most telling branch: the one that is not about the blank. */
function unwrapUnion(issue: ZodIssueLike): ZodIssueLike {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
  const nested = issue.errors.flat();
  const telling = nested.find((i) => i.code !== 'invalid_value' && i.code !== 'invalid_type') ?? nested[0];
  return telling ? unwrapUnion({ ...telling, path: [...issue.path, ...telling.path] }) : issue;
}

/**
 * Turns zod issues into sentences about each field as it is labelled on screen ("Name is too long:
 * at most 200 characters."); `field` stays the dotted path clients match on. `input` is what was
 * sent, to tell a missing field from a wrong one.
 */
export function zodIssues(error: ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((raw) => {
    const issue = unwrapUnion(raw as unknown as ZodIssueLike);
    const missing = input !== undefined && valueAt(input, issue.path) === undefined;
    return { field: issue.path.map(String).join('.') || '(body)', message: describeIssue(issue, missing) };
  });
}

/** The validation hook of every route: a 400 that names each field and what is wrong, in sentences. */
export function validationHook(result: { success: boolean; error?: ZodError; data?: unknown }, c: Context) {
  if (result.success || !result.error) return;
  const issues = zodIssues(result.error, result.data);
  const message = [...new Set(issues.map((i) => i.message))].join(' ');
  return c.json(body('validation', message, issues), 400);
}

/** The error handler: AppErrors by the table, framework errors by their status, never a bare 500. */
export function onError(err: Error, c: Context) {
  if (err instanceof AppError) {
    const details = err.details ? (serialize(err.details) as Record<string, unknown>) : undefined;
    // A service may name a field with a fragment ("is required"); the person reads a sentence.
    const issues = err.issues.map((i) => ({ field: i.field, message: fieldSentence(i.field, i.message) }));
    // "organizationId: no such organization" names the field by its key; say it as the form does.
    const keyed = issues.find((i) => err.userMessage.startsWith(`${i.field}: `));
    const message = keyed
      ? fieldSentence(keyed.field, err.userMessage.slice(keyed.field.length + 2))
      : err.userMessage;
    return c.json(body(err.code, message, issues, details), STATUS_OF[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = status === 400 ? `The request body is not valid JSON: ${err.message}` : err.message;
    return c.json(body(status === 400 ? 'validation' : 'error', message), status);
  }
  // Database constraint violations that slipped past validation are still the caller's input.
  const pgCode = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (pgCode === '23505') return c.json(body('conflict', 'A record with these details already exists.'), 409);
  if (pgCode === '23503') return c.json(body('validation', 'A referenced record does not exist.'), 400);
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return c.json(body('validation', 'A value has the wrong format.'), 400);
  }
  console.error(describeForLog(err));
  return c.json(
    body('internal', 'Something went wrong on our side; nothing was saved. Please try again.'),
    500,
  );
}

/**
 * What the log may say of an unexpected error. A database error's message and parameters carry
 * what the user typed (names, e-mails, notes), so only its SQLSTATE, the statement without its
 * values and where it was thrown are printed; other errors keep their message.
 */
export function describeForLog(err: unknown): string {
  const e = err as { name?: string; message?: string; stack?: string; query?: unknown; cause?: unknown };
  const cause = e.cause as { code?: unknown } | undefined;
  const code =
    typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : cause?.code;
  // SQLSTATEs are five digits or capitals; Node's own codes (ERR_…, ENOENT) are not database errors.
  const isDatabase = typeof e.query === 'string' || (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code));
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8);
  const head = isDatabase
    ? `Unexpected database error${typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? ` (SQLSTATE ${code})` : ''}${
        typeof e.query === 'string' ? ` in: ${e.query}` : ''
      }`
    : `Unexpected error: ${e.name ?? 'Error'}: ${e.message ?? String(err)}`;
  return [head, ...frames].join('\n');
}
