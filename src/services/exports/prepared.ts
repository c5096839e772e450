/**
 * A statement an export runs hundreds of times, planned once on the embedded database.
 *
 * An export's page statement is the same text for every page; only the key it starts after
 * changes. PostgreSQL plans a statement each time it is sent, and on the embedded database
 * (PostgreSQL in WebAssembly) planning the People page took about 4 ms of its 12: 1.6 s of a
 * 200,000-person export. A prepared statement is planned on its first runs and its plan kept.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { isEmbedded } from '../../db/staged.js';

const dialect = new PgDialect();

/** The prepared statements of each embedded database, by their text. */
const prepared = new WeakMap<object, Map<string, string>>();

/** Numbers the statements' names, never reusing one in the same process. */
let statements = 0;

/** PostgreSQL's code for "prepared statement does not exist". */
const NO_SUCH_STATEMENT = '26000';

/**
 * A value as an SQL literal for EXECUTE, which takes its arguments as text: quotes doubled and,
 * when it holds a backslash, written as an E'' string with backslashes doubled (as node-postgres'
 * escapeLiteral writes them). Undefined for a value that has no plain literal here.
 */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const quoted = `'${value.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return value.includes('\\') ? `E${quoted}` : quoted;
}

function errorCode(err: unknown): string | undefined {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Runs `query` as a prepared statement on the embedded database, preparing it the first time its
 * text is seen there; elsewhere (PostgreSQL's pool hands out a different connection each time, and
 * its planning is quick) or for a value with no literal, it runs as usual. The text may only vary
 * with a few shapes (the statement names are never dropped): build it from fixed SQL and pass the
 * values as parameters.
 */
export async function executeReused(db: Db, query: SQL): Promise<Awaited<ReturnType<Db['execute']>>> {
  if (!isEmbedded(db)) return db.execute(query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const args = params.map(literal);
  if (args.some((a) => a === undefined)) return db.execute(query);
  const client = (db as unknown as { $client: object }).$client;
  const names = prepared.get(client) ?? new Map<string, string>();
  prepared.set(client, names);
  const run = async (): Promise<Awaited<ReturnType<Db['execute']>>> => {
    let name = names.get(text);
    if (!name) {
      name = `rapport_reused_${++statements}`;
      await db.execute(sql.raw(`prepare ${name} as ${text}`));
      names.set(text, name);
    }
    return db.execute(sql.raw(`execute ${name}${args.length ? `(${args.join(', ')})` : ''}`));
  };
  try {
    return await run();
  } catch (err) {
    // Prepared statements last as long as the connection; one dropped meanwhile (DEALLOCATE ALL,
    // DISCARD ALL) is prepared again.
    if (errorCode(err) !== NO_SUCH_STATEMENT) throw err;
    names.delete(text);
    return run();
  }
}
