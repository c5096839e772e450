import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { MAIL_PROVIDERS } from '../domain/mail.js';
import { MAX_MAIL_FILE_BYTES } from '../services/mail/mail-file.js';
import { type ApiClient, CliError, type WithApi } from './api.js';
import { printJson, printRecord, printTable } from './format.js';
import { confirmed, followProgress, readLocalFile, uploadFile } from './interact.js';

interface ImportSummary {
  applied: boolean;
  total: number;
  matched: number;
  alreadyLogged: number;
  stored: number;
  unreadable: number;
  people: { fullName: string; messages: number }[];
  rows: { at: string; direction: string; people: string[]; subject: string | null; alreadyLogged: boolean }[];
}

const TOO_LARGE = `larger than ${MAX_MAIL_FILE_BYTES / 1024 / 1024} MB. Export one label (or a year) at a time and import the files one after the other.`;

/**
 * The file to upload: an .mbox or .eml as it is, or a folder of .eml files joined into one mbox
 * (each after a "From " line, its own "From " lines escaped), so the folder imports all or nothing.
 */
async function readMailInput(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const info = await stat(path).catch(() => {
    throw new CliError(`There is no file or folder at ${path}.`);
  });
  if (!info.isDirectory()) {
    return {
      name: basename(path),
      bytes: await readLocalFile(path, MAX_MAIL_FILE_BYTES, `${path} is ${TOO_LARGE}`),
    };
  }
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
  if (!names.length) throw new CliError(`${path} holds no .eml files.`);
  const parts: Buffer[] = [];
  let size = 0;
  for (const n of names) {
    const raw = Buffer.from(await readLocalFile(join(path, n), MAX_MAIL_FILE_BYTES, `${n} is ${TOO_LARGE}`));
    const escaped = raw.toString('latin1').replace(/^(>*From )/gm, '>$1');
    const part = Buffer.from(`From rapport-import Thu Jan  1 00:00:00 1970\n${escaped}\n`, 'latin1');
    size += part.length;
    if (size > MAX_MAIL_FILE_BYTES) throw new CliError(`The .eml files in ${path} are together ${TOO_LARGE}`);
    parts.push(part);
  }
  return { name: `${basename(path)}.mbox`, bytes: Buffer.concat(parts) };
}

function printImport(s: ImportSummary, name: string): void {
  console.log(
    `${name}: ${s.total} messages, ${s.matched} with your people; ${s.stored} to log${s.alreadyLogged ? `, ${s.alreadyLogged} logged before` : ''}${s.unreadable ? `, ${s.unreadable} unreadable` : ''}.`,
  );
  printTable(
    s.rows.map((r) => ({
      date: r.at.slice(0, 10),
      way: r.direction === 'in' ? 'from' : 'to',
      people: r.people.join(', '),
      subject: r.subject ?? '',
      note: r.alreadyLogged ? 'logged before' : '',
    })),
    ['date', 'way', 'people', 'subject', 'note'],
    'No message involves anyone in Rapport.',
  );
}

async function runMailImport(
  api: ApiClient,
  path: string,
  o: { yes?: boolean; dryRun?: boolean; json?: boolean },
): Promise<void> {
  const { name, bytes } = await readMailInput(path);
  const upload = (to: string, accept?: string) =>
    uploadFile(api, to, name, bytes, { what: 'The mail import', ...(accept ? { accept } : {}) });
  const preview = (await (await upload('/api/mail/import/preview')).json()) as ImportSummary;
  if (o.dryRun || preview.stored === 0) {
    if (o.json) return printJson(preview);
    printImport(preview, name);
    console.log(o.dryRun ? '\nDry run: nothing was written.' : '\nNothing new to log.');
    return;
  }
  if (!o.json) printImport(preview, name);
  const go = await confirmed({
    yes: o.yes,
    question: `\nLog ${preview.stored} messages? [y/N] `,
    refusal:
      'Nothing was imported: input is not a terminal, so the import cannot be confirmed. Run again with --yes to import, or with --dry-run to only see the preview.',
    declined: 'Nothing was imported.',
  });
  if (!go) return;
  const result = await followProgress<ImportSummary>(
    await upload('/api/mail/import', 'application/x-ndjson'),
    {
      verb: 'Logging',
      unit: 'messages',
      stopped: 'The import stopped before it finished; nothing was imported.',
    },
  );
  if (o.json) return printJson(result);
  console.log(`Logged ${result.stored} messages from ${name}.`);
}

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
interface LibraryDocument {
  id: string;
  title: string;
  fileName: string;
  createdAt: string;
}

/**
 * The library's documents that `--attach` names, each by id or by file name (any case); of several
 * with one file name, the newest (the list comes newest first). A name that matches none is refused.
 */
export function pickDocuments(library: LibraryDocument[], wanted: string[]): LibraryDocument[] {
  const picked: LibraryDocument[] = [];
  for (const w of wanted) {
    const key = w.trim().toLowerCase();
    const doc =
      library.find((d) => d.id.toLowerCase() === key) ??
      library.find((d) => d.fileName.toLowerCase() === key);
    if (!doc) {
      const names = library.map((d) => d.fileName);
      throw new CliError(
        `No document "${w}" in your library${names.length ? `; it has: ${[...new Set(names)].join(', ')}` : ", which is empty (add one with the web app's Documents page)"}. Nothing was sent.`,
      );
    }
    if (!picked.some((p) => p.id === doc.id)) picked.push(doc);
  }
  return picked;
}

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
    .command('import <path>')
    .description(
      'log the mail with your people from an .mbox file (Gmail Takeout), an .eml file or a folder of them',
    )
    .option('-y, --yes', 'import without asking (required when input is not a terminal)')
    .option('--dry-run', 'only show what would happen; write nothing')
    .option('--json', 'print JSON')
    .action((path: string, o: { yes?: boolean; dryRun?: boolean; json?: boolean }) =>
      withApi((api) => runMailImport(api, path, o)),
    );
  mail
    .command('send <personId>')
    .description("send a message through the connected mailbox, on its conversation's thread, and log it")
    .requiredOption('--subject <subject>')
    .option('--body-file <file>', 'the message text (else read from standard input)')
    .option('--conversation <id>', 'the conversation it belongs to (threads follow-ups and thank-yous)')
    .option(
      '--purpose <purpose>',
      'request, follow_up, thank_you, report_back, keep_in_touch or other',
      'other',
    )
    .option(
      '--attach <document>',
      'attach a document from your library, by its id or file name (the newest of that name); repeat for more',
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .option('-y, --yes', 'send without asking (required when input is not a terminal)')
    .option('--json', 'print JSON')
    .action(
      async (
        personId: string,
        o: {
          subject: string;
          bodyFile?: string;
          conversation?: string;
          purpose: string;
          attach: string[];
          yes?: boolean;
          json?: boolean;
        },
      ) => {
        const body = o.bodyFile
          ? Buffer.from(
              await readLocalFile(o.bodyFile, 1024 * 1024, `${o.bodyFile} is larger than 1 MB.`),
            ).toString('utf8')
          : process.stdin.isTTY
            ? ''
            : await readStdin();
        if (!body.trim())
          throw new CliError('Give the message text with --body-file FILE or on standard input.');
        await withApi(async ({ call }) => {
          const person = await call<{ fullName: string; email: string | null }>(
            'GET',
            `/api/people/${personId}`,
          );
          const attached = o.attach.length
            ? pickDocuments(await call<LibraryDocument[]>('GET', '/api/documents'), o.attach)
            : [];
          const go = await confirmed({
            yes: o.yes,
            question: `Send "${o.subject}" to ${person.fullName} <${person.email ?? 'no address'}> now${
              attached.length ? `, with ${attached.map((d) => d.fileName).join(', ')} attached` : ''
            }? [y/N] `,
            refusal:
              'Nothing was sent: input is not a terminal, so sending cannot be confirmed. Run again with --yes to send.',
            declined: 'Nothing was sent.',
          });
          if (!go) return;
          const r = await call<{ messageId: string; statusChangedTo: string | null; savedToSent: boolean }>(
            'POST',
            '/api/mail/send',
            {
              personId,
              conversationId: o.conversation ?? null,
              purpose: o.purpose,
              subject: o.subject,
              body,
              ...(attached.length ? { documentIds: attached.map((d) => d.id) } : {}),
            },
          );
          if (o.json) return printJson(r);
          console.log(
            `Sent to ${person.fullName} and logged.${r.statusChangedTo ? ` The conversation is now ${r.statusChangedTo}.` : ''}${r.savedToSent ? '' : ' A copy could not be put in your Sent folder.'}`,
          );
        });
      },
    );
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
          problems: string[];
        }>('POST', '/api/mail/sync');
        if (o.json) return printJson(r);
        for (const f of r.folders) console.log(`${f.path}: ${f.scanned} new, ${f.stored} logged.`);
        console.log(`Logged ${r.stored} message${r.stored === 1 ? '' : 's'}.`);
        for (const p of r.problems) console.log(p);
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
