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

  it('a reply in the import asks, on Today and in the conversation, for its yes or no', async () => {
    const data = dirs.make();
    const ana = await cli(data, 'people', 'add', 'Ana Silva', '--email', 'ana@example.com', '--json');
    const anaId = (JSON.parse(ana.stdout) as { id: string }).id;
    const conv = await cli(
      data,
      'conversations',
      'add',
      '--with',
      anaId,
      '--title',
      'Ana on course design',
      '--json',
    );
    const convId = (JSON.parse(conv.stdout) as { id: string }).id;
    const done = await cli(data, 'mail', 'import', 'test/fixtures/mail/takeout.mbox', '--yes');
    expect(done.code, done.stderr).toBe(0);

    const today = await cli(data, 'today');
    expect(today.stdout).toMatch(/Yes or no\?\s+Did Ana Silva agree to talk\? \(Ana on course design\)/);
    // The CLI runs on the real clock: the year shows once it is not this year.
    expect(today.stdout).toMatch(/Ana Silva replied on Tue 3 Nov( 2026)? \(read from your mailbox\)\./);
    expect(today.stdout).toContain(`answer: rapport conversations answer ${convId} yes|no`);

    const maybe = await cli(data, 'conversations', 'answer', convId, 'maybe');
    expect(maybe.code).not.toBe(0);
    expect(maybe.stderr).toContain('Answer yes or no, not "maybe".');
    const yes = await cli(data, 'conversations', 'answer', convId, 'yes');
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toContain('"Ana on course design" is now accepted.');
    expect((await cli(data, 'today')).stdout).not.toContain('agree to talk');
  }, 480_000);
});
