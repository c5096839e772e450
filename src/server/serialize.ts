import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/** The JSON form of a value: dates become ISO strings, as JSON.stringify would write them. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** Columns that exist for the database's sake and are never part of a response. */
const INTERNAL_KEYS = new Set(['search', 'filterText', 'nameKey', 'workspaceId']);

function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toJson(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined && !INTERNAL_KEYS.has(key)) out[key] = toJson(v);
    }
    return out;
  }
  return value;
}

/**
 * Converts a service result to its JSON form, with types that match the response schemas.
 * Internal columns (the full-text vectors, matching keys, workspace ids) are left out. One walk
 * over the value: the response is stringified once, by the framework.
 */
export function serialize<T>(value: T): Jsonify<T> {
  return toJson(value) as Jsonify<T>;
}

/**
 * Answers with JSON a service already wrote in its API form (times as toISOString writes them, no
 * internal columns): sent as it is, without a parse and a second walk. Typed as `c.json` would type
 * the serialized `T`.
 */
export function jsonText<T, U extends ContentfulStatusCode>(
  c: Context,
  text: string,
  status: U,
): Response & TypedResponse<JSONParsed<Jsonify<T>>, U, 'json'> {
  const response: Response = c.body(text, status, { 'Content-Type': 'application/json' });
  return response as Response & TypedResponse<JSONParsed<Jsonify<T>>, U, 'json'>;
}
