import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';

const dirs = tempDirs('rapport-cli-duplicates-');
afterAll(dirs.removeAll);

async function add(data: string, ...args: string[]): Promise<string> {
  const r = await cli(data, 'people', 'add', ...args, '--json');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }).id;
}

describe('rapport duplicates and merge', () => {
  it('lists pairs with reasons, shows the plan, asks for --yes without a terminal, merges and undoes', async () => {
    const data = dirs.make();
    const empty = await cli(data, 'duplicates');
    expect(empty.stdout).toContain('No likely duplicates');
    const ana = await add(data, 'Ana Silva', '--email', 'ana@example.com');
    const other = await add(data, 'Ana S.', '--email', 'Ana@Example.com', '--phone', '+351 900');

    const list = await cli(data, 'duplicates');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Ana Silva \/ Ana S\.|Ana S\. \/ Ana Silva/);
    expect(list.stdout).toContain('Same e-mail');
    const json = JSON.parse((await cli(data, 'duplicates', '--json')).stdout) as { total: number };
    expect(json.total).toBe(1);

    const dry = await cli(data, 'merge', ana, other, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Keep Ana Silva');
    expect(dry.stdout).toMatch(/Phone\s+—\s+\+351 900\s+\+351 900/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const unasked = await cli(data, 'merge', ana, other);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/not a terminal.*--yes/);

    const bad = await cli(data, 'merge', ana, other, '--take-other', 'shoe-size');
    expect(bad.stderr).toMatch(/--take-other: unknown field shoe-size/);

    const done = await cli(data, 'merge', ana, other, '--yes', '--take-other', 'fullName');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Merged Ana S. into Ana S.');
    const mergeId = /rapport merge undo (\S+)/.exec(done.stdout)![1]!;
    expect((await cli(data, 'people', 'show', other)).code).not.toBe(0);

    const history = await cli(data, 'merges');
    expect(history.stdout).toContain(mergeId);

    const undo = await cli(data, 'merge', 'undo', mergeId);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Merge undone');
    expect((await cli(data, 'people', 'show', other)).code).toBe(0);
    const again = await cli(data, 'merge', 'undo', mergeId);
    expect(again.stderr).toMatch(/already undone/);
  }, 480_000);
});
