import type { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../schemas.js';

/** JSON content for a request or response schema. */
export function json<T extends z.ZodType>(schema: T, description = '') {
  return { content: { 'application/json': { schema } }, description };
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const ERROR_TEXT = {
  400: 'Invalid input: each issue names the field and what is wrong',
  404: 'No such record in this workspace',
  409: 'Conflict: a duplicate, or an edit based on a stale version (nothing was written)',
  413: 'Too large: the message says what the limit is (nothing was written or sent)',
  422: 'The change is not allowed in the current state; the message says why',
} as const;

/** Error responses for the OpenAPI document. */
export function errors(...codes: (keyof typeof ERROR_TEXT)[]) {
  return Object.fromEntries(codes.map((code) => [code, json(ErrorSchema, ERROR_TEXT[code])])) as {
    [K in keyof typeof ERROR_TEXT]: ReturnType<typeof json<typeof ErrorSchema>>;
  };
}
