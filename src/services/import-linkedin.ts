/**
 * Importing LinkedIn connections: a preview that writes nothing, and an apply that writes
 * everything in one transaction or nothing at all.
 *
 * A connection is matched to someone already in the workspace by profile URL, then e-mail,
 * then full name and organization. A match gets the fields LinkedIn owns (position,
 * organization, e-mail, profile URL, "Connected On") unless the user edited that field by
 * hand; an empty value in the export never erases what the workspace knows. Matching runs in
 * memory on keys loaded once, so a 30,000-row export costs a few statements, not 30,000.
 */
import { type LinkedInConnection, normalizeLinkedInUrl, type SkippedConnection } from '../domain/linkedin.js';
import { type Ctx, inTransaction } from './context.js';
import { loadWorkspace, match, rowKeys } from './import-linkedin-match.js';
import {
  ensureOrganizations,
  insertPeople,
  type LinkedInField,
  type NewPerson,
  type PersonChange,
  updatePeople,
} from './import-linkedin-write.js';

/** How many row outcomes a summary shows, and how many skipped rows it lists. */
const SHOWN_ROWS = 50;
const SHOWN_SKIPPED = 500;

/** A field an import changed (or would change), in words of the API. */
export type ImportField = 'title' | 'organization' | 'email' | 'linkedinUrl' | 'connectedOn';

export interface ImportRowOutcome {
  line: number;
  name: string;
  organization: string | null;
  position: string | null;
  outcome: 'new' | 'updated' | 'unchanged' | 'skipped';
  /** Fields this row changes on the person it matched. */
  changes: ImportField[];
  /** Fields the export would change but that keep the value the user typed. */
  kept: ImportField[];
  /** Why a row is skipped, or a value of it that was left out. */
  reason: string | null;
}

export interface LinkedInImportSummary {
  /** False for a preview: nothing was written. */
  applied: boolean;
  /** Rows read from the file, skipped ones included. */
  total: number;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  organizationsCreated: number;
  /** The first rows of the file with what happens to each. */
  rows: ImportRowOutcome[];
  /** Every skipped row (up to 500) with its reason. */
  skipped: SkippedConnection[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

interface Plan {
  creates: NewPerson[];
  changes: PersonChange[];
  /** Organizations to create: name by key. */
  newOrganizations: Map<string, string>;
  /** Ids of the workspace's organizations by key. */
  orgIds: Map<string, string>;
  summary: LinkedInImportSummary;
}

const FIELD_OF: Record<ImportField, LinkedInField> = {
  title: 'title',
  organization: 'organizationId',
  email: 'email',
  linkedinUrl: 'linkedinUrl',
  connectedOn: 'connectedOn',
};

/** What an import of these rows would do to the workspace as it is now. */
/** Rows read by `parseLinkedInConnections`, with the rows it skipped (counted and listed). */
export interface ImportInput {
  rows: LinkedInConnection[];
  skipped?: SkippedConnection[];
}

async function plan(ctx: Ctx, input: ImportInput): Promise<Plan> {
  const parsed = { rows: input.rows, skipped: input.skipped ?? [] };
  const { existing, orgs } = await loadWorkspace(ctx);
  const orgKeyById = new Map(orgs.map((o) => [o.id, o.key]));
  const orgIds = new Map(orgs.map((o) => [o.key, o.id]));
  const keys = rowKeys(parsed.rows);
  const { matched, repeats } = match(keys, existing, orgKeyById);

  const creates: NewPerson[] = [];
  const changes: PersonChange[] = [];
  const newOrganizations = new Map<string, string>();
  const outcomes: ImportRowOutcome[] = [];
  const skipped: SkippedConnection[] = [...parsed.skipped];
  const counts = { new: 0, updated: 0, unchanged: 0, skipped: parsed.skipped.length };
  const organizationFor = (key: string, company: string) => {
    if (!orgIds.has(key) && !newOrganizations.has(key)) newOrganizations.set(key, company);
    return key;
  };

  for (const [i, row] of parsed.rows.entries()) {
    const k = keys[i]!;
    const base = {
      line: row.line,
      name: row.fullName,
      organization: row.company,
      position: row.position,
      changes: [] as ImportField[],
      kept: [] as ImportField[],
      reason: row.warning ?? null,
    };
    const repeatOf = repeats.get(i);
    if (repeatOf !== undefined) {
      const reason = `the same connection as line ${parsed.rows[repeatOf]!.line}`;
      skipped.push({ line: row.line, name: row.fullName, reason });
      counts.skipped++;
      outcomes.push({ ...base, outcome: 'skipped', reason });
      continue;
    }
    const person = matched.get(i);
    if (!person) {
      creates.push({
        fullName: row.fullName,
        title: row.position,
        organizationKey: row.company && k.org ? organizationFor(k.org, row.company) : null,
        email: row.email,
        linkedinUrl: row.url,
        connectedOn: row.connectedOn,
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
    offer('title', row.position !== null && row.position !== person.title, () => {
      change.title = row.position!;
    });
    offer('organization', row.company !== null && k.org !== currentOrgKey, () => {
      change.organizationKey = organizationFor(k.org!, row.company!);
    });
    offer('email', k.email !== null && k.email !== person.email?.trim().toLowerCase(), () => {
      change.email = row.email!;
    });
    const currentUrlKey = person.linkedinUrl ? normalizeLinkedInUrl(person.linkedinUrl)?.key : undefined;
    offer('linkedinUrl', k.url !== null && k.url !== currentUrlKey, () => {
      change.linkedinUrl = row.url!;
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
    reason: s.reason,
  }));
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return {
    creates,
    changes,
    newOrganizations,
    orgIds,
    summary: {
      applied: false,
      total: parsed.rows.length + parsed.skipped.length,
      counts,
      organizationsCreated: newOrganizations.size,
      rows: [...outcomes, ...skippedOutcomes].sort(byLine).slice(0, SHOWN_ROWS),
      skipped: skipped.sort(byLine).slice(0, SHOWN_SKIPPED),
    },
  };
}

/** What importing these connections would do; writes nothing. */
export async function previewLinkedInImport(ctx: Ctx, opts: ImportInput): Promise<LinkedInImportSummary> {
  return (await plan(ctx, opts)).summary;
}

/**
 * Imports the connections in one transaction: every person and organization is written, or,
 * if anything fails, nothing is. `onProgress` hears how many people have been written.
 */
export async function applyLinkedInImport(
  ctx: Ctx,
  opts: ImportInput & { onProgress?: (progress: ImportProgress) => void },
): Promise<LinkedInImportSummary> {
  return inTransaction(ctx, async (tx) => {
    const { creates, changes, newOrganizations, orgIds, summary } = await plan(tx, opts);
    const total = creates.length + changes.length;
    let done = 0;
    const report = (written: number) => {
      done += written;
      opts.onProgress?.({ done, total });
    };
    report(0);
    for (const [key, id] of await ensureOrganizations(tx, newOrganizations)) orgIds.set(key, id);
    await insertPeople(tx, creates, orgIds, report);
    await updatePeople(tx, changes, orgIds, report);
    return { ...summary, applied: true };
  });
}
