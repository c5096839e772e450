/**
 * The one error type of Rapport. Domain and service code throw it with a code; the server maps
 * codes to HTTP status in one table (src/server/errors.ts) and the CLI prints the user message.
 */
import { fieldSentence } from './field-messages.js';

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'stale'
  | 'illegal_transition'
  | 'forbidden'
  | 'locked'
  | 'too_large'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "startsAt" or "participants.0". */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    opts: { message?: string; userMessage: string; issues?: FieldIssue[]; details?: Record<string, unknown> },
  ) {
    super(opts.message ?? opts.userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
  }
}

/** A "not found" error that names what was looked for. */
export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', { userMessage: `No ${what} with id ${id} in this workspace.` });
}

/** A validation error for one field: "is required" reads "Name is required." (the label as on screen). */
export function invalidField(field: string, message: string): AppError {
  const text = fieldSentence(field, message);
  // The developer's message keeps the key ("motivation: must be…"); the person reads the label.
  return new AppError('validation', {
    message: `${field}: ${message}`,
    userMessage: text,
    issues: [{ field, message: text }],
  });
}

/** The error for an edit based on an old version of a record. Nothing is written. */
export function staleEdit(what: string, current: unknown): AppError {
  return new AppError('stale', {
    userMessage: `This ${what} was changed elsewhere since you opened it. Your edit was not saved; reload to see the latest version and apply it again.`,
    details: { current },
  });
}

/** The error for an edit that names nothing to change; `fields` are the ones it could name. */
export function nothingToChange(what: string, fields: string[]): AppError {
  return new AppError('validation', {
    userMessage: `Nothing to change on this ${what}: send at least one of ${fields.join(', ')}.`,
    issues: [{ field: '(body)', message: `needs at least one of ${fields.join(', ')}` }],
  });
}
