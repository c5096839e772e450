import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { CSV_FIELD_LABELS, CSV_FIELDS, type CsvMapping } from '../domain/csv-import.js';
import { MAX_IMPORT_BYTES } from '../domain/import-limits.js';
import type { CsvInspection } from '../services/import-csv.js';
import type { ImportField, ImportProgress, LinkedInImportSummary } from '../services/import-linkedin.js';
import { type ApiClient, CliError, type WithApi } from './api.js';
import { printJson, printTable } from './format.js';

const FIELD_LABELS: Record<ImportField, string> = {
  title: 'position',
  organization: 'organization',
  email: 'e-mail',
  phone: 'phone',
  linkedinUrl: 'profile URL',
  location: 'location',
  notes: 'notes',
  connectedOn: 'connected on',
};
/** Rows of the preview shown in the terminal; the rest are counted. */
const SHOWN_ROWS = 20;

type StreamEvent =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; summary: LinkedInImportSummary }
  | { type: 'error'; error: { message: string } };

/** Reads the file to import; `sizeHint` says what a file of the right kind usually weighs. */
async function readImportFile(file: string, sizeHint: string): Promise<Uint8Array> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(
      err.code === 'ENOENT' ? `There is no file at ${file}.` : `Cannot read ${file}: ${err.message}`,
    );
  });
  if (bytes.length > MAX_IMPORT_BYTES) throw new CliError(`${file} is larger than 20 MB. ${sizeHint}`);
  return bytes;
}

async function upload(
  api: ApiClient,
  path: string,
  file: string,
  bytes: Uint8Array,
  accept?: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  // readFile's buffers are never shared memory.
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], basename(file)));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const res = await api.send(path, { method: 'POST', body: form, headers: accept ? { accept } : {} });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new CliError(data.error?.message ?? `The import failed with status ${res.status}.`);
  }
  return res;
}

function details(row: LinkedInImportSummary['rows'][number]): string {
  const parts: string[] = [];
  if (row.changes.length) parts.push(`new ${row.changes.map((f) => FIELD_LABELS[f]).join(', ')}`);
  if (row.kept.length) parts.push(`kept your ${row.kept.map((f) => FIELD_LABELS[f]).join(', ')}`);
  if (row.reason) parts.push(row.reason);
  return parts.join('; ');
}

/** What one record of the file is called in the summary: a row of a CSV, a card of a .vcf. */
type Noun = 'row' | 'card';

function printSummary(s: LinkedInImportSummary, file: string, noun: Noun = 'row'): void {
  const rows = `${s.total} ${s.total === 1 ? noun : `${noun}s`}`;
  console.log(s.applied ? `Imported ${basename(file)}: ${rows}` : `Preview of ${basename(file)}: ${rows}`);
  console.log(`  new:        ${s.counts.new}`);
  console.log(`  updated:    ${s.counts.updated}`);
  console.log(`  unchanged:  ${s.counts.unchanged}`);
  console.log(`  skipped:    ${s.counts.skipped}`);
  if (s.organizationsCreated) console.log(`  new organizations: ${s.organizationsCreated}`);
}

function printPreview(s: LinkedInImportSummary, file: string, noun: Noun = 'row'): void {
  printSummary(s, file, noun);
  const rows = s.rows.slice(0, SHOWN_ROWS);
  if (rows.length) {
    console.log('');
    printTable(
      rows.map((r) => ({ ...r, details: details(r) })),
      ['line', 'name', 'organization', 'outcome', 'details'],
      '',
    );
    if (s.total > rows.length) console.log(`… and ${s.total - rows.length} more ${noun}s.`);
  }
  if (s.skipped.length) {
    console.log(`\nSkipped ${noun}s:`);
    for (const k of s.skipped.slice(0, SHOWN_ROWS)) console.log(`  line ${k.line}: ${k.reason}`);
    if (s.counts.skipped > SHOWN_ROWS) console.log(`  … and ${s.counts.skipped - SHOWN_ROWS} more.`);
  }
}

/** Shows progress on stderr: one line rewritten on a terminal, a line per tenth otherwise. */
function progressPrinter(): { update: (p: ImportProgress) => void; end: () => void } {
  let lastShown = -1;
  let drawn = false;
  return {
    update: ({ done, total }) => {
      if (!total) return;
      const percent = Math.floor((done / total) * 100);
      const text = `Importing: ${percent}% (${done} of ${total} people)`;
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

/** Applies the import, reading the server's progress lines as they come. */
async function applyWithProgress(
  api: ApiClient,
  path: string,
  file: string,
  bytes: Uint8Array,
  fields: Record<string, string>,
) {
  const res = await upload(api, path, file, bytes, 'application/x-ndjson', fields);
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
      if (done) throw new CliError('The import stopped before it finished; nothing was imported.');
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

interface ImportOptions {
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * The steps every import shares: preview, print it, confirm on a terminal (or require --yes
 * without one), apply with progress on stderr, print the result.
 */
async function runImport(
  api: ApiClient,
  o: ImportOptions,
  what: { path: string; file: string; bytes: Uint8Array; fields?: Record<string, string>; noun?: Noun },
): Promise<void> {
  const { path, file, bytes, fields = {}, noun = 'row' } = what;
  const preview = (await (
    await upload(api, `${path}/preview`, file, bytes, undefined, fields)
  ).json()) as LinkedInImportSummary;
  if (o.dryRun || !(preview.counts.new || preview.counts.updated)) {
    if (o.json) return printJson(preview);
    printPreview(preview, file, noun);
    console.log(
      o.dryRun ? '\nDry run: nothing was written.' : '\nEveryone is up to date; nothing to import.',
    );
    return;
  }
  if (!o.json) printPreview(preview, file, noun);
  if (!o.yes) {
    if (!process.stdin.isTTY) {
      throw new CliError(
        'Nothing was imported: input is not a terminal, so the import cannot be confirmed. Run again with --yes to import, or with --dry-run to only see the preview.',
        2,
      );
    }
    const { new: added, updated } = preview.counts;
    if (!(await confirm(`\nAdd ${added} and update ${updated} people? [y/N] `))) {
      console.log('Nothing was imported.');
      return;
    }
  }
  const result = await applyWithProgress(api, path, file, bytes, fields);
  if (o.json) return printJson(result);
  console.log('');
  printSummary(result, file, noun);
  console.log('Done. See them with: rapport people list');
}

/** Adds the options every import command has. */
function importCommand(parent: Command, spec: string, description: string): Command {
  return parent
    .command(spec)
    .description(description)
    .option('-y, --yes', 'import without asking (required when input is not a terminal)')
    .option('--dry-run', 'only show what would happen; write nothing')
    .option('--json', 'print the summary as JSON');
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `rapport import linkedin|vcard|csv FILE`. */
export function registerImportCommands(program: Command, withApi: WithApi): void {
  const imports = program.command('import').description('bring in the network you already have');
  importCommand(
    imports,
    'linkedin <file>',
    "import Connections.csv from LinkedIn's data export (shows a preview first)",
  ).action((file: string, o: ImportOptions) =>
    withApi(async (api) => {
      const bytes = await readImportFile(
        file,
        "LinkedIn's Connections.csv is only a few MB: check that you chose Connections.csv.",
      );
      await runImport(api, o, { path: '/api/imports/linkedin', file, bytes });
    }),
  );

  importCommand(
    imports,
    'vcard <file>',
    'import a .vcf file from Google Contacts, Apple Contacts or Outlook (shows a preview first)',
  ).action((file: string, o: ImportOptions) =>
    withApi(async (api) => {
      const bytes = await readImportFile(file, 'Export your contacts without photos, or in smaller groups.');
      await runImport(api, o, { path: '/api/imports/vcard', file, bytes, noun: 'card' });
    }),
  );

  importCommand(
    imports,
    'csv <file>',
    'import any CSV of people: columns are matched to fields (shown first), then a preview',
  )
    .option(
      '--map <column=field>',
      `which field a column holds, e.g. --map "Company=organization" (repeat for more columns; "ignore" leaves one out). Fields: ${CSV_FIELDS.join(', ')}`,
      collect,
      [],
    )
    .action((file: string, o: ImportOptions & { map: string[] }) =>
      withApi(async (api) => {
        const bytes = await readImportFile(
          file,
          'Split the file into smaller ones and import them one after the other.',
        );
        const columns = (await (
          await upload(api, '/api/imports/csv/inspect', file, bytes)
        ).json()) as CsvInspection;
        const mapping = applyMapOptions(columns, o.map);
        if (!o.json) printMapping(columns, mapping, o.map.length > 0);
        await runImport(api, o, {
          path: '/api/imports/csv',
          file,
          bytes,
          fields: { mapping: JSON.stringify(mapping) },
        });
      }),
    );
}

/** The proposed mapping with the user's --map "Column=field" choices laid over it. */
function applyMapOptions(columns: CsvInspection, options: string[]): CsvMapping {
  const mapping = [...columns.mapping];
  const fieldNames = [...CSV_FIELDS, 'ignore'] as const;
  for (const option of options) {
    const at = option.lastIndexOf('=');
    const column = option.slice(0, at).trim();
    const field = option.slice(at + 1).trim();
    if (at < 0 || !column) {
      throw new CliError(`--map "${option}": write it as "Column=field", e.g. --map "Company=organization".`);
    }
    const index = columns.headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
    if (index < 0) {
      throw new CliError(
        `--map "${option}": the file has no column "${column}". Its columns are: ${columns.headers.join(', ')}.`,
      );
    }
    const known = fieldNames.find((f) => f.toLowerCase() === field.toLowerCase());
    if (!known) {
      throw new CliError(
        `--map "${option}": "${field}" is not a field. Use one of: ${fieldNames.join(', ')}.`,
      );
    }
    mapping[index] = known;
  }
  return mapping;
}

function printMapping(columns: CsvInspection, mapping: CsvMapping, custom: boolean): void {
  const source = custom
    ? 'Columns, with your --map choices:'
    : columns.remembered
      ? 'Columns, mapped as you confirmed last time for a file like this:'
      : 'Columns, mapped by their names:';
  console.log(source);
  printTable(
    columns.headers.map((header, i) => ({
      column: header,
      field: mapping[i] === 'ignore' ? '(ignored)' : `${mapping[i]} (${CSV_FIELD_LABELS[mapping[i]!]})`,
      example: columns.sample.find((row) => row[i]?.trim())?.[i]?.replace(/\s+/g, ' ') ?? '',
    })),
    ['column', 'field', 'example'],
    '',
  );
  console.log(
    'To change one, add --map "Column=field" (or "Column=ignore"), e.g. --map "Company=organization".\n',
  );
}
