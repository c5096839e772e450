import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { MAX_BACKUP_BYTES } from '../domain/backup-format.js';
import type { RestorePreview, RestoreProgress } from '../services/restore.js';
import { type ApiClient, CliError, type WithApi } from './api.js';
import { printJson } from './format.js';

type StreamEvent =
  | ({ type: 'progress' } & RestoreProgress)
  | { type: 'result'; summary: RestorePreview }
  | { type: 'error'; error: { message: string } };

const label = (table: string) => table.replace(/_/g, ' ');

async function failure(res: Response, what: string): Promise<never> {
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  throw new CliError(data.error?.message ?? `${what} failed with status ${res.status}.`);
}

async function readBackup(file: string): Promise<Uint8Array> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(
      err.code === 'ENOENT' ? `There is no file at ${file}.` : `Cannot read ${file}: ${err.message}`,
    );
  });
  if (bytes.length > MAX_BACKUP_BYTES) {
    throw new CliError(
      `${file} is larger than 200 MB, which is more than any Rapport backup we can restore.`,
    );
  }
  return bytes;
}

async function upload(api: ApiClient, path: string, file: string, bytes: Uint8Array, accept?: string) {
  const form = new FormData();
  // readFile's buffers are never shared memory.
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], basename(file), { type: 'application/zip' }));
  const res = await api.send(path, { method: 'POST', body: form, headers: accept ? { accept } : {} });
  if (!res.ok) await failure(res, 'The restore');
  return res;
}

function printCounts(counts: { name: string; rows: number }[]): void {
  const shown = counts.filter((c) => c.rows > 0);
  const width = Math.max(0, ...shown.map((c) => label(c.name).length));
  for (const c of shown) console.log(`  ${`${label(c.name)}:`.padEnd(width + 2)}${c.rows}`);
}

function printPreview(p: RestorePreview, file: string): void {
  const verb = p.applied ? 'Restored' : 'Backup';
  console.log(
    `${verb} ${basename(file)}: workspace "${p.backup.workspaceName}", made ${p.backup.createdAt} by Rapport ${p.backup.appVersion}`,
  );
  console.log(`  ${p.totalRows} records and ${p.files} document files`);
  printCounts(p.tables);
}

/** Shows progress on stderr: one line rewritten on a terminal, a line per tenth otherwise. */
function progressPrinter(): { update: (p: RestoreProgress) => void; end: () => void } {
  let lastShown = -1;
  let drawn = false;
  return {
    update: ({ done, total }) => {
      if (!total) return;
      const percent = Math.floor((done / total) * 100);
      const text = `Restoring: ${percent}% (${done} of ${total} records)`;
      if (process.stderr.isTTY) {
        process.stderr.write(`\r${text}`);
        drawn = true;
      } else if (Math.floor(percent / 10) > Math.floor(lastShown / 10) || lastShown < 0) {
        process.stderr.write(`${text}\n`);
      }
      lastShown = percent;
    },
    end: () => {
      if (drawn) process.stderr.write('\n');
    },
  };
}

async function restoreWithProgress(api: ApiClient, file: string, bytes: Uint8Array): Promise<RestorePreview> {
  const res = await upload(api, '/api/backup/restore', file, bytes, 'application/x-ndjson');
  const progress = progressPrinter();
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffered += value;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const event = JSON.parse(buffered.slice(0, newline)) as StreamEvent;
        buffered = buffered.slice(newline + 1);
        if (event.type === 'progress') progress.update(event);
        else if (event.type === 'error') throw new CliError(event.error.message);
        else return event.summary;
        newline = buffered.indexOf('\n');
      }
      if (done) throw new CliError('The restore stopped before it finished; nothing was restored.');
    }
  } finally {
    progress.end();
  }
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** `rapport backup [--out FILE]` and `rapport restore FILE`. */
export function registerBackupCommands(program: Command, withApi: WithApi): void {
  program
    .command('backup')
    .description('save the whole workspace (records and documents) in one archive')
    .option('-o, --out <file>', 'where to write it (default: rapport-backup-DATE.zip in this folder)')
    .option('--json', 'print where it was written and the counts as JSON')
    .action((o: { out?: string; json?: boolean }) =>
      withApi(async (api) => {
        if (!o.json) process.stderr.write('Making the backup…\n');
        const res = await api.send('/api/backup', { method: 'GET' });
        if (!res.ok) await failure(res, 'The backup');
        const bytes = new Uint8Array(await res.arrayBuffer());
        const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
        const path = resolve(o.out ?? named ?? 'rapport-backup.zip');
        await writeFile(path, bytes).catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`Cannot write ${path}: ${err.message}`);
        });
        const counts = JSON.parse(res.headers.get('x-rapport-counts') ?? '{}') as Record<string, number>;
        if (o.json) return printJson({ file: path, bytes: bytes.length, counts });
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Wrote ${path} (${(bytes.length / 1024).toFixed(0)} KB, ${total} records)`);
        printCounts(Object.entries(counts).map(([name, rows]) => ({ name, rows })));
        console.log('Restore it into an empty workspace with: rapport restore FILE');
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup into this empty workspace (shows what it holds first)')
    .option('-y, --yes', 'restore without asking (required when input is not a terminal)')
    .option('--dry-run', 'only check the backup and show what it holds; write nothing')
    .option('--json', 'print the summary as JSON')
    .action((file: string, o: { yes?: boolean; dryRun?: boolean; json?: boolean }) =>
      withApi(async (api) => {
        const bytes = await readBackup(file);
        const preview = (await (
          await upload(api, '/api/backup/restore/preview', file, bytes)
        ).json()) as RestorePreview;
        if (o.dryRun) {
          if (o.json) return printJson(preview);
          printPreview(preview, file);
          if (preview.blocker) console.log(`\nThis workspace cannot take it: ${preview.blocker}`);
          console.log('\nDry run: nothing was written.');
          return;
        }
        if (preview.blocker) throw new CliError(`Nothing was restored. ${preview.blocker}`);
        if (!o.json) printPreview(preview, file);
        if (!o.yes) {
          if (!process.stdin.isTTY) {
            throw new CliError(
              'Nothing was restored: input is not a terminal, so the restore cannot be confirmed. Run again with --yes to restore, or with --dry-run to only check the backup.',
              2,
            );
          }
          if (!(await confirm(`\nRestore ${preview.totalRows} records into this workspace? [y/N] `))) {
            console.log('Nothing was restored.');
            return;
          }
        }
        const result = await restoreWithProgress(api, file, bytes);
        if (o.json) return printJson(result);
        console.log('');
        printPreview(result, file);
        console.log('Done. See them with: rapport people list');
      }),
    );
}
