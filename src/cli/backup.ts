import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { MAX_BACKUP_BYTES } from '../domain/backup-format.js';
import type { RestorePreview } from '../services/backup/restore.js';
import { CliError, type WithApi } from './api.js';
import { printJson } from './format.js';
import { confirmed, followProgress, readLocalFile, uploadFile } from './interact.js';

const label = (table: string) => table.replace(/_/g, ' ');

async function failure(res: Response, what: string): Promise<never> {
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  throw new CliError(data.error?.message ?? `${what} failed with status ${res.status}.`);
}

const ZIP = { what: 'The restore', type: 'application/zip' };

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
        const bytes = await readLocalFile(
          file,
          MAX_BACKUP_BYTES,
          `${file} is larger than 200 MB, which is more than any Rapport backup we can restore.`,
        );
        const preview = (await (
          await uploadFile(api, '/api/backup/restore/preview', file, bytes, ZIP)
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
        const go = await confirmed({
          yes: o.yes,
          question: `\nRestore ${preview.totalRows} records into this workspace? [y/N] `,
          refusal:
            'Nothing was restored: input is not a terminal, so the restore cannot be confirmed. Run again with --yes to restore, or with --dry-run to only check the backup.',
          declined: 'Nothing was restored.',
        });
        if (!go) return;
        const res = await uploadFile(api, '/api/backup/restore', file, bytes, {
          ...ZIP,
          accept: 'application/x-ndjson',
        });
        const result = await followProgress<RestorePreview>(res, {
          verb: 'Restoring',
          unit: 'records',
          stopped: 'The restore stopped before it finished; nothing was restored.',
        });
        if (o.json) return printJson(result);
        console.log('');
        printPreview(result, file);
        console.log('Done. See them with: rapport people list');
      }),
    );
}
