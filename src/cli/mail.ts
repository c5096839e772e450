import type { Command } from 'commander';
import { MAIL_PROVIDERS } from '../domain/mail.js';
import { CliError, type WithApi } from './api.js';
import { printJson, printRecord } from './format.js';

interface Status {
  connected: boolean;
  address: string | null;
  provider: string | null;
  servers: Record<string, string | number> | null;
  inboxPath: string | null;
  sentPath: string | null;
  excluded: string[];
  lastSyncAt: string | null;
  lastSyncError: string | null;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function printStatus(s: Status): void {
  if (!s.connected) {
    console.log('No mailbox is connected. Connect one with `rapport mail connect`.');
    return;
  }
  printRecord([
    ['Address', s.address],
    ['Provider', s.provider],
    ['IMAP', s.servers ? `${s.servers.imapHost}:${s.servers.imapPort} (${s.servers.imapSecurity})` : null],
    ['SMTP', s.servers ? `${s.servers.smtpHost}:${s.servers.smtpPort} (${s.servers.smtpSecurity})` : null],
    ['Inbox', s.inboxPath ?? 'INBOX'],
    ['Sent', s.sentPath ?? 'found by its Sent flag'],
    ['Never stored', s.excluded.join(', ') || null],
    ['Last sync', s.lastSyncAt ?? 'never'],
    ['Last problem', s.lastSyncError],
  ]);
}

/** `rapport mail connect|status|sync|disconnect`. */
export function registerMailCommands(program: Command, withApi: WithApi): void {
  const mail = program.command('mail').description('the mailbox Rapport reads and sends from');
  mail
    .command('connect')
    .description(
      'test a mailbox and connect it; the app password is read from standard input or RAPPORT_MAIL_PASSWORD',
    )
    .requiredOption('--address <address>', 'your e-mail address')
    .option('--provider <provider>', MAIL_PROVIDERS.join(', '), 'custom')
    .option('--username <name>', 'login name, if not the address')
    .option('--imap-host <host>')
    .option('--imap-port <n>')
    .option('--imap-security <s>', 'tls, starttls or none (none only on this machine)')
    .option('--smtp-host <host>')
    .option('--smtp-port <n>')
    .option('--smtp-security <s>', 'tls, starttls or none (none only on this machine)')
    .option('--sent-folder <path>', 'the Sent folder, if it has no Sent flag')
    .option('--exclude <list>', 'addresses or @domains never stored, comma-separated')
    .option('--xoauth2', 'the secret is an OAuth access token, not a password')
    .option('--json', 'print JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const secret = process.env.RAPPORT_MAIL_PASSWORD ?? (process.stdin.isTTY ? '' : await readStdin());
      if (!secret) {
        throw new CliError(
          'Give the app password on standard input (echo … | rapport mail connect …) or in RAPPORT_MAIL_PASSWORD; it is never taken as an option, where others could see it.',
        );
      }
      const num = (v: unknown) => (v === undefined ? undefined : Number(v));
      const servers = Object.fromEntries(
        Object.entries({
          imapHost: o.imapHost,
          imapPort: num(o.imapPort),
          imapSecurity: o.imapSecurity,
          smtpHost: o.smtpHost,
          smtpPort: num(o.smtpPort),
          smtpSecurity: o.smtpSecurity,
        }).filter(([, v]) => v !== undefined),
      );
      await withApi(async ({ call }) => {
        const s = await call<Status>('PUT', '/api/mail', {
          address: o.address,
          provider: o.provider,
          servers,
          username: o.username,
          authMethod: o.xoauth2 ? 'xoauth2' : 'password',
          secret,
          sentPath: o.sentFolder,
          excluded: typeof o.exclude === 'string' ? o.exclude.split(',').map((x) => x.trim()) : undefined,
        });
        if (o.json) return printJson(s);
        console.log(`Connected ${s.address}: IMAP and SMTP logins work and both folders were found.`);
      });
    });
  mail
    .command('status')
    .description('the connected mailbox and its last sync')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const s = await call<Status>('GET', '/api/mail');
        if (o.json) return printJson(s);
        printStatus(s);
      }),
    );
  mail
    .command('sync')
    .description('read new mail in Inbox and Sent once and log what involves your people')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const r = await call<{
          stored: number;
          folders: { path: string; scanned: number; stored: number }[];
        }>('POST', '/api/mail/sync');
        if (o.json) return printJson(r);
        for (const f of r.folders) console.log(`${f.path}: ${f.scanned} new, ${f.stored} logged.`);
        console.log(`Logged ${r.stored} message${r.stored === 1 ? '' : 's'}.`);
      }),
    );
  mail
    .command('disconnect')
    .description('forget the mailbox and its password')
    .option('--forget-messages', 'also delete every message the sync logged')
    .option('--json', 'print JSON')
    .action((o: { forgetMessages?: boolean; json?: boolean }) =>
      withApi(async ({ call }) => {
        const r = await call<{ removedMessages: number }>(
          'DELETE',
          `/api/mail?forgetMessages=${o.forgetMessages ? 'true' : 'false'}`,
        );
        if (o.json) return printJson(r);
        console.log(
          `Disconnected; the password is gone.${o.forgetMessages ? ` ${r.removedMessages} synced messages deleted.` : ''}`,
        );
      }),
    );
}
