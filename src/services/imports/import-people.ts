/**
 * Importing people from any format (LinkedIn, vCard, CSV): a preview that writes nothing, and
 * an apply that writes everything or nothing at all (see `applyPeopleImport`).
 *
 * A record is matched to someone already in the workspace by profile URL, then e-mail, then
 * full name and organization. A match gets the imported fields (position, organization,
 * e-mail, phone, profile URL, location, "Connected On") unless the user edited that field by
 * hand; an empty value in the file never erases what the workspace knows, and notes are only
 * filled in while they are empty, never replaced. Matching runs in memory on keys loaded once,
 * so a 30,000-row file costs a few statements, not 30,000.
 */

import { sql } from 'drizzle-orm';
import { isEmbedded } from '../../db/client.js';
import { analyzeInSlices, statisticsStale } from '../../db/maintenance.js';
import { organizations, people } from '../../db/schema.js';
import {
  applyBatch,
  discardBatch,
  publishBatch,
  type Step,
  stageBatch,
  stageSteps,
} from '../../db/staged.js';
import {
  checkRecord,
  type FieldSources,
  type PersonRecord,
  type SkippedRecord,
  shown,
} from '../../domain/import-record.js';
import { normalizeLinkedInUrl } from '../../domain/linkedin.js';
import { nextTurn } from '../../domain/steps.js';
import { type Ctx, inTransaction } from '../context.js';
import { loadWorkspace, match, rowKeys } from './import-people-match.js';
import {
  type ImportedField,
  type ImportSource,
  insertPeopleSteps,
  type NewPerson,
  organizationSteps,
  type PersonChange,
  runSteps,
  updatePeopleSteps,
} from './import-people-write.js';

export type { ImportSource } from './import-people-write.js';

/** How many row outcomes a summary shows, and how many skipped rows it lists. */
const SHOWN_ROWS = 50;
const SHOWN_SKIPPED = 500;

/** The fields an import changes (or would change), in words of the API. */
export const IMPORT_FIELDS = [
  'title',
  'organization',
  'email',
  'phone',
  'linkedinUrl',
  'location',
  'notes',
  'connectedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportRowOutcome {
  line: number;
  name: string;
  organization: string | null;
  position: string | null;
  outcome: 'new' | 'updated' | 'unchanged' | 'skipped';
  /** Fields this row changes on the person it matched. */
  changes: ImportField[];
  /** Fields the file would change but that keep the value the user typed. */
  kept: ImportField[];
  /** Why a row is skipped, or a value of it that was left out. */
  reason: string | null;
}

export interface ImportSummary {
  /** False for a preview: nothing was written. */
  applied: boolean;
  /** Records read from the file, skipped ones included. */
  total: number;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  organizationsCreated: number;
  /** The first records of the file with what happens to each. */
  rows: ImportRowOutcome[];
  /** Every skipped record (up to 500) with its reason. */
  skipped: SkippedRecord[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** Records read by a parser, with the ones it skipped (counted and listed). */
export interface PeopleImportInput {
  rows: PersonRecord[];
  skipped?: SkippedRecord[];
}

export interface PeopleImportOptions {
  /** Recorded as `people.source` on new people. */
  source: ImportSource;
  /** What one record is called in "the same … as line 5": connection, card, row. */
  noun: string;
  /** Where each field is read in this kind of file, for messages about a value: `column "Position"`. */
  sources?: FieldSources;
}

interface Plan {
  creates: NewPerson[];
  changes: PersonChange[];
  /** Organizations to create: name by key. */
  newOrganizations: Map<string, string>;
  /** People in the workspace before the import. */
  known: number;
  summary: ImportSummary;
}

const FIELD_OF: Record<ImportField, ImportedField> = {
  title: 'title',
  organization: 'organizationId',
  email: 'email',
  phone: 'phone',
  linkedinUrl: 'linkedinUrl',
  location: 'location',
  notes: 'notes',
  connectedOn: 'connectedOn',
};

/** What an import of these records would do to the workspace as it is now. */
/** Rows checked or matched between two turns of the event loop, so other requests are answered meanwhile. */
const YIELD_EVERY = 500;

async function plan(ctx: Ctx, input: PeopleImportInput, opts: PeopleImportOptions): Promise<Plan> {
  // Every value is checked with the API's rules first; a row with a value the API would refuse
  // is skipped with the reason, so the preview shows it and the import never writes it.
  const parsed: { rows: PersonRecord[]; skipped: SkippedRecord[] } = {
    rows: [],
    skipped: (input.skipped ?? []).map((s) => ({ ...s, name: s.name === null ? null : shown(s.name) })),
  };
  for (const [i, row] of input.rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const checked = checkRecord(row, opts.sources);
    if ('reason' in checked) parsed.skipped.push(checked);
    else parsed.rows.push(checked);
  }
  const { existing, orgs } = await loadWorkspace(ctx);
  const orgKeyById = new Map(orgs.map((o) => [o.id, o.key]));
  const orgIds = new Map(orgs.map((o) => [o.key, o.id]));
  const keys = await rowKeys(parsed.rows);
  const { matched, repeats } = await match(keys, existing, orgKeyById);

  const creates: NewPerson[] = [];
  const changes: PersonChange[] = [];
  const newOrganizations = new Map<string, string>();
  const outcomes: ImportRowOutcome[] = [];
  const skipped: SkippedRecord[] = [...parsed.skipped];
  const counts = { new: 0, updated: 0, unchanged: 0, skipped: parsed.skipped.length };
  const organizationFor = (key: string, company: string) => {
    if (!orgIds.has(key) && !newOrganizations.has(key)) newOrganizations.set(key, company);
    return key;
  };

  for (const [i, row] of parsed.rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const k = keys[i]!;
    const base = {
      line: row.line,
      name: row.fullName,
      organization: row.organization,
      position: row.title,
      changes: [] as ImportField[],
      kept: [] as ImportField[],
      reason: row.warning ? shown(row.warning, 500) : null,
    };
    const repeatOf = repeats.get(i);
    if (repeatOf !== undefined) {
      const reason = `the same ${opts.noun} as line ${parsed.rows[repeatOf]!.line}`;
      skipped.push({ line: row.line, name: row.fullName, reason });
      counts.skipped++;
      outcomes.push({ ...base, outcome: 'skipped', reason });
      continue;
    }
    const person = matched.get(i);
    if (!person) {
      creates.push({
        fullName: row.fullName,
        title: row.title,
        organizationKey: row.organization && k.org ? organizationFor(k.org, row.organization) : null,
        email: row.email,
        linkedinUrl: row.linkedinUrl,
        connectedOn: row.connectedOn,
        phone: row.phone,
        location: row.location,
        notes: row.notes,
      });
      counts.new++;
      outcomes.push({ ...base, outcome: 'new' });
      continue;
    }

    const change: PersonChange = { id: person.id };
    const offer = (field: ImportField, differs: boolean, apply: () => void) => {
      if (!differs) return;
      if (person.editedFields.includes(FIELD_OF[field])) {
        base.kept.push(field);
        return;
      }
      base.changes.push(field);
      apply();
    };
    const currentOrgKey = person.organizationId ? (orgKeyById.get(person.organizationId) ?? null) : null;
    offer('title', row.title !== null && row.title !== person.title, () => {
      change.title = row.title!;
    });
    offer('organization', row.organization !== null && k.org !== currentOrgKey, () => {
      change.organizationKey = organizationFor(k.org!, row.organization!);
    });
    offer('email', k.email !== null && k.email !== person.email?.trim().toLowerCase(), () => {
      change.email = row.email!;
    });
    offer('phone', row.phone !== null && row.phone !== person.phone, () => {
      change.phone = row.phone!;
    });
    const currentUrlKey = person.linkedinUrl ? normalizeLinkedInUrl(person.linkedinUrl)?.key : undefined;
    offer('linkedinUrl', k.url !== null && k.url !== currentUrlKey, () => {
      change.linkedinUrl = row.linkedinUrl!;
    });
    offer('location', row.location !== null && row.location !== person.location, () => {
      change.location = row.location!;
    });
    // Notes the user wrote are never replaced; an import only fills in empty ones.
    offer('notes', row.notes !== null && person.notes === '', () => {
      change.notes = row.notes!;
    });
    offer('connectedOn', row.connectedOn !== null && row.connectedOn !== person.connectedOn, () => {
      change.connectedOn = row.connectedOn!;
    });
    if (base.changes.length) {
      changes.push(change);
      counts.updated++;
      outcomes.push({ ...base, outcome: 'updated' });
    } else {
      counts.unchanged++;
      outcomes.push({ ...base, outcome: 'unchanged' });
    }
  }

  const skippedOutcomes: ImportRowOutcome[] = parsed.skipped.map((s) => ({
    line: s.line,
    name: s.name ?? '',
    organization: null,
    position: null,
    outcome: 'skipped',
    changes: [],
    kept: [],
    reason: shown(s.reason, 500),
  }));
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return {
    creates,
    changes,
    newOrganizations,
    known: existing.length,
    summary: {
      applied: false,
      total: parsed.rows.length + parsed.skipped.length,
      counts,
      organizationsCreated: newOrganizations.size,
      rows: [...outcomes, ...skippedOutcomes].sort(byLine).slice(0, SHOWN_ROWS),
      skipped: skipped
        .sort(byLine)
        .slice(0, SHOWN_SKIPPED)
        .map((r) => ({ ...r, reason: shown(r.reason, 500) })),
    },
  };
}

/** What importing these records would do; writes nothing. */
export async function previewPeopleImport(
  ctx: Ctx,
  input: PeopleImportInput,
  opts: PeopleImportOptions,
): Promise<ImportSummary> {
  return (await plan(ctx, input, opts)).summary;
}

/**
 * A cheap mark of the people and organizations as they stand: it changes when any of them is
 * added, removed or edited (every edit raises a row's version).
 */
async function peopleFingerprint(ctx: Ctx): Promise<string> {
  const result = await ctx.db.execute(sql`
    select (select count(*) || ':' || coalesce(sum(version), 0) from ${people}
              where workspace_id = ${ctx.workspaceId})
        || '/' ||
           (select count(*) || ':' || coalesce(sum(version), 0) from ${organizations}
              where workspace_id = ${ctx.workspaceId}) as mark`);
  return (result as unknown as { rows: { mark: string }[] }).rows[0]!.mark;
}

/**
 * People whose steps are written between two turns of the event loop: the steps of 15,000 changes
 * took 90-200 ms to write in one go (load 18), in front of every other request.
 */
const STEPS_EVERY = 2000;

/**
 * The writes of a plan, in order: organizations first, as new people and changes name them.
 * Changes are taken in order of the fields they set, so that a piece of them, whose steps are
 * grouped by those fields, ends at most one group's statement short.
 */
async function stepsOf(ctx: Ctx, source: ImportSource, planned: Plan): Promise<Step[]> {
  const steps = organizationSteps(ctx, planned.newOrganizations);
  for (let i = 0; i < planned.creates.length; i += STEPS_EVERY) {
    await nextTurn();
    steps.push(...insertPeopleSteps(ctx, source, planned.creates.slice(i, i + STEPS_EVERY)));
  }
  const fields = (c: PersonChange) => Object.keys(c).sort().join(',');
  const changes = planned.changes
    .map((change) => ({ change, fields: fields(change) }))
    .sort((a, b) => (a.fields < b.fields ? -1 : a.fields > b.fields ? 1 : 0))
    .map((c) => c.change);
  for (let i = 0; i < changes.length; i += STEPS_EVERY) {
    await nextTurn();
    steps.push(...updatePeopleSteps(ctx, changes.slice(i, i + STEPS_EVERY)));
  }
  return steps;
}

type ApplyInput = PeopleImportInput & { onProgress?: (progress: ImportProgress) => void };
type ApplyOptions = PeopleImportOptions & { also?: (tx: Ctx) => Promise<void> };

/** Tells `onProgress` how many of the plan's people are written, from 0. */
function progressOf(input: ApplyInput, planned: Plan): (written: number) => void {
  const total = planned.creates.length + planned.changes.length;
  let done = 0;
  return (written) => {
    done += written;
    input.onProgress?.({ done, total });
  };
}

/**
 * Imports the records: every person and organization is written, or, if anything fails,
 * nothing is. `onProgress` hears how many people have been written. `also` runs with the
 * commit that decides the import (a CSV import remembers its column mapping there).
 *
 * The matching (every row against everyone in the workspace) runs first, while other requests
 * are answered. If anyone or any organization changed meanwhile, it matches again.
 *
 * On PostgreSQL the writes are one transaction; other connections go on meanwhile. The embedded
 * database has one connection, which a long transaction would hold for seconds, so there the
 * import is staged and published (src/db/staged.ts): a value the database refuses is found while
 * staging, before anything is written, and once published, a crash is finished at the next start.
 */
export async function applyPeopleImport(
  ctx: Ctx,
  input: ApplyInput,
  opts: ApplyOptions,
): Promise<ImportSummary> {
  if (!isEmbedded(ctx.db)) return applyInOneTransaction(ctx, input, opts);
  // One import at a time: two imports of the same file at once would both add the new people.
  const run = importing.then(() => applyStaged(ctx, input, opts));
  importing = run.catch(() => undefined);
  return run;
}

let importing: Promise<unknown> = Promise.resolve();

async function applyInOneTransaction(
  ctx: Ctx,
  input: ApplyInput,
  opts: ApplyOptions,
): Promise<ImportSummary> {
  const mark = await peopleFingerprint(ctx);
  const planned = await plan(ctx, input, opts);
  const { summary, current } = await inTransaction(ctx, async (tx) => {
    const current = (await peopleFingerprint(tx)) === mark ? planned : await plan(tx, input, opts);
    const report = progressOf(input, current);
    report(0);
    await runSteps(tx, await stepsOf(tx, opts.source, current), report);
    await opts.also?.(tx);
    return { summary: { ...current.summary, applied: true }, current };
  });
  await analyzeWritten(ctx, current);
  return summary;
}

/**
 * Statistics for the tables an import wrote, so the next queries are planned for the people there
 * are now (PGlite has no autovacuum). As autovacuum does, only past 50 people and a tenth of the
 * workspace: a few changes leave the statistics as good as they were.
 */
async function analyzeWritten(ctx: Ctx, planned: Plan): Promise<void> {
  if (!statisticsStale(planned.creates.length + planned.changes.length, planned.known)) return;
  await analyzeInSlices(ctx.db, ['organizations', 'people']);
}

/** Steps staged in one short transaction. */
const STAGE_EVERY = 2;
/** Plans made at most; if the people keep changing, the last plan is published as it is. */
const PLAN_TRIES = 3;

async function applyStaged(ctx: Ctx, input: ApplyInput, opts: ApplyOptions): Promise<ImportSummary> {
  for (let attempt = 1; ; attempt++) {
    const mark = await peopleFingerprint(ctx);
    const planned = await plan(ctx, input, opts);
    const report = progressOf(input, planned);
    report(0);
    const steps = await stepsOf(ctx, opts.source, planned);
    const batch = await stageBatch(ctx.db, 'import', ctx.now());
    let published: boolean;
    try {
      for (let i = 0; i < steps.length; i += STAGE_EVERY) {
        await stageSteps(ctx.db, batch, i, steps.slice(i, i + STAGE_EVERY));
        await nextTurn();
      }
      published = await publishBatch(ctx.db, batch, async (db) => {
        const tx = { ...ctx, db };
        if (attempt < PLAN_TRIES && (await peopleFingerprint(tx)) !== mark) return false;
        await opts.also?.(tx);
        return true;
      });
    } catch (err) {
      await discardBatch(ctx.db, batch);
      throw err;
    }
    if (!published) {
      await discardBatch(ctx.db, batch);
      continue;
    }
    await applyBatch(ctx.db, batch, report);
    await analyzeWritten(ctx, planned);
    return { ...planned.summary, applied: true };
  }
}
