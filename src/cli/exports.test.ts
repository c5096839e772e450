import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';

const dirs = tempDirs('rapport-cli-export-');
afterAll(dirs.removeAll);

describe('rapport export csv', () => {
  it('writes a list to a file or to standard output, with the page filters', async () => {
    const data = dirs.make();
    expect((await cli(data, 'sample')).code).toBe(0);
    const out = join(dirs.make(), 'people.csv');
    const written = await cli(data, 'export', 'csv', 'people', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^Wrote \d+ rows of people to /);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const people = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(people.length).toBeGreaterThan(3);
    expect(Object.keys(people[0]!)).toContain('Full name');

    const scheduled = await cli(data, 'export', 'csv', 'conversations', '--status', 'scheduled');
    expect(scheduled.code).toBe(0);
    const rows = parse(scheduled.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.every((r) => r.Status === 'Scheduled')).toBe(true);

    const unknown = await cli(data, 'export', 'csv', 'secrets');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Allowed choices are people, organizations/);
  }, 480_000);
});
