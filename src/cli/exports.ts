import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { parse } from 'csv-parse/sync';
import { CSV_LISTS } from '../services/exports-csv.js';
import { CliError, type WithApi } from './api.js';

interface CsvOptions {
  out?: string;
  search?: string;
  status?: string;
  tag?: string;
  organization?: string;
  person?: string;
  conversation?: string;
  includeDone?: boolean;
}

function query(o: CsvOptions): string {
  const params = new URLSearchParams();
  if (o.search) params.set('q', o.search);
  if (o.status) params.set('status', o.status);
  if (o.tag) params.set('tag', o.tag);
  if (o.organization) params.set('organizationId', o.organization);
  if (o.person) params.set('personId', o.person);
  if (o.conversation) params.set('conversationId', o.conversation);
  if (o.includeDone) params.set('includeDone', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * `rapport export csv <list>`. Returns the `export` command so other formats (vCard) can be
 * added to the same group.
 */
export function registerExportCommands(program: Command, withApi: WithApi): Command {
  const exports = program.command('export').description('take your data out: lists as CSV');
  exports
    .command('csv')
    .description('write a list as CSV (UTF-8 with BOM, opens cleanly in Excel)')
    .addArgument(program.createArgument('<list>', 'which list').choices(CSV_LISTS))
    .option('-o, --out <file>', 'write to this file (default: standard output)')
    .option('-q, --search <text>', 'people, organizations, conversations: only those matching')
    .option('--status <statuses>', 'conversations: comma-separated statuses, e.g. scheduled,held')
    .option('--tag <tag>', 'people: only those with this tag')
    .option('--organization <id>', 'people: only those at this organization')
    .option('--person <id>', 'messages, tasks, conversations: only those of this person')
    .option('--conversation <id>', 'messages, tasks: only those of this conversation')
    .addOption(new Option('--include-done', 'tasks: include the ones already done'))
    .action((list: string, o: CsvOptions) =>
      withApi(async (api) => {
        const res = await api.send(`/api/exports/csv/${list}${query(o)}`, { method: 'GET' });
        if (!res.ok) {
          const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
          throw new CliError(data.error?.message ?? `The export failed with status ${res.status}.`);
        }
        // Bytes, not text: decoding would drop the byte-order mark that spreadsheets need.
        const bytes = new Uint8Array(await res.arrayBuffer());
        const rows = Math.max(0, (parse(Buffer.from(bytes), { bom: true }) as unknown[]).length - 1);
        if (!o.out) {
          process.stdout.write(bytes);
          return;
        }
        const path = resolve(o.out);
        await writeFile(path, bytes).catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`Cannot write ${path}: ${err.message}`);
        });
        process.stderr.write(`Wrote ${rows} ${rows === 1 ? 'row' : 'rows'} of ${list} to ${path}\n`);
      }),
    );
  return exports;
}
