import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';
import { loadConfig } from '../config.js';
import { startServer } from '../server/serve.js';

const dirs = tempDirs('rapport-cli-import-');
const tempDir = dirs.make;
const fixtures = 'test/fixtures/linkedin';

async function peopleNames(dataDir: string): Promise<string[]> {
  const list = await cli(dataDir, 'people', 'list', '--json');
  return (JSON.parse(list.stdout) as { items: { fullName: string }[] }).items.map((p) => p.fullName);
}

afterAll(dirs.removeAll);

describe('rapport import linkedin', () => {
  it('previews with --dry-run, refuses to go on unasked without a terminal, imports with --yes', async () => {
    const data = tempDir();
    const file = `${fixtures}/connections-2025-01.csv`;
    const dry = await cli(data, 'import', 'linkedin', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/new:\s+10/);
    expect(dry.stdout).toMatch(/line 11: no first or last name/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const unasked = await cli(data, 'import', 'linkedin', file);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/not a terminal.*--yes/);
    expect(await peopleNames(data)).toEqual([]);

    const done = await cli(data, 'import', 'linkedin', file, '--yes');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Imported connections-2025-01\.csv: 11 rows/);
    expect(done.stderr).toContain('Importing: 100% (10 of 10 people)');
    expect(await peopleNames(data)).toContain('Алексей Смирнов');

    const bad = await cli(data, 'import', 'linkedin', `${fixtures}/malformed-quote.csv`, '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^rapport: Line 6: /);
  }, 480_000);

  it('imports through the running server, with --json for scripts', async () => {
    const data = tempDir();
    const config = loadConfig({ data, port: 0 }, { ...process.env, DATABASE_URL: '' });
    const server = await startServer(config, { webDir: null });
    try {
      const first = await cli(data, 'import', 'linkedin', `${fixtures}/connections-2025-01.csv`, '--yes');
      expect(first.code).toBe(0);
      const again = await cli(
        data,
        'import',
        'linkedin',
        `${fixtures}/connections-2025-03.csv`,
        '--yes',
        '--json',
      );
      expect(again.code).toBe(0);
      const summary = JSON.parse(again.stdout) as { applied: boolean; counts: Record<string, number> };
      expect(summary).toMatchObject({
        applied: true,
        counts: { new: 2, updated: 3, unchanged: 7, skipped: 0 },
      });
      const res = await fetch(`${server.url}/api/people?limit=500`);
      expect(((await res.json()) as { total: number }).total).toBe(12);
    } finally {
      await server.close();
    }
  }, 480_000);
});
