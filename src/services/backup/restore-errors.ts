/**
 * Turning what the database refuses during a restore into a sentence that names the archive's
 * entry, row and column. The database's own message is never shown: it quotes SQL types and,
 * for a batch, nothing tells the user which of 500 rows is wrong.
 */
import type { Row } from '../../domain/backup-format.js';
import { tableEntry } from '../../domain/backup-format.js';
import { AppError } from '../../domain/errors.js';
import type { BackupTable } from './backup-tables.js';

/** The fields node-postgres and PGlite give a database error. */
export interface DatabaseError {
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

/** The database error inside `err` (drizzle wraps it as the cause), or null. */
export function databaseErrorOf(err: unknown): DatabaseError | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as unknown as DatabaseError;
    e = e.cause as typeof e;
  }
  return null;
}

/** A value as the database quotes it in a message. */
const asText = (value: unknown) =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

function kindOf(sqlType: string): string {
  if (sqlType === 'uuid') return 'an id (a UUID)';
  if (sqlType.startsWith('timestamp')) return 'a date and time';
  if (sqlType === 'date') return 'a date';
  if (/^(integer|smallint|bigint|serial)/.test(sqlType)) return 'a whole number';
  if (/^(real|double|numeric)/.test(sqlType)) return 'a number';
  if (sqlType === 'boolean') return 'true or false';
  if (sqlType.endsWith('[]')) return 'a list';
  if (sqlType.startsWith('json')) return 'JSON';
  return 'a value of the right kind';
}

/** What is wrong with the value, in words, by the error's SQLSTATE. */
function problemOf(error: DatabaseError, sqlType: string | undefined): string {
  switch (error.code) {
    case '23502':
      return 'is empty, but every row needs it';
    case '23503':
      return 'refers to a record that is not in the backup';
    case '23505':
      return 'repeats a value that must be unique, and it is already taken';
    case '23514':
      return 'is not one of the values allowed here';
    case '22001':
      return 'is too long';
    case '22003':
      return 'is out of range';
    case '22P05':
      return 'holds a NUL character (\\u0000), which no text can hold';
    case '22P02':
    case '22007':
    case '22008':
    case '22023':
      return `is not ${kindOf(sqlType ?? '')}`;
    default:
      return 'does not fit this database';
  }
}

/** `Key (a)=(x)` of a constraint error's detail: the column and the value. */
function keyOfDetail(detail: string | undefined): { column: string; value: string } | null {
  const m = /^Key \(([^,()]+)\)=\((.*)\)/.exec(detail ?? '');
  return m ? { column: m[1]!.replace(/^"|"$/g, ''), value: m[2]! } : null;
}

/**
 * The row (index in `rows`) and column the error points at, when its fields tell: the column
 * of a NOT NULL error, the key of a foreign or unique key error, the value quoted in a type error.
 */
export function locate(
  error: DatabaseError,
  rows: Row[],
  table: BackupTable,
): { index: number; column: string } | null {
  const columns = table.columns.filter((c) => !c.binary).map((c) => c.name);
  if (error.code === '23502' && error.column) {
    const index = rows.findIndex((r) => r[error.column!] === null || r[error.column!] === undefined);
    return index >= 0 ? { index, column: error.column } : null;
  }
  const key = keyOfDetail(error.detail);
  if (key) {
    const index = rows.findIndex((r) => asText(r[key.column]) === key.value);
    return index >= 0 ? { index, column: key.column } : null;
  }
  if (error.code === '22P05') {
    for (const [index, row] of rows.entries()) {
      const column = columns.find((c) => JSON.stringify(row[c] ?? null).includes('\\u0000'));
      if (column) return { index, column };
    }
    return null;
  }
  if (error.code === '22001') {
    for (const [index, row] of rows.entries()) {
      const column = table.columns.find((c) => {
        const max = /\((\d+)\)$/.exec(c.sqlType)?.[1];
        const value = row[c.name];
        return max && typeof value === 'string' && value.length > Number(max);
      });
      if (column) return { index, column: column.name };
    }
    return null;
  }
  const quoted = /: "(.*)"$/s.exec(error.message)?.[1];
  if (quoted !== undefined) {
    for (const [index, row] of rows.entries()) {
      const column = columns.find((c) => asText(row[c]) === quoted);
      if (column) return { index, column };
    }
  }
  return null;
}

/** The refusal of one value: "entry tables/people.json, row 12, column email: …". */
export function rowRefusal(
  table: BackupTable,
  row: number,
  column: string | null,
  problem: string,
): AppError {
  const where = `entry ${tableEntry(table.name)}, row ${row}${column ? `, column ${column}` : ''}`;
  return new AppError('validation', {
    userMessage: `${where}: the value ${problem}. This backup was changed or damaged after Rapport made it; nothing was restored.`,
    issues: [{ field: 'file', message: `${where}: the value ${problem}` }],
    details: { entry: tableEntry(table.name), row, ...(column ? { column } : {}) },
  });
}

/** The refusal for a database error on the rows of a batch that starts at row `first` (1-based). */
export function batchRefusal(
  error: DatabaseError,
  table: BackupTable,
  rows: Row[],
  first: number,
): AppError | null {
  const at = locate(error, rows, table);
  if (!at) return null;
  const sqlType = table.columns.find((c) => c.name === at.column)?.sqlType;
  return rowRefusal(table, first + at.index, at.column, problemOf(error, sqlType));
}

/** The refusal for a row found by inserting it alone, when the error did not say where. */
export function singleRowRefusal(
  error: DatabaseError,
  table: BackupTable,
  row: Row,
  number: number,
): AppError {
  return (
    batchRefusal(error, table, [row], number) ?? rowRefusal(table, number, null, problemOf(error, undefined))
  );
}
