/**
 * Matching imported records (LinkedIn, vCard, CSV) to the people already in a workspace, in memory: the workspace's keys
 * are read once, and every row is looked up in maps by profile URL, e-mail, and full name with
 * organization, in that order.
 */
import { eq, sql } from 'drizzle-orm';
import { organizations, people } from '../../db/schema.js';
import type { PersonRecord } from '../../domain/import-record.js';
import { normalizeLinkedInUrl, personNameKey } from '../../domain/linkedin.js';
import { nextTurn } from '../../domain/steps.js';
import type { Ctx } from '../context.js';
import { keyOf } from '../organizations/organizations.js';

/** What matching and updating need to know of a person already in the workspace. */
export interface Existing {
  id: string;
  fullName: string;
  title: string | null;
  organizationId: string | null;
  email: string | null;
  linkedinUrl: string | null;
  connectedOn: string | null;
  phone: string | null;
  location: string | null;
  notes: string;
  editedFields: string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Full name and organization as one key; people without an organization match on name alone. */
const nameOrgKey = (name: string, orgKey: string | null) => `${personNameKey(name)}\u0001${orgKey ?? ''}`;

/** Rows keyed or matched between two turns of the event loop, so other requests are answered meanwhile. */
const YIELD_EVERY = 1000;

/**
 * People read by one statement: on the embedded database a statement holds every other request.
 * A page of 2,000 took 80–190 ms of CPU at load 9 (the slowest statements of an import, once the
 * search indexes' merges were made short); 1,000 halves that for ten more short statements.
 */
const LOAD_PAGE = 1000;

/**
 * The workspace's people and organizations, read once. People come as JSON arrays, a page at a
 * time by id with a turn of the event loop between pages: on PGlite that is several times faster
 * than decoding rows column by column, and no single statement holds other requests for long.
 * They are then put oldest first, so when two people share a name and organization a row always
 * picks the same one: in the order rows lie on disk, which every update changes, importing the
 * same file twice could match a row to one namesake and then the other.
 */
export async function loadWorkspace(ctx: Ctx) {
  const orgs = await ctx.db
    .select({ id: organizations.id, key: organizations.nameKey })
    .from(organizations)
    .where(eq(organizations.workspaceId, ctx.workspaceId));
  const tuples: (string | string[] | number | null)[][] = [];
  for (let after: string | null = null; ; ) {
    await nextTurn();
    const result = await ctx.db.execute(sql`
      select coalesce(json_agg(json_build_array(p.id, p.full_name, p.title, p.organization_id, p.email,
        p.linkedin_url, p.connected_on, p.edited_fields, p.phone, p.location, p.notes,
        (extract(epoch from p.created_at) * 1000000)::bigint) order by p.id), '[]') as people
      from (select * from ${people} where workspace_id = ${ctx.workspaceId}
            ${after === null ? sql`` : sql`and id > ${after}::uuid`}
            order by id limit ${LOAD_PAGE}) p`);
    const raw = (result as unknown as { rows: { people: unknown }[] }).rows[0]?.people ?? [];
    const page = (typeof raw === 'string' ? JSON.parse(raw) : raw) as (string | string[] | number | null)[][];
    tuples.push(...page);
    if (page.length < LOAD_PAGE) break;
    after = page.at(-1)![0] as string;
  }
  await nextTurn();
  // Oldest first, then by id: the order matching relies on.
  tuples.sort(
    (a, b) => (a[11] as number) - (b[11] as number) || (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0),
  );
  await nextTurn();
  const existing = tuples.map(
    ([
      id,
      fullName,
      title,
      organizationId,
      email,
      linkedinUrl,
      connectedOn,
      edited,
      phone,
      location,
      notes,
    ]): Existing => ({
      id: id as string,
      fullName: fullName as string,
      title: title as string | null,
      organizationId: organizationId as string | null,
      email: email as string | null,
      linkedinUrl: linkedinUrl as string | null,
      connectedOn: connectedOn as string | null,
      editedFields: (edited as string[] | null) ?? [],
      phone: phone as string | null,
      location: location as string | null,
      notes: (notes as string | null) ?? '',
    }),
  );
  return { existing, orgs };
}

/** The keys a row is matched on, computed once per row. */
export interface RowKeys {
  url: string | null;
  email: string | null;
  org: string | null;
  nameOrg: string;
}

/** The matching keys of each row, in the same order. */
export async function rowKeys(rows: PersonRecord[]): Promise<RowKeys[]> {
  // Exports repeat the same employers many times; their keys are worked out once.
  const orgKeys = new Map<string, string>();
  const orgKey = (company: string) => {
    let key = orgKeys.get(company);
    if (key === undefined) {
      key = keyOf(company);
      orgKeys.set(company, key);
    }
    return key;
  };
  const keys: RowKeys[] = [];
  for (const [i, row] of rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const org = row.organization ? orgKey(row.organization) : null;
    keys.push({
      url: row.linkedinUrl ? normalizeLinkedInUrl(row.linkedinUrl)!.key : null,
      email: row.email?.toLowerCase() ?? null,
      org,
      nameOrg: nameOrgKey(row.fullName, org),
    });
  }
  return keys;
}

/** Decides, for every row, whether it matches someone or repeats an earlier row of the file. */
export async function match(keys: RowKeys[], existing: Existing[], orgKeyById: Map<string, string>) {
  const byUrl = new Map<string, Existing[]>();
  const byEmail = new Map<string, Existing[]>();
  const byName = new Map<string, Existing[]>();
  for (const [i, p] of existing.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const url = p.linkedinUrl ? normalizeLinkedInUrl(p.linkedinUrl) : null;
    if (url) push(byUrl, url.key, p);
    if (p.email) push(byEmail, p.email.trim().toLowerCase(), p);
    push(
      byName,
      nameOrgKey(p.fullName, p.organizationId ? (orgKeyById.get(p.organizationId) ?? null) : null),
      p,
    );
  }

  // A connection listed twice in one file is imported once.
  const repeats = new Map<number, number>();
  const seen = new Map<string, number>();
  for (const [i, k] of keys.entries()) {
    const key = k.url ? `u:${k.url}` : k.email ? `e:${k.email}` : `n:${k.nameOrg}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else repeats.set(i, first);
  }

  // Strong keys claim people first, so a weaker key never takes someone another row owns.
  const matched = new Map<number, Existing>();
  const claimed = new Set<string>();
  const passes: [Map<string, Existing[]>, (k: RowKeys) => string | null][] = [
    [byUrl, (k) => k.url],
    [byEmail, (k) => k.email],
    [byName, (k) => k.nameOrg],
  ];
  for (const [index, keyOfRow] of passes) {
    for (const [i, k] of keys.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
      if (matched.has(i) || repeats.has(i)) continue;
      const key = keyOfRow(k);
      const person = key === null ? undefined : index.get(key)?.find((p) => !claimed.has(p.id));
      if (!person) continue;
      matched.set(i, person);
      claimed.add(person.id);
    }
  }
  return { matched, repeats };
}
