import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';

const dirs = tempDirs('rapport-cli-mail-');
afterAll(dirs.removeAll);

describe('rapport mail import', () => {
  it('previews an .mbox, asks first, imports with --yes, and takes a folder of .eml files all at once', async () => {
    const data = dirs.make();
    expect((await cli(data, 'people', 'add', 'Ana Silva', '--email', 'ana@example.com')).code).toBe(0);
    expect((await cli(data, 'people', 'add', 'Ben Okafor', '--email', 'ben@example.com')).code).toBe(0);
    const file = 'test/fixtures/mail/takeout.mbox';

    const dry = await cli(data, 'mail', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('takeout.mbox: 5 messages, 4 with your people; 4 to log.');
    expect(dry.stdout).toMatch(/2026-11-02\s+to\s+Ana Silva\s+Twenty minutes about your work\?/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const unasked = await cli(data, 'mail', 'import', file);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/not a terminal.*--yes/);

    const done = await cli(data, 'mail', 'import', file, '--yes');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Logged 4 messages from takeout.mbox.');

    // A folder of .eml files: one of them's "From " body line survives the joining.
    const folder = join(dirs.make(), 'exported');
    mkdirSync(folder);
    copyFileSync('test/fixtures/mail/single.eml', join(folder, 'a.eml'));
    writeFileSync(
      join(folder, 'b.eml'),
      'From: Ana Silva <ana@example.com>\r\nTo: me@example.org\r\nSubject: Notes\r\nMessage-ID: <notes-1@example.com>\r\nDate: Sun, 8 Nov 2026 10:00:00 +0000\r\n\r\nFrom my notes: start with the syllabus.\r\n',
    );
    const both = await cli(data, 'mail', 'import', folder, '--yes', '--json');
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ total: 2, stored: 2 });
    const log = await cli(data, 'messages', 'list', '--json');
    expect(log.stdout).toContain('From my notes: start with the syllabus.');

    const bad = await cli(data, 'mail', 'import', 'test/fixtures/mail/not-mail.txt', '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No e-mail was found in not-mail.txt.');
  }, 480_000);
});
