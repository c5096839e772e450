/**
 * Long work in short transactions, for the embedded database.
 *
 * PGlite is one connection: while a transaction is open, every other request waits for it. An
 * import of 30,000 people in one transaction stalled the whole app for seconds. Instead, its
 * statements are staged as a batch (table `staged_steps`), published in one tiny commit, then
 * applied one short transaction at a time, so other requests run in between:
 *
 * 1. `stageSteps` writes statements in short transactions. Each step may carry a check (a
 *    read-only query over the same values, with the same casts) that runs first: a value the
 *    database would refuse is found here, while nothing but the staging has been written.
 * 2. `publishBatch` marks the batch ready in one short transaction: the point of no return.
 * 3. `applyBatch` runs each step in its own transaction, which also deletes the step, so a crash
 *    resumes exactly where it stopped; `resumeStagedWork` (at each start) finishes ready
 *    batches and throws away the ones that never became ready.
 *
 * A kill at any moment thus leaves, once Rapport starts again, either none of the batch or all
 * of it. The db layer knows nothing of imports: a step is a statement and its parameters.
 */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { nextTurn } from '../domain/steps.js';
import type { Db } from './client.js';
import { withoutWaitingForWal } from './durable-fs.js';
import { stagedBatches, stagedSteps } from './schema.js';

const dialect = new PgDialect();

export interface Step {
  /** The statement to apply; its parameters must survive JSON (text, numbers, arrays, null). */
  statement: SQL;
  /** A read-only query over the same values that fails where the statement would. */
  check?: SQL;
  /** How many records the step writes, for progress. */
  rows: number;
}

/**
 * Runs one transaction of a batch without waiting for its WAL to reach the disk (see
 * `withoutWaitingForWal`): a staged or applied step lost to a power cut is staged again, or applied
 * again at the next start, since it is deleted in the same transaction that applies it. Publishing
 * and the end of a batch are ordinary commits, which wait for these first.
 */
function stepTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return withoutWaitingForWal(db, work);
}

/** The statement again, from its stored text and parameters. */
function replay(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)\b/);
  const chunks: SQL[] = [];
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else chunks.push(sql`${sql.param(params[Number(part) - 1])}`);
  }
  return sql.join(chunks);
}

/** Starts a batch; nothing of it is applied until it is published. */
export async function stageBatch(db: Db, kind: string, now: Date): Promise<string> {
  const [row] = await db
    .insert(stagedBatches)
    .values({ kind, createdAt: now })
    .returning({ id: stagedBatches.id });
  return row!.id;
}

/**
 * Stages steps `first`, `first + 1`, … of a batch in one short transaction, after running their
 * checks. A check that fails throws its database error; the caller then discards the batch.
 */
export async function stageSteps(db: Db, batchId: string, first: number, steps: Step[]): Promise<void> {
  await stepTransaction(db, () =>
    db.transaction(async (tx) => {
      for (const [i, step] of steps.entries()) {
        if (step.check) await tx.execute(step.check);
        const query = dialect.sqlToQuery(step.statement);
        await tx.insert(stagedSteps).values({
          batchId,
          seq: first + i,
          statement: query.sql,
          params: query.params,
          rows: step.rows,
        });
      }
    }),
  );
}

/**
 * Marks the batch ready, the point of no return, in one short transaction that first runs
 * `also` (which may decline by returning false: the batch stays unpublished).
 */
export async function publishBatch(
  db: Db,
  batchId: string,
  also?: (tx: Db) => Promise<boolean>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (also && !(await also(tx as unknown as Db))) return false;
    await tx.update(stagedBatches).set({ ready: true }).where(eq(stagedBatches.id, batchId));
    return true;
  });
}

/**
 * Deletes a batch, published or not, without applying what is left of it: for a batch of undo
 * steps, this is the commit that keeps the work it would have undone.
 */
export async function dropBatch(db: Db, batchId: string): Promise<void> {
  await db.delete(stagedBatches).where(eq(stagedBatches.id, batchId));
}

/** Throws away a batch that was not published, with its steps. */
export async function discardBatch(db: Db, batchId: string): Promise<void> {
  await db.delete(stagedBatches).where(and(eq(stagedBatches.id, batchId), eq(stagedBatches.ready, false)));
}

/**
 * Applies the published batch's remaining steps in order, each in its own short transaction
 * that deletes it, letting other requests run between two steps. `onStep` hears how many
 * records each step wrote.
 */
export async function applyBatch(db: Db, batchId: string, onStep?: (rows: number) => void): Promise<void> {
  for (;;) {
    const rows = await stepTransaction(db, () =>
      db.transaction(async (tx) => {
        const [step] = await tx
          .select()
          .from(stagedSteps)
          .where(eq(stagedSteps.batchId, batchId))
          .orderBy(asc(stagedSteps.seq))
          .limit(1);
        if (!step) return null;
        await tx.execute(replay(step.statement, step.params));
        await tx
          .delete(stagedSteps)
          .where(and(eq(stagedSteps.batchId, batchId), eq(stagedSteps.seq, step.seq)));
        return step.rows;
      }),
    );
    if (rows === null) break;
    onStep?.(rows);
    await nextTurn();
  }
  await db.delete(stagedBatches).where(eq(stagedBatches.id, batchId));
}

/**
 * At start: throws away batches that were never published and finishes the published ones, in
 * the order they were made. Returns how many were finished.
 */
export async function resumeStagedWork(db: Db): Promise<number> {
  await db.delete(stagedBatches).where(eq(stagedBatches.ready, false));
  const ready = await db
    .select({ id: stagedBatches.id, kind: stagedBatches.kind })
    .from(stagedBatches)
    .orderBy(asc(stagedBatches.createdAt), asc(stagedBatches.id));
  for (const batch of ready) {
    try {
      await applyBatch(db, batch.id);
    } catch (err) {
      // A step the database refuses would stop every start; the batch is given up instead, and
      // the log says what was left unfinished.
      const message = err instanceof Error ? err.message.slice(0, 300) : String(err);
      console.error(`An interrupted ${batch.kind} could not be finished and was given up: ${message}`);
      await db.delete(stagedBatches).where(eq(stagedBatches.id, batch.id));
    }
  }
  return ready.length;
}
