/**
 * The typed client of Rapport's API. Every type here is inferred from the server's routes, so a
 * change to a response schema shows up as a type error in the pages that use it.
 */
import {
  type ClientResponse,
  DetailedError,
  hc,
  type InferRequestType,
  type InferResponseType,
  parseResponse,
} from 'hono/client';
import type { ApiRoutes } from '../server/app.js';

export const api = hc<ApiRoutes>('/api');

export type WorkspaceSummary = InferResponseType<typeof api.workspace.$get, 200>;
export type Person = InferResponseType<(typeof api.people)[':id']['$get'], 200>;
export type PersonInput = InferRequestType<typeof api.people.$post>['json'];
export type Organization = InferResponseType<(typeof api.organizations)[':id']['$get'], 200>;
export type OrganizationInput = InferRequestType<typeof api.organizations.$post>['json'];
export type ConversationSummary = InferResponseType<typeof api.conversations.$get, 200>['items'][number];
export type Conversation = InferResponseType<(typeof api.conversations)[':id']['$get'], 200>;
export type ConversationInput = InferRequestType<typeof api.conversations.$post>['json'];
export type MeetingInput = InferRequestType<(typeof api.conversations)[':id']['meeting']['$put']>['json'];
export type Note = InferResponseType<typeof api.notes.$post, 201>;
export type TimelineEntry = InferResponseType<(typeof api.people)[':id']['timeline']['$get'], 200>[number];
export type AgendaItem = InferResponseType<typeof api.agenda.$get, 200>['items'][number];
export type Message = InferResponseType<typeof api.messages.$get, 200>[number];
export type MessageInput = InferRequestType<typeof api.messages.$post>['json'];
export type Template = InferResponseType<typeof api.outreach.templates.$get, 200>[number];
export type Target = InferResponseType<typeof api.outreach.targets.$get, 200>[number];
export type TargetPatch = InferRequestType<(typeof api.outreach.targets)[':id']['$patch']>['json'];
export type Task = InferResponseType<typeof api.tasks.$get, 200>[number];
export type Settings = InferResponseType<typeof api.settings.$get, 200>;
export type SettingsPatch = InferRequestType<typeof api.settings.$patch>['json'];
export type CalendarFeed = InferResponseType<typeof api.calendar.feeds.$get, 200>[number];
type ErrorBody = InferResponseType<(typeof api.people)[':id']['$patch'], 409>;

/** What a failed request means for the person using the app. */
export interface Problem {
  status: number;
  code: string;
  message: string;
  /** Messages by field name, for showing next to the inputs. */
  fieldErrors: Record<string, string>;
  details?: Record<string, unknown>;
}

/** A request the server refused, or one that never reached it. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.message);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error = (data as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

/** Turns an API error body (or anything thrown) into a message and per-field messages. */
export function describeError(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  if (err instanceof DetailedError) {
    const status = Number(err.statusCode ?? 0);
    const data: unknown = (err.detail as { data?: unknown } | undefined)?.data;
    if (isErrorBody(data)) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of data.error.issues) {
        const key = issue.field.split('.')[0] ?? issue.field;
        fieldErrors[key] ??= issue.message;
        fieldErrors[issue.field] ??= issue.message;
      }
      return {
        status,
        code: data.error.code,
        message: data.error.message,
        fieldErrors,
        details: data.error.details,
      };
    }
    return {
      status,
      code: 'error',
      message: `The server answered ${status || 'with an error'}; nothing was changed. Please try again.`,
      fieldErrors: {},
    };
  }
  if (err instanceof TypeError) {
    return {
      status: 0,
      code: 'network',
      message: 'Could not reach the Rapport server. Check that it is still running, then try again.',
      fieldErrors: {},
    };
  }
  return { status: 0, code: 'error', message: String(err), fieldErrors: {} };
}

/**
 * What a form's banner should say: the message when no field was named, or only the field
 * messages for fields the form does not show (`shown`), so no error appears twice. Null when every
 * message already sits next to its field.
 */
export function bannerMessage(problem: Problem | null, shown: readonly string[]): string | null {
  if (!problem) return null;
  const fields = Object.keys(problem.fieldErrors).filter((k) => !k.includes('.'));
  if (fields.length === 0) return problem.message;
  const others = [...new Set(fields.filter((f) => !shown.includes(f)).map((f) => problem.fieldErrors[f]))];
  return others.length > 0 ? others.join(' ') : null;
}

/**
 * Sends a typed request and returns the parsed body of a successful answer. Failures throw an
 * `ApiError` whose `problem` says what went wrong and for which fields.
 */
export async function call<T extends ClientResponse<unknown>>(request: Promise<T>) {
  try {
    return await parseResponse(request);
  } catch (err) {
    throw new ApiError(describeError(err));
  }
}
