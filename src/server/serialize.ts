/** The JSON form of a value: dates become ISO strings, as JSON.stringify would write them. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** Columns that exist for the database's sake and are never part of a response. */
const INTERNAL_KEYS = new Set(['search', 'nameKey', 'workspaceId']);

/**
 * Converts a service result to its JSON form, with types that match the response schemas.
 * Internal columns (the full-text vectors, matching keys, workspace ids) are left out.
 */
export function serialize<T>(value: T): Jsonify<T> {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (INTERNAL_KEYS.has(key) ? undefined : v)),
  ) as Jsonify<T>;
}
