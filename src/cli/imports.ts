import { basename } from 'node:path';
import type { Command } from 'commander';
import { CSV_FIELD_LABELS, CSV_FIELDS, type CsvMapping } from '../domain/csv-import.js';
import { MAX_IMPORT_BYTES } from '../domain/import-limits.js';
import type { CsvInspection } from '../services/imports/import-csv.js';
import type { ImportField, LinkedInImportSummary } from '../services/imports/import-linkedin.js';
import { type ApiClient, CliError, type WithApi } from './api.js';
import { printJson, printTable } from './format.js';
import { confirmed, followProgress, readLocalFile, uploadFile } from './interact.js';

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

/** Reads the file to import; `sizeHint` says what a file of the right kind usually weighs. */
function readImportFile(file: string, sizeHint: string): Promise<Uint8Array> {
  return readLocalFile(file, MAX_IMPORT_BYTES, `${file} is larger than 20 MB. ${sizeHint}`);
}

function upload(api: ApiClient, path: string, file: string, bytes: Uint8Array, accept?: string, fields = {}) {
  return uploadFile(api, path, file, bytes, { what: 'The import', accept, fields });
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
  const { new: added, updated } = preview.counts;
  const go = await confirmed({
    yes: o.yes,
    question: `\nAdd ${added} and update ${updated} people? [y/N] `,
    refusal:
      'Nothing was imported: input is not a terminal, so the import cannot be confirmed. Run again with --yes to import, or with --dry-run to only see the preview.',
    declined: 'Nothing was imported.',
  });
  if (!go) return;
  const result = await followProgress<LinkedInImportSummary>(
    await upload(api, path, file, bytes, 'application/x-ndjson', fields),
    {
      verb: 'Importing',
      unit: 'people',
      stopped: 'The import stopped before it finished; nothing was imported.',
    },
  );
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
