import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CSV_FIELDS, type CsvTable, checkMapping, readCsvTableInTurns } from '../../../domain/csv-import.js';
import { AppError } from '../../../domain/errors.js';
import { MAX_IMPORT_BYTES } from '../../../domain/import-limits.js';
import type { ParsedRecords } from '../../../domain/import-record.js';
import { type ParsedConnections, parseLinkedInConnectionsInTurns } from '../../../domain/linkedin.js';
import { nextTurn } from '../../../domain/steps.js';
import { parseVCardsInTurns } from '../../../domain/vcard.js';
import { applyCsvImport, inspectCsv, previewCsvImport } from '../../../services/imports/import-csv.js';
import { applyLinkedInImport, previewLinkedInImport } from '../../../services/imports/import-linkedin.js';
import {
  IMPORT_FIELDS,
  type ImportProgress,
  type ImportSummary,
} from '../../../services/imports/import-people.js';
import { applyVCardImport, previewVCardImport } from '../../../services/imports/import-vcard.js';
import { type AppEnv, router } from '../../env.js';
import { errors, json } from '../common.js';
import { answerWithProgress, FileUpload, readUpload, streamNote, uploadLimit } from '../upload.js';

const tags = ['Imports'];

const Field = z.enum(IMPORT_FIELDS);

const ImportSummarySchema = z
  .object({
    applied: z.boolean().openapi({ description: 'False for a preview: nothing was written.' }),
    total: z.number().openapi({ description: 'Rows read from the file, skipped ones included.' }),
    counts: z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() }),
    organizationsCreated: z.number(),
    rows: z
      .array(
        z.object({
          line: z.number(),
          name: z.string(),
          organization: z.string().nullable(),
          position: z.string().nullable(),
          outcome: z.enum(['new', 'updated', 'unchanged', 'skipped']),
          changes: z.array(Field),
          kept: z.array(Field).openapi({ description: 'Fields kept because the user edited them.' }),
          reason: z.string().nullable(),
        }),
      )
      .openapi({ description: 'The first 50 rows of the file and what happens to each.' }),
    skipped: z.array(z.object({ line: z.number(), name: z.string().nullable(), reason: z.string() })),
  })
  .openapi('ImportSummary');

/** The upload limit and its refusal, with a message that says what the file should be. */
const tooLarge = (what: string) => () =>
  new AppError('too_large', {
    userMessage: `The file is larger than 20 MB. ${what}`,
    issues: [{ field: 'file', message: 'larger than 20 MB' }],
  });
const limit = (what: string) => uploadLimit(MAX_IMPORT_BYTES, tooLarge(what));

const LINKEDIN_SIZE =
  'LinkedIn’s Connections.csv is only a few MB: check that you chose Connections.csv and not the whole export.';
const VCARD_SIZE =
  'A contacts file is usually a few MB; photos make it bigger. Export your contacts without photos, or in smaller groups.';
const CSV_SIZE = 'Split the file into smaller ones and import them one after the other.';

const upload = (c: Context<AppEnv>, choose: string, sizeHint: string) =>
  readUpload(c, { choose, maxBytes: MAX_IMPORT_BYTES, tooLarge: tooLarge(sizeHint) });

async function readConnections(c: Context<AppEnv>): Promise<ParsedConnections> {
  const { bytes } = await upload(
    c,
    'choose the Connections.csv file from your LinkedIn export.',
    LINKEDIN_SIZE,
  );
  return parseLinkedInConnectionsInTurns(bytes, nextTurn);
}

async function readCards(c: Context<AppEnv>): Promise<ParsedRecords> {
  const { bytes } = await upload(c, 'choose the .vcf file you exported from your contacts.', VCARD_SIZE);
  return parseVCardsInTurns(bytes, nextTurn);
}

async function readTable(c: Context<AppEnv>): Promise<{ table: CsvTable; mapping: unknown }> {
  const { bytes, form } = await upload(c, 'choose a CSV file with one person a line.', CSV_SIZE);
  let mapping: unknown;
  if (typeof form.mapping === 'string') {
    try {
      mapping = JSON.parse(form.mapping);
    } catch {
      throw new AppError('validation', {
        userMessage: 'mapping: send the mapping as a JSON list with one field name a column.',
        issues: [{ field: 'mapping', message: 'is not JSON' }],
      });
    }
  }
  return { table: await readCsvTableInTurns(bytes, nextTurn), mapping };
}

const answer = (
  c: Context<AppEnv>,
  run: (onProgress?: (p: ImportProgress) => void) => Promise<ImportSummary>,
) => answerWithProgress(c, run, 'nothing was imported');

const STREAM_NOTE = streamNote('people');

const CsvField = z.enum([...CSV_FIELDS, 'ignore']);
const CsvInspection = z
  .object({
    delimiter: z.enum([',', ';', '\t']),
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())).openapi({ description: 'The first rows, one value per header.' }),
    rowCount: z.number(),
    mapping: z.array(CsvField).openapi({ description: 'The field proposed for each column.' }),
    remembered: z
      .boolean()
      .openapi({ description: 'True when the mapping is the one confirmed last time for these headers.' }),
  })
  .openapi('CsvInspection');

const CsvUpload = {
  body: {
    required: true,
    content: {
      'multipart/form-data': {
        // A plain schema, as for FileUpload: the form is read a piece at a time by `readUpload`.
        schema: {
          type: 'object',
          properties: {
            file: { type: 'string', format: 'binary' },
            mapping: {
              type: 'string',
              description: 'JSON list with, for each column in order, a person field or "ignore".',
              example: '["fullName","email","organization","ignore"]',
            },
          },
          required: ['file', 'mapping'] as string[],
        },
      },
    },
  },
} as const;

export const importRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/linkedin/preview',
      tags,
      summary: 'What importing a LinkedIn Connections.csv would do (writes nothing)',
      middleware: [limit(LINKEDIN_SIZE)] as const,
      request: FileUpload,
      responses: { 200: json(ImportSummarySchema, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewLinkedInImport(c.var.ctx, await readConnections(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/linkedin',
      tags,
      summary: 'Import a LinkedIn Connections.csv: everything in one transaction, or nothing',
      description: STREAM_NOTE,
      middleware: [limit(LINKEDIN_SIZE)] as const,
      request: FileUpload,
      responses: { 200: json(ImportSummarySchema, 'What was imported'), ...errors(400) },
    }),
    async (c) => {
      const parsed = await readConnections(c);
      return answer(c, (onProgress) =>
        applyLinkedInImport(c.var.ctx, onProgress ? { ...parsed, onProgress } : parsed),
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/vcard/preview',
      tags,
      summary: 'What importing a .vcf file (vCard 2.1, 3.0 or 4.0) would do (writes nothing)',
      middleware: [limit(VCARD_SIZE)] as const,
      request: FileUpload,
      responses: { 200: json(ImportSummarySchema, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewVCardImport(c.var.ctx, await readCards(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/vcard',
      tags,
      summary: 'Import a .vcf file: every card in one transaction, or nothing',
      description: STREAM_NOTE,
      middleware: [limit(VCARD_SIZE)] as const,
      request: FileUpload,
      responses: { 200: json(ImportSummarySchema, 'What was imported'), ...errors(400) },
    }),
    async (c) => {
      const parsed = await readCards(c);
      return answer(c, (onProgress) =>
        applyVCardImport(c.var.ctx, onProgress ? { ...parsed, onProgress } : parsed),
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/csv/inspect',
      tags,
      summary: 'Headers, first rows and a proposed column mapping of a CSV file (writes nothing)',
      description:
        'The mapping proposed is the one confirmed last time for a file with the same headers, or else a guess from the header names.',
      middleware: [limit(CSV_SIZE)] as const,
      request: FileUpload,
      responses: { 200: json(CsvInspection, 'The columns'), ...errors(400) },
    }),
    async (c) => c.json(await inspectCsv(c.var.ctx, (await readTable(c)).table), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/csv/preview',
      tags,
      summary: 'What importing a CSV file with this column mapping would do (writes nothing)',
      middleware: [limit(CSV_SIZE)] as const,
      request: CsvUpload,
      responses: { 200: json(ImportSummarySchema, 'The preview'), ...errors(400) },
    }),
    async (c) => {
      const { table, mapping } = await readTable(c);
      return c.json(await previewCsvImport(c.var.ctx, table, mapping), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/csv',
      tags,
      summary: 'Import a CSV file with this column mapping, and remember the mapping for these headers',
      description: STREAM_NOTE,
      middleware: [limit(CSV_SIZE)] as const,
      request: CsvUpload,
      responses: { 200: json(ImportSummarySchema, 'What was imported'), ...errors(400) },
    }),
    async (c) => {
      const { table, mapping } = await readTable(c);
      // A wrong mapping is refused before the stream starts, as a plain 400.
      checkMapping(mapping, table.headers);
      return answer(c, (onProgress) => applyCsvImport(c.var.ctx, table, mapping, onProgress));
    },
  );
