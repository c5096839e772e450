import { count, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, stamps, type TestDb } from '../../../test/db.js';
import { openPglite } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import * as schema from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { CONVERSATION_TYPES, NOTE_KINDS } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { listQuestions } from '../meetings/questions.js';
import { listTemplates } from '../outreach/templates.js';
import { loadSampleWorkspace } from '../settings/sample.js';
import { getSettings, updateSettings } from '../settings/settings.js';
import { ensureDefaultWorkspace } from '../settings/workspaces.js';
import { backupContent, createBackup } from './backup.js';
import { knownSchemas } from './backup-sql.js';
import { backupTables, EXCLUDED_TABLES, schemaTables } from './backup-tables.js';
import { applyRestore, previewRestore } from './restore.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

/** An archive's content as comparable values: bytes as hex, the manifest without its time. */
async function contentOf(ctx: Ctx): Promise<Record<string, unknown>> {
  const { entries } = await backupContent(ctx);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entries)) {
    if (name === 'manifest.json') {
      const { createdAt: _c, ...rest } = JSON.parse(value as string) as Record<string, unknown>;
      out[name] = rest;
    } else out[name] = typeof value === 'string' ? value : Buffer.from(value).toString('hex');
  }
  return out;
}

async function zipOf(ctx: Ctx): Promise<Uint8Array> {
  return (await createBackup(ctx)).bytes;
}

/** Deletes a workspace and everything in it, so its ids are free again in this database. */
async function dropWorkspace(ctx: Ctx): Promise<void> {
  await ctx.db.delete(schema.workspaces).where(eq(schema.workspaces.id, ctx.workspaceId));
}

async function rowTotal(ctx: Ctx): Promise<number> {
  const preview = await contentOf(ctx);
  return Object.entries(preview)
    .filter(([name]) => name.startsWith('tables/'))
    .reduce((n, [, text]) => n + (JSON.parse(text as string) as unknown[]).length, 0);
}

/** A used workspace: the sample, the seeded bank and templates, settings, a document, microseconds. */
async function fillWorkspace(ctx: Ctx): Promise<void> {
  await loadSampleWorkspace(ctx);
  await listQuestions(ctx);
  await listTemplates(ctx);
  await updateSettings({
    ...ctx,
    input: { activeTargets: 7, timeZone: 'Europe/Paris', myName: 'Zoë Ångström' },
  });
  await ctx.db.insert(schema.documents).values({
    ...stamps(t.clock.now()),
    workspaceId: ctx.workspaceId,
    kind: 'resume',
    title: 'Résumé 履歴書',
    fileName: 'resume.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 5,
    sha256: 'x',
    content: new Uint8Array([0, 1, 2, 254, 255]),
  });
  await ctx.db.execute(
    sql`update people set updated_at = '2026-01-02T03:04:05.123456Z' where workspace_id = ${ctx.workspaceId}::uuid`,
  );
}

describe('backup tables', () => {
  it('backs up every table of the schema, or names why it does not', () => {
    const backedUp = new Set(backupTables().map((b) => b.name));
    for (const table of schemaTables()) {
      const name = getTableConfig(table).name;
      const covered = backedUp.has(name) || Boolean(EXCLUDED_TABLES[name]);
      expect(covered, `${name} is neither backed up nor excluded with a reason`).toBe(true);
    }
  });

  it('orders tables so every foreign key points at a table restored earlier', () => {
    const order = backupTables().map((b) => b.name);
    for (const b of backupTables()) {
      for (const fk of getTableConfig(b.table).foreignKeys) {
        const target = getTableConfig(fk.reference().foreignTable).name;
        if (target === b.name || target in EXCLUDED_TABLES) continue;
        expect(order.indexOf(target), `${b.name} → ${target}`).toBeLessThan(order.indexOf(b.name));
      }
    }
  });
});

describe('backup and restore', () => {
  it('restores a whole workspace so that a second backup has the same content', async () => {
    const source = await t.otherWorkspace();
    await fillWorkspace(source);
    const before = await contentOf(source);
    const zip = await zipOf(source);
    const entries = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'rapport-backup', version: 1, schema: knownSchemas().at(-1) });
    expect(manifest.counts.people).toBeGreaterThan(3);
    expect(Object.keys(entries).some((e) => e.startsWith('files/documents/content/'))).toBe(true);
    expect(strFromU8(entries['tables/people.json']!)).toContain('2026-01-02T03:04:05.123456+00:00');
    expect(strFromU8(entries['tables/people.json']!)).not.toContain('"search"');

    await dropWorkspace(source);
    const target = await t.otherWorkspace();
    await listQuestions(target); // a new workspace seeds its bank; the backup's replaces it
    const preview = await previewRestore({ ...target, bytes: zip });
    expect(preview.blocker).toBeNull();
    expect(preview.applied).toBe(false);
    expect(await rowTotal(target)).toBeGreaterThan(0);
    const progress: number[] = [];
    const result = await applyRestore({ ...target, bytes: zip, onProgress: (p) => progress.push(p.done) });
    expect(result.applied).toBe(true);
    expect(progress.at(-1)).toBe(result.totalRows);
    expect(await contentOf(target)).toEqual(before);
    const settings = await getSettings(target);
    expect(settings).toMatchObject({ activeTargets: 7, timeZone: 'Europe/Paris', myName: 'Zoë Ångström' });
    await dropWorkspace(target);
  });

  it('continues the status-history sequence after restored steps', async () => {
    const source = await t.otherWorkspace();
    await loadSampleWorkspace(source);
    const zip = await zipOf(source);
    await dropWorkspace(source);
    const target = await t.otherWorkspace();
    await applyRestore({ ...target, bytes: zip });
    const [max] = await target.db
      .select({ n: sql<number>`max(seq)::int` })
      .from(schema.conversationStatusHistory);
    const [conv] = await target.db
      .select({ id: schema.conversations.id })
      .from(schema.conversations)
      .where(eq(schema.conversations.workspaceId, target.workspaceId))
      .limit(1);
    const [added] = await target.db
      .insert(schema.conversationStatusHistory)
      .values({
        ...stamps(t.clock.now()),
        workspaceId: target.workspaceId,
        conversationId: conv!.id,
        toStatus: 'idea',
      })
      .returning();
    expect(added!.seq).toBeGreaterThan(max!.n);
    await dropWorkspace(target);
  });
});

describe('restore into another database', () => {
  it('gives the same content in a fresh embedded database (from PostgreSQL when the tests run there)', async () => {
    const source = await t.otherWorkspace();
    await fillWorkspace(source);
    const before = await contentOf(source);
    const zip = await zipOf(source);
    const other = await openPglite({});
    try {
      await migrate(other);
      const ids = await ensureDefaultWorkspace(other.db);
      const target: Ctx = { db: other.db, ...ids, now: t.clock.now };
      await applyRestore({ ...target, bytes: zip });
      expect(await contentOf(target)).toEqual(before);
      // …and back again: the embedded database's backup restores here once the original is gone.
      const back = await zipOf(target);
      await dropWorkspace(source);
      const again = await t.otherWorkspace();
      await applyRestore({ ...again, bytes: back });
      expect(await contentOf(again)).toEqual(before);
      await dropWorkspace(again);
    } finally {
      await other.close();
    }
  }, 180_000);
});

describe('restore refusals write nothing', () => {
  let zip: Uint8Array;
  let source: Ctx;
  beforeAll(async () => {
    source = await t.otherWorkspace();
    await loadSampleWorkspace(source);
    zip = await zipOf(source);
  });

  async function expectRefused(ctx: Ctx, bytes: Uint8Array, code: string, message: RegExp) {
    const before = await rowTotal(ctx);
    const error = await applyRestore({ ...ctx, bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).userMessage).toMatch(message);
    expect(await rowTotal(ctx)).toBe(before);
  }

  const rezip = (change: (entries: Record<string, Uint8Array>) => void) => {
    const entries = unzipSync(zip);
    change(entries);
    return zipSync(entries);
  };

  it('refuses a workspace that is not empty', async () => {
    const used = await t.otherWorkspace();
    await used.db
      .insert(schema.people)
      .values({ ...stamps(t.clock.now()), workspaceId: used.workspaceId, fullName: 'Ada' });
    const preview = await previewRestore({ ...used, bytes: zip });
    expect(preview.blocker).toMatch(/only be restored into an empty workspace.*people/);
    await expectRefused(used, zip, 'conflict', /empty workspace/);
  });

  it('refuses records that are already in this database', async () => {
    const empty = await t.otherWorkspace();
    await expectRefused(empty, zip, 'conflict', /already in this database/);
  });

  it('refuses a file that is not a zip, or not a backup', async () => {
    const empty = await t.otherWorkspace();
    await expectRefused(empty, strToU8('name,email\nAda,a@x'), 'validation', /not a zip archive/);
    await expectRefused(
      empty,
      rezip((e) => delete e['manifest.json']),
      'validation',
      /no manifest\.json/,
    );
    await expectRefused(
      empty,
      rezip((e) => {
        e['manifest.json'] = strToU8(JSON.stringify({ format: 'something-else', version: 1 }));
      }),
      'validation',
      /format "rapport-backup"/,
    );
  });

  it('refuses a backup from a newer version', async () => {
    const empty = await t.otherWorkspace();
    const newer = rezip((e) => {
      const m = JSON.parse(strFromU8(e['manifest.json']!));
      e['manifest.json'] = strToU8(JSON.stringify({ ...m, version: 2 }));
    });
    await expectRefused(empty, newer, 'validation', /newer version of Rapport/);
  });

  it('names the entry and line of a table file that does not parse', async () => {
    const empty = await t.otherWorkspace();
    const broken = rezip((e) => {
      const lines = strFromU8(e['tables/people.json']!).split('\n');
      lines[2] = '{"id": "oops", ';
      e['tables/people.json'] = strToU8(lines.join('\n'));
    });
    await expectRefused(empty, broken, 'validation', /tables\/people\.json is not valid JSON \(line 3\)/);
  });

  it('refuses rows that do not fit together, naming the table', async () => {
    await dropWorkspace(source);
    const empty = await t.otherWorkspace();
    const orphan = rezip((e) => {
      const rows = JSON.parse(strFromU8(e['tables/people.json']!)) as Record<string, unknown>[];
      rows[0]!.organization_id = '00000000-0000-4000-8000-000000000000';
      e['tables/people.json'] = strToU8(JSON.stringify(rows));
    });
    await expectRefused(
      empty,
      orphan,
      'validation',
      /^entry tables\/people\.json, row 1, column organization_id: the value refers to a record that is not in the backup/,
    );
    const [n] = await empty.db
      .select({ n: count() })
      .from(schema.people)
      .where(eq(schema.people.workspaceId, empty.workspaceId));
    expect(n!.n).toBe(0);
  });
});

/** Text without NUL, which PostgreSQL cannot store; any other unicode is fair game. */
const text = (max = 40) => fc.string({ unit: 'grapheme', maxLength: max }).map((s) => s.replace(/\0/g, ''));
const jsonScalar = fc.oneof(fc.integer(), text(10), fc.boolean(), fc.constant(null));
const key = (max: number) => text(max).filter((k) => k.length > 0 && k !== '__proto__');
const settingsValue = fc.dictionary(
  key(8),
  fc.oneof(
    jsonScalar,
    fc.array(jsonScalar, { maxLength: 3 }),
    fc.dictionary(key(5), jsonScalar, { maxKeys: 3, noNullPrototype: true }),
  ),
  { maxKeys: 5, noNullPrototype: true },
);

const workspaceArb = fc.record({
  settings: settingsValue,
  orgs: fc.uniqueArray(
    text(20).filter((s) => s.trim().length > 0),
    { maxLength: 4, selector: (s) => s.toLowerCase() },
  ),
  people: fc.array(
    fc.record({
      fullName: text(30).filter((s) => s.length > 0),
      title: fc.option(text(20)),
      org: fc.option(fc.nat(3)),
      pastOrgs: fc.array(fc.nat(3), { maxLength: 2 }),
      editedFields: fc.array(fc.constantFrom('title', 'email', 'notes'), { maxLength: 2 }),
      micros: fc.integer({ min: 0, max: 999_999 }),
    }),
    { maxLength: 5 },
  ),
  conversations: fc.array(fc.record({ title: text(30), type: fc.constantFrom(...CONVERSATION_TYPES) }), {
    maxLength: 3,
  }),
  notes: fc.array(fc.record({ body: text(60), kind: fc.constantFrom(...NOTE_KINDS), on: fc.nat(10) }), {
    maxLength: 4,
  }),
});

describe('backup → restore (property)', () => {
  it('gives the same archive content for any workspace', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const source = await t.otherWorkspace();
        await source.db
          .update(schema.workspaces)
          .set({ settings: w.settings })
          .where(eq(schema.workspaces.id, source.workspaceId));
        const orgIds: string[] = [];
        for (const name of w.orgs) {
          const [o] = await source.db
            .insert(schema.organizations)
            .values({
              ...stamps(t.clock.now()),
              workspaceId: source.workspaceId,
              name,
              nameKey: name.toLowerCase(),
            })
            .returning();
          orgIds.push(o!.id);
        }
        const personIds: string[] = [];
        for (const p of w.people) {
          const [row] = await source.db
            .insert(schema.people)
            .values({
              ...stamps(t.clock.now()),
              workspaceId: source.workspaceId,
              fullName: p.fullName,
              title: p.title,
              organizationId: p.org === null ? null : (orgIds[p.org] ?? null),
              pastOrganizationIds: p.pastOrgs.flatMap((i) => (orgIds[i] ? [orgIds[i]!] : [])),
              editedFields: p.editedFields,
              lastInteractionAt: sql`'2026-03-04T05:06:07Z'::timestamptz + ${p.micros} * interval '1 microsecond'`,
            } as never)
            .returning();
          personIds.push(row!.id);
        }
        const convIds: string[] = [];
        for (const c of w.conversations) {
          const [row] = await source.db
            .insert(schema.conversations)
            .values({
              ...stamps(t.clock.now()),
              workspaceId: source.workspaceId,
              title: c.title,
              type: c.type,
            })
            .returning();
          convIds.push(row!.id);
        }
        const subjects = [
          ...personIds.map((id) => ({ personId: id })),
          ...orgIds.map((id) => ({ organizationId: id })),
          ...convIds.map((id) => ({ conversationId: id })),
        ];
        for (const n of w.notes) {
          const subject = subjects[n.on % Math.max(subjects.length, 1)];
          if (!subject) break;
          await source.db.insert(schema.notes).values({
            ...stamps(t.clock.now()),
            workspaceId: source.workspaceId,
            body: n.body,
            kind: n.kind,
            ...subject,
          });
        }
        const before = await contentOf(source);
        const zip = await zipOf(source);
        await dropWorkspace(source);
        const target = await t.otherWorkspace();
        await applyRestore({ ...target, bytes: zip });
        expect(await contentOf(target)).toEqual(before);
        const [ws] = await target.db
          .select({ settings: schema.workspaces.settings })
          .from(schema.workspaces)
          .where(eq(schema.workspaces.id, target.workspaceId));
        expect(ws!.settings).toEqual(w.settings);
        await dropWorkspace(target);
      }),
      { numRuns: 12 },
    );
  });
});
