import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';
import { MAIL_PASSWORD, mailHost, uniqueAddress, waitForMessage } from '../../test/mail.js';

const dirs = tempDirs('rapport-cli-mail-send-');
afterAll(dirs.removeAll);

describe('rapport mail send', () => {
  it('sends only with --yes when input is not a terminal, and logs what it sent', async () => {
    const data = dirs.make();
    const host = mailHost();
    process.env.RAPPORT_MAIL_PASSWORD = MAIL_PASSWORD;
    const connected = await cli(
      data,
      'mail',
      'connect',
      '--address',
      'alice@rapport.test',
      '--imap-host',
      host,
      '--imap-port',
      '143',
      '--imap-security',
      'none',
      '--smtp-host',
      host,
      '--smtp-port',
      '587',
      '--smtp-security',
      'none',
    );
    delete process.env.RAPPORT_MAIL_PASSWORD;
    expect(connected.stderr).toBe('');
    const bob = uniqueAddress('bob');
    const added = await cli(data, 'people', 'add', 'Bob Cli', '--email', bob, '--json');
    const personId = (JSON.parse(added.stdout) as { id: string }).id;
    const file = join(data, 'message.txt');
    writeFileSync(file, 'Hi Bob, could we talk for twenty minutes?');

    const unasked = await cli(
      data,
      'mail',
      'send',
      personId,
      '--subject',
      'Twenty minutes?',
      '--body-file',
      file,
    );
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('Nothing was sent');

    // A document the library lacks is refused before anything is asked or sent.
    const missing = await cli(
      data,
      'mail',
      'send',
      personId,
      '--subject',
      'My resume',
      '--body-file',
      file,
      '--attach',
      'resume.pdf',
      '--yes',
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('No document "resume.pdf" in your library');
    expect(missing.stderr).toContain('Nothing was sent.');

    const sent = await cli(
      data,
      'mail',
      'send',
      personId,
      '--subject',
      'Twenty minutes?',
      '--body-file',
      file,
      '--yes',
      '--json',
    );
    expect(sent.code, sent.stderr).toBe(0);
    const { messageId } = JSON.parse(sent.stdout) as { messageId: string };
    await waitForMessage('bob', 'INBOX', messageId);
    const log = await cli(data, 'messages', 'list', '--json');
    expect(log.stdout).toContain('could we talk for twenty minutes');
  }, 480_000);
});
