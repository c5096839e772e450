import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';
import { loadConfig } from '../config.js';
import { startServer } from '../server/serve.js';

const dirs = tempDirs('rapport-cli-');
const tempDir = dirs.make;

afterAll(dirs.removeAll);

describe('rapport CLI', () => {
  it('adds and lists people and conversations, with --json for scripts', async () => {
    const data = tempDir();
    const added = await cli(
      data,
      'people',
      'add',
      'Grace Hopper',
      '--org',
      'Navy Labs',
      '--tag',
      'mentor',
      '--json',
    );
    expect(added.code).toBe(0);
    const grace = JSON.parse(added.stdout) as { id: string; organizationName: string; tags: string[] };
    expect(grace.organizationName).toBe('Navy Labs');
    expect(grace.tags).toEqual(['mentor']);

    const list = await cli(data, 'people', 'list', '--json');
    expect(
      (JSON.parse(list.stdout) as { items: { fullName: string }[] }).items.map((p) => p.fullName),
    ).toEqual(['Grace Hopper']);
    const table = await cli(data, 'people', 'list');
    expect(table.stdout).toMatch(/Grace Hopper\s+Navy Labs\s+mentor/);

    const conv = await cli(
      data,
      'conversations',
      'add',
      '--with',
      grace.id,
      '--type',
      'learn_role',
      '--json',
    );
    const convId = (JSON.parse(conv.stdout) as { id: string }).id;
    const moved = await cli(data, 'conversations', 'move', convId, 'requested');
    expect(moved.stdout).toContain('is now requested');
    const refused = await cli(data, 'conversations', 'move', convId, 'held');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot go from Requested to Held');
    const shown = await cli(data, 'conversations', 'show', convId);
    expect(shown.stdout).toMatch(/Status:\s+requested/);
    const at = '2031-03-04T14:30:00+01:00';
    expect(
      (await cli(data, 'conversations', 'schedule', convId, '--at', at, '--tz', 'Europe/Paris')).code,
    ).toBe(0);
    const withMeeting = await cli(data, 'conversations', 'show', convId);
    expect(withMeeting.code).toBe(0);
    expect(withMeeting.stdout).toMatch(/Meeting:\s+Tue, 4 Mar 2031, 14:30 CET, 30 min/);
    const found = await cli(data, 'search', 'grace', '--json');
    expect((JSON.parse(found.stdout) as { title: string }[])[0]?.title).toBe('Grace Hopper');
    const stats = await cli(data, 'stats', '--json');
    const funnel = (JSON.parse(stats.stdout) as { funnel: { stage: string; count: number }[] }).funnel;
    expect(funnel.find((f) => f.stage === 'requestsSent')?.count).toBe(1);

    expect((await cli(data, 'people', 'tag', 'navy', grace.id)).stdout).toContain('Tagged 1 of 1 "navy"');
    const unasked = await cli(data, 'people', 'delete', grace.id);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('Nothing was deleted');
    expect((await cli(data, 'people', 'delete', grace.id, '--yes')).stdout).toContain('Deleted 1 person.');
    const left = await cli(data, 'people', 'list', '--json');
    expect((JSON.parse(left.stdout) as { total: number }).total).toBe(0);
  }, 480_000);

  it('uses the running server when it holds the data folder, and refuses a second server', async () => {
    const data = tempDir();
    const config = loadConfig({ data, port: 0 }, { ...process.env, DATABASE_URL: '' });
    const server = await startServer(config, { webDir: null });
    try {
      const res = await fetch(`${server.url}/api/people`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fullName: 'Served Person' }),
      });
      expect(res.status).toBe(201);
      const list = await cli(data, 'people', 'list', '--json');
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('Served Person');

      await expect(startServer(config, { webDir: null })).rejects.toThrow(
        /in use by another Rapport process/,
      );
    } finally {
      await server.close();
    }
    // Once the server is gone the CLI opens the folder itself and sees the same data.
    const after = await cli(data, 'people', 'list', '--json');
    expect(after.stdout).toContain('Served Person');
  }, 480_000);
});
