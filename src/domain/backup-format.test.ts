import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildArchive,
  openArchive,
  openArchiveInTurns,
  readTableRows,
  readTableRowsInTurns,
  rowsToJson,
} from './backup-format.js';
import { AppError } from './errors.js';

const manifest = {
  format: 'rapport-backup',
  version: 1,
  createdAt: '2026-11-23T09:00:00.000Z',
  appVersion: '0.1.0',
  schema: '0000_init',
  counts: { people: 2 },
};
const workspace = {
  name: 'Mine',
  settings: { activeTargets: 5 },
  owner: { name: 'Me', email: null, timeZone: 'UTC' },
};
const rows = [
  { id: 'a', full_name: 'Zoë' },
  { id: 'b', full_name: '山田 太郎' },
];

function archive(entries: Record<string, string>) {
  return buildArchive(entries, new Date('2026-11-23T09:00:00Z'));
}
const good = () => ({
  'manifest.json': JSON.stringify(manifest),
  'workspace.json': JSON.stringify(workspace),
  'tables/people.json': rowsToJson(rows),
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).userMessage;
  }
  throw new Error('expected a refusal');
}

describe('backup archive format', () => {
  it('writes one row a line and reads it back', () => {
    expect(rowsToJson(rows).split('\n')).toHaveLength(5);
    expect(rowsToJson([])).toBe('[]\n');
    const opened = openArchive(archive(good()), ['0000_init']);
    expect(opened.workspace).toEqual(workspace);
    expect(readTableRows(opened.entries, 'people', 2)).toEqual(rows);
  });

  it('builds the same bytes for the same content', () => {
    expect(archive(good())).toEqual(archive(good()));
    expect(Object.keys(unzipSync(archive(good())))).toEqual([
      'manifest.json',
      'tables/people.json',
      'workspace.json',
    ]);
  });

  it('refuses what is not a backup this version can read, saying why', () => {
    expect(refusal(() => openArchive(strToU8('a,b\n1,2'), ['0000_init']))).toMatch(/not a zip archive/);
    const { 'manifest.json': _m, ...noManifest } = good();
    expect(refusal(() => openArchive(archive(noManifest), ['0000_init']))).toMatch(/no manifest\.json/);
    expect(refusal(() => openArchive(archive({ ...good(), 'manifest.json': '{' }), ['0000_init']))).toMatch(
      /manifest\.json is not valid JSON/,
    );
    const newer = { ...good(), 'manifest.json': JSON.stringify({ ...manifest, schema: '0042_future' }) };
    expect(refusal(() => openArchive(archive(newer), ['0000_init']))).toMatch(/newer version of Rapport/);
  });

  it('names the entry and line of a broken table, and a count that disagrees', () => {
    const broken = rowsToJson(rows).replace('"Zoë"}', '"Zoë"');
    const opened = openArchive(archive({ ...good(), 'tables/people.json': broken }), ['0000_init']);
    expect(refusal(() => readTableRows(opened.entries, 'people', 2))).toMatch(
      /tables\/people\.json is not valid JSON \(line 2\)/,
    );
    const fine = openArchive(archive(good()), ['0000_init']);
    expect(refusal(() => readTableRows(fine.entries, 'people', 3))).toMatch(
      /holds 2 rows but its manifest counts 3/,
    );
    expect(refusal(() => readTableRows(fine.entries, 'tags', 1))).toMatch(/no tables\/tags\.json/);
    expect(readTableRows(fine.entries, 'tags', 0)).toEqual([]);
  });
});

describe('reading an archive in turns', () => {
  const counted = () => {
    const c = { n: 0, pause: async () => void c.n++ };
    return c;
  };

  it('gives the same entries and rows as reading in one go, pausing between pieces', async () => {
    // Enough rows for many pieces, with characters of several bytes where pieces are cut.
    const many = Array.from({ length: 8000 }, (_, i) => ({
      id: `r${i}`,
      full_name: `Zoë 山田 🙂 ${i}`,
      notes: 'x'.repeat(i % 300),
    }));
    const bytes = archive({
      ...good(),
      'manifest.json': JSON.stringify({ ...manifest, counts: { people: many.length } }),
      'tables/people.json': rowsToJson(many),
    });
    const c = counted();
    const opened = await openArchiveInTurns(bytes, ['0000_init'], undefined, c.pause);
    const inOneGo = openArchive(bytes, ['0000_init']);
    expect({ ...opened, entries: null }).toEqual({ ...inOneGo, entries: null });
    expect(Object.keys(opened.entries).sort()).toEqual(Object.keys(inOneGo.entries).sort());
    for (const [name, entry] of Object.entries(opened.entries)) {
      expect(Buffer.from(entry).equals(inOneGo.entries[name]!)).toBe(true);
    }
    const read = await readTableRowsInTurns(opened.entries, 'people', many.length, c.pause);
    expect(read).toEqual(many);
    expect(c.n).toBeGreaterThan(5);
  });

  it('reads a table of another shape in one go, with the same rows or the same refusal', async () => {
    const entries = (text: string) => ({ 'tables/people.json': strToU8(text) });
    const inTurns = (text: string, expected = 2) =>
      readTableRowsInTurns(entries(text), 'people', expected, counted().pause);
    const oneLine = JSON.stringify(rows);
    expect(await inTurns(oneLine)).toEqual(rows);
    expect(await inTurns('[]\n', 0)).toEqual([]);
    expect(await inTurns('[\n]\n', 0)).toEqual([]);
    const refusalOf = (text: string) =>
      inTurns(text).then(
        () => 'read without a refusal',
        (e: AppError) => e.userMessage,
      );
    // A trailing comma, a missing comma, a broken line: each named as the one-go reader names it.
    for (const broken of [
      '[\n{"id":"a"},\n{"id":"b"},\n]\n',
      '[\n{"id":"a"}\n{"id":"b"}\n]\n',
      '[\n{"id":"a"},\n{"id":\n]\n',
      '[\n{"id":"a"},\n7\n]\n',
    ]) {
      expect(await refusalOf(broken)).toBe(refusal(() => readTableRows(entries(broken), 'people', 2)));
    }
  });
});
