import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';

const dirs = tempDirs('rapport-cli-backup-');
afterAll(dirs.removeAll);

async function peopleNames(dataDir: string): Promise<string[]> {
  const list = await cli(dataDir, 'people', 'list', '--json');
  return (JSON.parse(list.stdout) as { items: { fullName: string }[] }).items.map((p) => p.fullName).sort();
}

describe('rapport backup and restore', () => {
  it('backs up, checks with --dry-run, refuses unasked without a terminal, restores with --yes', async () => {
    const source = dirs.make();
    const out = join(dirs.make(), 'my-backup.zip');
    expect((await cli(source, 'sample')).code).toBe(0);
    const backup = await cli(source, 'backup', '--out', out);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Wrote ${out}`);
    expect(backup.stdout).toMatch(/people:\s+\d+/);
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(out))['manifest.json']!));
    expect(manifest.format).toBe('rapport-backup');

    const target = dirs.make();
    const dry = await cli(target, 'restore', out, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/people:\s+\d+/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(await peopleNames(target)).toEqual([]);

    const unasked = await cli(target, 'restore', out);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/not a terminal.*--yes/);
    expect(await peopleNames(target)).toEqual([]);

    const done = await cli(target, 'restore', out, '--yes');
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/Restoring: 100% \(\d+ of \d+ records\)/);
    expect(done.stdout).toContain('Restored my-backup.zip');
    expect(await peopleNames(target)).toEqual(await peopleNames(source));

    const again = await cli(target, 'restore', out, '--yes');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/empty workspace/);
  }, 480_000);

  it('writes the default file name in the current folder, and refuses a file that is not a backup', async () => {
    const data = dirs.make();
    const backup = await cli(data, 'backup', '--json');
    expect(backup.code).toBe(0);
    const { file } = JSON.parse(backup.stdout) as { file: string };
    expect(file).toMatch(/rapport-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(existsSync(file)).toBe(true);
    rmSync(file);

    const bogus = join(dirs.make(), 'notes.zip');
    writeFileSync(bogus, 'just some text');
    const bad = await cli(data, 'restore', bogus, '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^rapport: This file is not a Rapport backup we can restore: it is not a zip archive/,
    );
  }, 480_000);
});
