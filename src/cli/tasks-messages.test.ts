import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';

const dirs = tempDirs('rapport-cli-lists-');
afterAll(dirs.removeAll);

describe('rapport tasks and rapport messages', () => {
  it('add and list tasks, and list the message log, with the filters of their pages', async () => {
    const data = dirs.make();
    const added = await cli(data, 'people', 'add', 'Grace Hopper', '--json');
    const grace = (JSON.parse(added.stdout) as { id: string }).id;

    const promise = await cli(
      data,
      'tasks',
      'add',
      'Send Grace the article',
      '--kind',
      'promise_mine',
      '--due',
      '2020-01-31',
      '--person',
      grace,
    );
    expect(promise.stdout).toContain('Added "Send Grace the article", due 2020-01-31');
    await cli(data, 'tasks', 'add', 'Tidy the CV');
    const open = await cli(data, 'tasks', 'list');
    expect(open.stdout).toMatch(
      /2020-01-31 \(overdue\)\s+promise_mine\s+Send Grace the article\s+Grace Hopper/,
    );
    expect(open.stdout).toContain('Tidy the CV');
    const hers = await cli(data, 'tasks', 'list', '--person', grace, '--json');
    expect((JSON.parse(hers.stdout) as { title: string }[]).map((t) => t.title)).toEqual([
      'Send Grace the article',
    ]);
    const bad = await cli(data, 'tasks', 'list', '--kind', 'chore');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Kind must be one of/);

    expect((await cli(data, 'tasks', 'list', '--done')).stdout).toContain('No tasks match.');
    for (const text of ['First note', 'Second note']) {
      await cli(data, 'log', grace, '--channel', 'linkedin', '--body', text);
    }
    const logged = await cli(data, 'messages', 'list', '--person', grace, '--limit', '1');
    expect(logged.stdout).toMatch(/sent\s+linkedin\s+Grace Hopper\s+Second note/);
    expect(logged.stdout).toContain('--offset 1');
    const received = await cli(data, 'messages', 'list', '--received', '--json');
    expect(JSON.parse(received.stdout)).toEqual([]);
  }, 480_000);
});
