import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';

/**
 * PGlite for Drizzle, with the statements the app sends again and again kept prepared.
 *
 * PGlite's `query()` parses, plans and describes every statement anew, over six calls into the
 * database: a person read of about 0.8 ms is 0.6 ms of parsing and planning, and the same
 * statement prepared once answers in about 0.25 ms. Here a statement text seen a second time is
 * prepared under a name (Parse and Describe, once); from then on each run is one call into the
 * database (Bind, Execute, Sync), with the rows read from the description kept at preparing.
 * PostgreSQL decides, as it does for any prepared statement, when a plan for any value is as
 * good as one made for the values at hand (`plan_cache_mode = auto`), and plans again when a
 * table or index it relies on changes.
 *
 * Only plain reads and writes are prepared (select, insert, update, delete, with, values), and
 * not those that match text (below); a statement that changes the schema (create, alter, drop)
 * clears what is prepared. At most `MAX_PREPARED` are kept, the least recently used closed first.
 */
const MAX_PREPARED = 400;
/** Statement texts counted before a second use, forgotten past this many. */
const MAX_SEEN = 4_000;
const PREPARABLE = /^\s*(?:select|insert|update|delete|with|values)\b/i;
/**
 * Text matching, whose cost depends on the text: a plan made for any pattern cannot tell a name
 * that matches ten people from a word that matches thousands, and the People box's broad
 * searches took half as long again on one. These are planned for their values each time.
 */
const PLANNED_FOR_VALUES = /\b(?:i?like|similar\s+to)\b|@@/i;
/**
 * Written into a statement that matches text yet chooses its own way by what it finds (the People
 * box's page: services/people/people.ts), so one plan serves any text: it is prepared as others.
 */
export const ONE_PLAN_FOR_ANY_TEXT = '/* one plan for any text */';
/**
 * Command tags after which a prepared statement may no longer return what it was described to
 * (a column added or dropped, a table made anew) or no longer exist (DISCARD, DEALLOCATE).
 */
const SCHEMA_COMMANDS = new Set(['CREATE', 'ALTER', 'DROP', 'DISCARD', 'DEALLOCATE']);

interface Prepared {
  name: string;
  paramTypes: number[];
  /** The RowDescription message of the statement's result, or none for a statement without rows. */
  rowDescription: unknown;
}

type BackendMessage = { name: string };
type Query = <T>(query: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

interface Internals {
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolStream(message: Uint8Array, opts: { syncToFs?: boolean }): Promise<BackendMessage[]>;
}

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The PreparedStatements behind each client handed to Drizzle, for `watchStatements`. */
const byClient = new WeakMap<object, PreparedStatements>();

/**
 * Calls `listener` with every statement Drizzle's client `db` sends to the embedded database
 * (prepared or not), until the returned function is called: the benchmarks print what a request
 * sent, and explain it. Nothing is called for a client that is not the embedded database's.
 */
export function watchStatements(db: object, listener: (text: string, params: unknown[]) => void): () => void {
  const statements = byClient.get((db as { $client?: object }).$client ?? db);
  statements?.listeners.add(listener);
  return () => statements?.listeners.delete(listener);
}

type Parsers = Parameters<typeof parse.parseResults>[1];
const chainedParsers = new WeakMap<object, Parsers>();

/**
 * The parsers of a result, and its options without them. Given a query's own parsers (Drizzle
 * sends nine with every query), PGlite copies all of its own 318 into a new object with them,
 * about 80 µs a query. Here an object that holds the query's own and finds the rest in PGlite's
 * (its prototype) is made once for each set of parsers, and reads each type's parser the same way.
 */
function parsersOf(pg: PGlite, options: QueryOptions | undefined): [Parsers, QueryOptions | undefined] {
  if (!options?.parsers) return [pg.parsers, options];
  const { parsers, ...rest } = options;
  let chained = chainedParsers.get(parsers);
  // Made on another instance's parsers (two databases open in one process): made again.
  if (!chained || Object.getPrototypeOf(chained) !== pg.parsers) {
    chained = Object.assign(Object.create(pg.parsers) as Parsers, parsers);
    chainedParsers.set(parsers, chained);
  }
  return [chained, rest];
}

export class PreparedStatements {
  readonly listeners = new Set<(text: string, params: unknown[]) => void>();
  readonly #pg: PGlite;
  readonly #internals: Internals;
  readonly #prepared = new Map<string, Prepared>();
  readonly #seen = new Set<string>();
  /** Names to close with the next statement: forgotten, or pushed out by newer ones. */
  readonly #closing: string[] = [];
  #counter = 0;

  constructor(pg: PGlite) {
    this.#pg = pg;
    this.#internals = pg as unknown as Internals;
  }

  /**
   * The client to hand to Drizzle: PGlite itself (`instanceof PGlite`, every method), with its
   * `query` and `transaction` going through prepared statements.
   */
  client(): PGlite {
    const pg = this.#pg;
    const internals = this.#internals;
    const query = this.#query(
      (fn) => internals._runExclusiveTransaction(() => internals._runExclusiveQuery(fn)),
      pg.query.bind(pg),
      true,
    );
    const transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
      pg.transaction((tx) => callback(this.#inTransaction(tx)));
    const client = new Proxy(pg, {
      get: (target, key) => {
        if (key === 'query') return query;
        if (key === 'transaction') return transaction;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    byClient.set(client, this);
    return client;
  }

  #inTransaction(tx: Transaction): Transaction {
    const query = this.#query((fn) => this.#internals._runExclusiveQuery(fn), tx.query.bind(tx), false);
    return new Proxy(tx, {
      get: (target, key, receiver) => (key === 'query' ? query : Reflect.get(target, key, receiver)),
    });
  }

  #query(lock: <T>(fn: () => Promise<T>) => Promise<T>, plain: Query, outsideTransaction: boolean): Query {
    return async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
      for (const listener of this.listeners) listener(text, params);
      if (!this.#prepared.has(text) && !this.#secondUse(text)) {
        const result = await plain<T>(text, params, options);
        this.#afterCommand(result);
        return result;
      }
      await this.#internals._checkReady();
      let result: Results<T>;
      try {
        result = await lock(() => this.#run<T>(text, params, options));
      } catch (e) {
        // A table changed under a prepared statement (0A000), or the statement was dropped
        // (26000, DEALLOCATE), by a statement that did not pass through this client (a test's or
        // a tool's own): outside a transaction, run it again, unprepared.
        const code = (e as { code?: string }).code;
        if (!outsideTransaction || (code !== '0A000' && code !== '26000')) throw e;
        this.#forgetAll();
        return plain<T>(text, params, options);
      }
      if (outsideTransaction) await this.#pg.syncToFs();
      return result;
    };
  }

  /** Whether `text` is worth preparing: a plain statement seen once before. */
  #secondUse(text: string): boolean {
    if (!PREPARABLE.test(text)) return false;
    if (PLANNED_FOR_VALUES.test(text) && !text.includes(ONE_PLAN_FOR_ANY_TEXT)) return false;
    if (this.#seen.has(text)) {
      this.#seen.delete(text);
      return true;
    }
    if (this.#seen.size >= MAX_SEEN) this.#seen.clear();
    this.#seen.add(text);
    return false;
  }

  /** A statement that changed the schema may change what a prepared one returns: start again. */
  #afterCommand(result: Results<unknown>) {
    const command = (result as { command?: string }).command;
    if (command && SCHEMA_COMMANDS.has(command) && this.#prepared.size) this.#forgetAll();
  }

  #forgetAll() {
    // Closed with the next prepared statement's own call, not with one of their own.
    this.#closing.push(...[...this.#prepared.values()].map((p) => p.name));
    this.#prepared.clear();
  }

  async #run<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const pg = this.#pg;
    const exec = (parts: Uint8Array[]) =>
      this.#internals.execProtocolStream(concat(parts), { syncToFs: false });
    const closing = this.#closing.splice(0).map((name) => serialize.close({ type: 'S', name }));
    let statement = this.#prepared.get(text);
    try {
      if (statement) {
        // Most recently used last: the first entry of the map is the one to close when full.
        this.#prepared.delete(text);
        this.#prepared.set(text, statement);
      } else {
        const name = `rapport_${++this.#counter}`;
        const messages = await exec([
          ...closing.splice(0),
          serialize.parse({ name, text, types: options?.paramTypes }),
          serialize.describe({ type: 'S', name }),
          serialize.sync(),
        ]);
        const described = messages.find((m) => m.name === 'parameterDescription') as
          | { dataTypeIDs: number[] }
          | undefined;
        statement = {
          name,
          paramTypes: described?.dataTypeIDs ?? [],
          rowDescription: messages.find((m) => m.name === 'rowDescription'),
        };
        if (this.#prepared.size >= MAX_PREPARED) {
          const [oldest] = this.#prepared;
          this.#prepared.delete(oldest![0]);
          this.#closing.push(oldest![1].name);
        }
        this.#prepared.set(text, statement);
      }
      const values = params.map((param, i) => {
        if (param === null || param === undefined) return null;
        const oid = statement!.paramTypes[i]!;
        const write = options?.serializers?.[oid] ?? pg.serializers[oid];
        return write ? write(param) : String(param);
      });
      const messages = await exec([
        ...closing,
        serialize.bind({ statement: statement.name, values: values as string[] }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      const all = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
      return parse.parseResults(all as never, ...parsersOf(pg, options))[0] as Results<T>;
    } catch (e) {
      if (e instanceof Error) Object.assign(e, { query: text, params, queryOptions: options });
      throw e;
    }
  }
}
