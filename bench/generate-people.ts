/**
 * Organizations and people for generated workspaces: unique organization names, people with
 * titles that match their function and seniority, tags, introducers and notes.
 */
import { randomUUID } from 'node:crypto';
import { organizationKey } from '../src/domain/names.js';
import type { Ctx } from '../src/services/context.js';
import type { Row } from './bulk-insert.js';
import {
  CITIES,
  FIRST_NAMES,
  FUNCTIONS,
  HOW_WE_KNOW,
  INDUSTRIES,
  jobTitle,
  LAST_NAMES,
  organizationName,
  personNoteBody,
  type Rng,
  SENIORITY_WEIGHTS,
  slug,
} from './fake-data.js';

const DAY = 86_400_000;

/** `count` organizations with names unique by organizationKey, as the database requires. */
export function buildOrganizations(rng: Rng, ctx: Ctx, count: number): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  const now = ctx.now().getTime();
  for (let attempt = 0; rows.length < count; attempt++) {
    const { industry, words } = rng.pick(INDUSTRIES);
    // Once the word combinations run out, a branch name keeps names unique.
    const base = organizationName(rng, words);
    const name = attempt > count * 4 ? `${base} ${rng.pick(CITIES).city} ${attempt}` : base;
    const nameKey = organizationKey(name);
    if (seen.has(nameKey)) continue;
    seen.add(nameKey);
    const created = new Date(now - rng.int(30, 730) * DAY);
    rows.push({
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      name,
      nameKey,
      website: rng.chance(0.8) ? `https://www.${slug(nameKey)}.example` : null,
      industry,
      location: rng.pick(CITIES).city,
      createdAt: created,
      updatedAt: created,
    });
  }
  return rows;
}

export interface PeopleRows {
  people: Row[];
  personTags: Row[];
  introductions: Row[];
  notes: Row[];
}

/** People spread over `orgs`, with tags, an introducer for one in ten, and notes. */
export function buildPeople(
  rng: Rng,
  ctx: Ctx,
  opts: { people: number; notesPerPerson: number },
  orgs: Row[],
  tagIds: string[],
) {
  const out: PeopleRows = { people: [], personTags: [], introductions: [], notes: [] };
  const now = ctx.now().getTime();
  for (let i = 0; i < opts.people; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const org = rng.chance(0.9) && orgs.length ? rng.pick(orgs) : undefined;
    const fn = rng.pick(FUNCTIONS);
    const seniority = rng.weighted(SENIORITY_WEIGHTS);
    const place = rng.pick(CITIES);
    const id = randomUUID();
    const created = new Date(now - rng.int(0, 730) * DAY - rng.int(0, DAY));
    const domain = org ? `${slug(String(org.nameKey))}.example` : 'mail.example';
    const handle = `${slug(first)}.${slug(last)}`;
    // About one in seven agreed to keep in touch after meeting or talking.
    const keepInTouch = rng.weighted([
      ['unknown', 75],
      ['yes', 15],
      ['no', 10],
    ] as const);
    out.people.push({
      id,
      workspaceId: ctx.workspaceId,
      fullName: `${first} ${last}`,
      title: jobTitle(rng, fn, seniority),
      function: fn.name,
      seniority,
      organizationId: org?.id ?? null,
      email: rng.chance(0.7) ? `${handle}${rng.chance(0.2) ? rng.int(1, 99) : ''}@${domain}` : null,
      phone: rng.chance(0.3) ? `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}` : null,
      linkedinUrl: rng.chance(0.6) ? `https://www.linkedin.com/in/${handle}-${id.slice(0, 6)}` : null,
      location: place.city,
      timeZone: place.timeZone,
      howWeKnow: rng.chance(0.7) ? rng.pick(HOW_WE_KNOW) : null,
      keepInTouch,
      // A rhythm is mostly set for people who said yes; rarely someone sets one without asking.
      keepInTouchEveryDays:
        keepInTouch !== 'no' && rng.chance(keepInTouch === 'yes' ? 0.35 : 0.01)
          ? rng.pick([30, 60, 90, 180])
          : null,
      preferredChannel: rng.chance(0.5) ? rng.pick(['email', 'linkedin', 'phone', 'text']) : null,
      connectedOn: rng.chance(0.5) ? created.toISOString().slice(0, 10) : null,
      source: rng.weighted([
        ['manual', 5],
        ['linkedin', 4],
        ['csv', 1],
      ] as const),
      createdAt: created,
      updatedAt: created,
    });
    const tagCount = rng.weighted([
      [0, 4],
      [1, 3],
      [2, 2],
      [3, 1],
    ] as const);
    const chosen = new Set<string>();
    for (let t = 0; t < tagCount; t++) chosen.add(rng.pick(tagIds));
    for (const tagId of chosen) out.personTags.push({ personId: id, tagId });
    // One in ten was introduced by someone already in the list.
    if (i > 0 && rng.chance(0.1)) {
      const introducer = out.people[rng.int(0, i - 1)]!;
      out.introductions.push({
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        introducerId: introducer.id,
        introducedId: id,
        introducedOn: created.toISOString().slice(0, 10),
        createdAt: created,
      });
    }
    const noteCount = Math.floor(opts.notesPerPerson) + (rng.chance(opts.notesPerPerson % 1) ? 1 : 0);
    for (let n = 0; n < noteCount; n++) {
      const at = new Date(created.getTime() + rng.int(0, now - created.getTime()));
      out.notes.push({
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        personId: id,
        kind: rng.weighted([
          ['note', 6],
          ['research', 2],
          ['call', 2],
        ] as const),
        body: personNoteBody(rng, first, org ? String(org.name) : null),
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return out;
}
