import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Command, Option } from 'commander';
import { parse } from 'csv-parse';
import { CSV_LISTS } from '../services/exports/exports-csv.js';
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
 * Passes the file through unchanged while a CSV parser counts its records, so the count holds
 * for values with line breaks inside. Less one for the header line.
 */
function rowCounter(): { stream: Transform; rows: () => number } {
  let records = 0;
  const parser = parse({ bom: true });
  parser.on('data', () => {
    records++;
  });
  const parsed = finished(parser);
  parsed.catch(() => {}); // reported by flush, which waits for it
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parser.write(chunk);
      done(null, chunk);
    },
    flush(done) {
      parser.end();
      parsed.then(() => done(), done);
    },
  });
  return { stream, rows: () => Math.max(0, records - 1) };
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
        // Bytes as they come, not text: decoding would drop the byte-order mark spreadsheets
        // need, and a list of 200,000 people is written while it streams, never held whole.
        if (!res.body) throw new CliError('The export answered with no file.');
        const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
        if (!o.out) {
          await pipeline(body, process.stdout, { end: false }).catch((err: Error) => {
            throw new CliError(`The export stopped before the end (${err.message}).`);
          });
          return;
        }
        const path = resolve(o.out);
        const file = createWriteStream(path);
        let fileError: Error | undefined;
        file.on('error', (err) => {
          fileError = err;
        });
        const counter = rowCounter();
        await pipeline(body, counter.stream, file).catch((err: Error) => {
          if (fileError) throw new CliError(`Cannot write ${path}: ${fileError.message}`);
          throw new CliError(`The export stopped before the end (${err.message}); ${path} is incomplete.`);
        });
        const rows = counter.rows();
        process.stderr.write(`Wrote ${rows} ${rows === 1 ? 'row' : 'rows'} of ${list} to ${path}\n`);
      }),
    );
  return exports;
}
